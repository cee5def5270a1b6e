package org.p2px.gateway.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.trade.ExpressBody;
import org.p2px.gateway.trade.TakeBody;
import org.p2px.gateway.trade.TradingService;
import org.p2px.gateway.view.OrderView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Opening orders and moving them through their life. Each answer is the order as it is after the step. */
@Path("/api/v1/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("TRADE")
@Tag(name = "Orders")
public class OrdersResource
{
    private final SecurityIdentity identity;
    private final TradingService trading;

    public OrdersResource(final SecurityIdentity identity, final TradingService trading)
    {
        this.identity = identity;
        this.trading = trading;
    }

    /** What an express request opened: one order, or several when split. */
    public record ExpressResult(List<OrderView> orders)
    {
    }

    /**
     * Releasing: a person's fund password or authenticator code (API keys with the RELEASE permission need
     * neither).
     */
    public record ReleaseBody(String fundPassword, @Size(max = 16) String totpCode)
    {
    }

    public record ReviewBody(@NotNull Boolean accept)
    {
    }

    public record ResolveBody(String outcome)
    {
    }

    @POST
    @Operation(summary = "Take an ad: opens an order and locks the seller's asset in escrow")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OrderView.class)))
    public Response take(@Valid @NotNull final TakeBody body)
    {
        final Caller caller = Caller.of(identity);
        return Response.status(Response.Status.CREATED).entity(trading.take(caller, body)).build();
    }

    @POST
    @Path("/express")
    @Operation(summary = "Express: the best ad (or ads, with allowSplit) for an amount")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExpressResult.class)))
    public Response express(@Valid @NotNull final ExpressBody body)
    {
        final Caller caller = Caller.of(identity);
        final List<OrderView> orders = trading.express(caller, body);
        return Response.status(Response.Status.CREATED).entity(new ExpressResult(orders)).build();
    }

    @POST
    @Path("/{orderId}/paid")
    @Operation(summary = "Buyer: I have sent the fiat")
    public OrderView markPaid(@PathParam("orderId") final long orderId)
    {
        final Caller caller = Caller.of(identity);
        return trading.markPaid(caller, orderId);
    }

    @POST
    @Path("/{orderId}/release")
    @Operation(summary = "Seller: fiat received, release the escrow (fund password, or an API key with RELEASE)")
    @RolesAllowed({ "TRADE", "RELEASE" })
    public OrderView release(@PathParam("orderId") final long orderId, @Valid final ReleaseBody body)
    {
        final Caller caller = Caller.of(identity);
        return trading.release(caller, orderId, body == null ? null : body.fundPassword(),
            body == null ? null : body.totpCode());
    }

    @POST
    @Path("/{orderId}/cancel")
    @Operation(summary = "Buyer: cancel the order (counts toward the cancel limits)")
    public OrderView cancel(@PathParam("orderId") final long orderId)
    {
        final Caller caller = Caller.of(identity);
        return trading.cancel(caller, orderId);
    }

    @POST
    @Path("/{orderId}/cancel-request")
    @Operation(summary = "Seller: ask the buyer to cancel")
    public OrderView requestCancel(@PathParam("orderId") final long orderId)
    {
        final Caller caller = Caller.of(identity);
        return trading.requestCancel(caller, orderId);
    }

    @POST
    @Path("/{orderId}/cancel-request/review")
    @Operation(summary = "Buyer: accept (cancels the order) or reject the seller's cancel request")
    public OrderView reviewCancelRequest(@PathParam("orderId") final long orderId,
        @Valid @NotNull final ReviewBody body)
    {
        final Caller caller = Caller.of(identity);
        return trading.reviewCancelRequest(caller, orderId, body.accept());
    }

    @POST
    @Path("/{orderId}/resolve")
    @Operation(summary = "Arbiter: resolve a dispute, RELEASE to the buyer or REFUND the seller")
    public OrderView resolve(@PathParam("orderId") final long orderId, final ResolveBody body)
    {
        final Caller caller = Caller.of(identity);
        return trading.resolve(caller, orderId, body == null ? null : body.outcome());
    }
}
