package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.view.OrderView;

/** Reading one order. Shares the class path with the order commands' resource: JAX-RS serves both. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderQueriesResource
{
    private final SecurityIdentity identity;
    private final LiveQueries readModels;

    public OrderQueriesResource(final SecurityIdentity identity, final LiveQueries readModels)
    {
        this.identity = identity;
        this.readModels = readModels;
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed("READ")
    @Operation(summary = "One order, for its parties and staff; 403 NOT_ORDER_PARTY, 404 UNKNOWN_ORDER")
    public OrderView order(@PathParam("orderId") final long orderId)
    {
        return readModels.order(Caller.of(identity), orderId);
    }
}
