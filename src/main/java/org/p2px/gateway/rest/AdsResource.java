package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
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
import org.p2px.gateway.trade.AdTermsBody;
import org.p2px.gateway.trade.NewAdBody;
import org.p2px.gateway.trade.TradingService;
import org.p2px.gateway.view.AdView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Posting and managing one's own ads. Each answer is the ad as it is after the change. */
@Path("/api/v1/ads")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("TRADE")
@Tag(name = "Ads")
public class AdsResource
{
    private final SecurityIdentity identity;
    private final TradingService trading;

    public AdsResource(final SecurityIdentity identity, final TradingService trading)
    {
        this.identity = identity;
        this.trading = trading;
    }

    public record StatusChange(String status)
    {
    }

    public record QuantityChange(String delta)
    {
    }

    @POST
    @Operation(summary = "Post an ad (a SELL ad reserves its quantity plus the maker fee from your balance)")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdView.class)))
    public Response create(@Valid @NotNull final NewAdBody body)
    {
        final Caller caller = Caller.of(identity);
        return Response.status(Response.Status.CREATED).entity(trading.createAd(caller, body)).build();
    }

    @PUT
    @Path("/{adId}")
    @Operation(summary = "Replace an ad's terms (at most 10 edits in 5 minutes)")
    public AdView update(@PathParam("adId") final long adId, @Valid @NotNull final AdTermsBody terms)
    {
        final Caller caller = Caller.of(identity);
        return trading.updateAd(caller, adId, terms);
    }

    @POST
    @Path("/{adId}/status")
    @Operation(summary = "Put an ad ONLINE, OFFLINE, or CLOSE it for good")
    public AdView setStatus(@PathParam("adId") final long adId, final StatusChange body)
    {
        final Caller caller = Caller.of(identity);
        return trading.setAdStatus(caller, adId, body == null ? null : body.status());
    }

    @POST
    @Path("/{adId}/quantity")
    @Operation(summary = "Top up (positive delta) or reduce (negative delta) an ad's remaining quantity")
    public AdView changeQuantity(@PathParam("adId") final long adId, final QuantityChange body)
    {
        final Caller caller = Caller.of(identity);
        return trading.changeAdQuantity(caller, adId, body == null ? null : body.delta());
    }

    @DELETE
    @Path("/{adId}")
    @Operation(summary = "Close an ad (same as status CLOSED)")
    public AdView close(@PathParam("adId") final long adId)
    {
        final Caller caller = Caller.of(identity);
        return trading.setAdStatus(caller, adId, "CLOSED");
    }
}
