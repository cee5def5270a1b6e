package org.p2px.gateway.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.view.MarketView;

/** The markets and their index prices. Public. */
@Path("/api/v1/markets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Markets", description = "Markets and their index prices (public)")
public class MarketsResource
{
    private final LiveQueries readModels;

    public MarketsResource(final LiveQueries readModels)
    {
        this.readModels = readModels;
    }

    @GET
    @Operation(summary = "Every market, by symbol")
    public List<MarketView> markets()
    {
        return readModels.markets();
    }

    @GET
    @Path("/{symbol}")
    @Operation(summary = "One market; 404 UNKNOWN_MARKET")
    public MarketView market(@PathParam("symbol") final String symbol)
    {
        return readModels.market(symbol);
    }
}
