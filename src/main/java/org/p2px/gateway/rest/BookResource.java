package org.p2px.gateway.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.view.BookView;

/**
 * A market's book, public: best price first, then oldest; a signed-in viewer does not see blocked users' ads. The
 * class path is the markets resource's: Quarkus REST routes reliably only between classes with identical paths.
 */
@Path("/api/v1/markets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Markets")
public class BookResource
{
    private final SecurityIdentity identity;
    private final LiveQueries book;

    public BookResource(final SecurityIdentity identity, final LiveQueries book)
    {
        this.identity = identity;
        this.book = book;
    }

    @GET
    @Path("/{symbol}/book")
    @Operation(summary = "One side of the book: side=SELL lists the SELL ads a buyer takes (cheapest first), "
        + "side=BUY the BUY ads a seller takes (highest first); amount (fiat) and paymentMethod filter")
    public BookView book(@PathParam("symbol") final String symbol, @QueryParam("side") final String side,
        @QueryParam("amount") final String amount, @QueryParam("paymentMethod") final String paymentMethod,
        @QueryParam("limit") @DefaultValue("20") final int limit)
    {
        final Caller viewer = identity.isAnonymous() ? null : Caller.of(identity);
        return book.book(symbol, side, amount, paymentMethod, viewer, limit);
    }
}
