package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.ReadModels;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.PageView;

/** The arbiters' queue. Arbiters and admins only (checked against the users table, not the token). */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disputes", description = "The arbiters' queue")
public class DisputesResource
{
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final SecurityIdentity identity;
    private final ReadModels readModels;

    public DisputesResource(final SecurityIdentity identity, final ReadModels readModels)
    {
        this.identity = identity;
        this.readModels = readModels;
    }

    @GET
    @Path("/disputes")
    @RolesAllowed("READ")
    @Operation(summary = "Disputed orders, the longest waiting first; 403 NOT_ARBITER")
    public PageView<OrderView> disputes(@QueryParam("page") final String page, @QueryParam("size") final String size)
    {
        return readModels.disputes(Caller.of(identity), QueryParams.intOr(page, 0, "page"),
            QueryParams.intOr(size, DEFAULT_PAGE_SIZE, "size"));
    }
}
