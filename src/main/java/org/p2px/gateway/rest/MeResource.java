package org.p2px.gateway.rest;

import java.util.List;

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
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.ReadModels;
import org.p2px.gateway.view.AdView;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.BlockedUserView;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.PageView;

/** The caller's own ads, orders, balances and blocks. Needs READ. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("READ")
@Tag(name = "Me", description = "The caller's own ads, orders, balances and blocks")
public class MeResource
{
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final SecurityIdentity identity;
    private final ReadModels readModels;
    private final LiveQueries queries;

    public MeResource(final SecurityIdentity identity, final ReadModels readModels, final LiveQueries queries)
    {
        this.identity = identity;
        this.readModels = readModels;
        this.queries = queries;
    }

    @GET
    @Path("/ads")
    @Operation(summary = "My ads, newest first; status ONLINE, OFFLINE or CLOSED")
    public List<AdView> ads(@QueryParam("status") final String status)
    {
        return readModels.myAds(Caller.of(identity).userId(), QueryParams.textOrNull(status));
    }

    @GET
    @Path("/orders")
    @Operation(summary = "My orders as buyer or seller, newest first; filter by state and creation time [from, to)")
    public PageView<OrderView> orders(
        @QueryParam("state") final String state, @QueryParam("from") final String from,
        @QueryParam("to") final String to, @QueryParam("page") final String page,
        @QueryParam("size") final String size)
    {
        return readModels.myOrders(Caller.of(identity).userId(), QueryParams.textOrNull(state),
            QueryParams.instantOrNull(from, "from"), QueryParams.instantOrNull(to, "to"),
            QueryParams.intOr(page, 0, "page"), QueryParams.intOr(size, DEFAULT_PAGE_SIZE, "size"));
    }

    @GET
    @Path("/balances")
    @Operation(summary = "My balances per asset: available, and locked in escrow or SELL ads")
    public List<BalanceView> balances()
    {
        return queries.balances(Caller.of(identity).userId());
    }

    @GET
    @Path("/blocks")
    @Operation(summary = "The users I blocked, most recent first")
    public List<BlockedUserView> blocks()
    {
        return readModels.blockList(Caller.of(identity).userId());
    }
}
