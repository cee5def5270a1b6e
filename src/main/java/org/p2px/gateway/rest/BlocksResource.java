package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.trade.TradingService;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Blocking a user: neither trades with the other, and neither sees the other's ads. */
@Path("/api/v1/blocks/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("TRADE")
@Tag(name = "Blocks")
public class BlocksResource
{
    private final SecurityIdentity identity;
    private final TradingService trading;

    public BlocksResource(final SecurityIdentity identity, final TradingService trading)
    {
        this.identity = identity;
        this.trading = trading;
    }

    @PUT
    @Operation(summary = "Block a user")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response block(@PathParam("userId") final long userId)
    {
        trading.block(Caller.of(identity), userId);
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Unblock a user")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response unblock(@PathParam("userId") final long userId)
    {
        trading.unblock(Caller.of(identity), userId);
        return Response.noContent().build();
    }
}
