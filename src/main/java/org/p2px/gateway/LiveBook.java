package org.p2px.gateway;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Side;
import org.p2px.core.AdSnapshot;
import org.p2px.core.CoreReader;
import org.p2px.engine.Engine;
import org.p2px.gateway.view.BookView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.server.EngineLifecycle;

/**
 * The book as the trading core holds it now: read on the core thread, so floating prices, filters and blocks are
 * exactly what taking an ad would meet. The read models would lag and cannot order floating ads by price.
 */
@ApplicationScoped
public class LiveBook
{
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final EngineLifecycle lifecycle;
    private final Catalog catalog;
    private final ViewMapper views;

    public LiveBook(final EngineLifecycle lifecycle, final Catalog catalog, final ViewMapper views)
    {
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.views = views;
    }

    /**
     * One side of a market's book, best first. {@code adSide} is the ads' side: SELL ads are what a buyer takes.
     * {@code amount} (fiat, optional) keeps the ads that can fill it whole; {@code paymentMethod} (optional) the
     * ads that accept it. A signed-in viewer does not see ads of users blocked either way.
     */
    public BookView book(final String market, final String adSide, final String amount, final String paymentMethod,
        final Caller viewer, final int limit)
    {
        final MarketInfo info = catalog.market(market);
        final Side side = side(adSide);
        final long fiatAmount = amount == null ? 0 : Decimals.parsePositive(amount, info.fiat().scale(), "amount");
        final int methodBit = paymentMethod == null ? -1 : PaymentMethod.of(paymentMethod).bit();
        if (limit < 1 || limit > MAX_LIMIT)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        final long viewerId = viewer == null ? 0 : viewer.userId();
        final List<AdSnapshot> ads = engine().query(core ->
            new CoreReader(core).book(info.id(), side, fiatAmount, methodBit, viewerId, limit));
        return views.book(info, side, ads);
    }

    /** Both sides, for a book channel's snapshot. */
    public record BothSides(String market, BookView buy, BookView sell)
    {
    }

    public BothSides both(final String market, final Caller viewer)
    {
        return new BothSides(catalog.market(market).symbol(), book(market, "BUY", null, null, viewer, MAX_LIMIT),
            book(market, "SELL", null, null, viewer, MAX_LIMIT));
    }

    private Engine engine()
    {
        final Engine engine = lifecycle.engine();
        if (engine == null)
        {
            throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE);
        }
        return engine;
    }

    private static Side side(final String name)
    {
        final String value = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if ("BUY".equals(value) || "SELL".equals(value))
        {
            return Side.valueOf(value);
        }
        throw ApiException.of(ErrorCode.INVALID_SIDE, "side (the ads' side) must be BUY or SELL.");
    }
}
