package org.p2px.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.Decimals;
import org.p2px.api.GatewayError;
import org.p2px.api.PaymentMethod;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.AdStatus;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;
import org.p2px.core.AdSnapshot;
import org.p2px.core.UserSnapshot;
import org.p2px.gateway.view.AdView;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.BookView;
import org.p2px.gateway.view.MarketView;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.live.LiveOrder;
import org.p2px.live.LiveState;
import org.p2px.server.CoreCommands;

/**
 * The queries the live view answers: an order, an ad, balances, the book, open orders, an index price. They
 * read the state as the trading core left it after the last applied batch, so they agree with every answer
 * already given; what the view no longer holds (orders finished and ads closed long ago) comes from the read
 * models. History, paging and search stay with {@link ReadModels}.
 */
@Singleton
public class LiveQueries
{
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final CoreCommands core;
    private final Catalog catalog;
    private final ViewMapper views;
    private final ReadModels readModels;
    private final OrderAccess access;
    private final RowViews rows;
    private final AdTexts adTexts;

    public LiveQueries(final CoreCommands core, final Catalog catalog, final ViewMapper views,
        final ReadModels readModels, final OrderAccess access, final RowViews rows, final AdTexts adTexts)
    {
        this.rows = rows;
        this.adTexts = adTexts;
        this.core = core;
        this.catalog = catalog;
        this.views = views;
        this.readModels = readModels;
        this.access = access;
    }

    /** UNKNOWN_ORDER, or NOT_ORDER_PARTY for anyone but its parties and staff. */
    public OrderView order(final Caller caller, final long orderId)
    {
        final LiveOrder live = core.read(state -> state.order(orderId));
        if (live == null)
        {
            return readModels.order(caller, orderId);
        }
        return visible(caller, live);
    }

    /** An order the caller's own command just changed, or one it may look at. */
    public OrderView visible(final Caller caller, final LiveOrder live)
    {
        if (!live.isParty(caller.userId()) && !isStaff(caller))
        {
            throw ApiException.of(ErrorCode.NOT_ORDER_PARTY);
        }
        return views.order(live);
    }

    /** The user's open orders, oldest first. */
    public List<OrderView> openOrders(final long userId)
    {
        return core.read(state -> state.openOrders(userId)).stream().map(views::order).toList();
    }

    /** Every order in dispute now, by id (for the staff's channel; the caller was checked). */
    public List<OrderView> disputedOrders()
    {
        return core.read(LiveState::disputedOrders).stream().map(views::order).toList();
    }

    /**
     * An ad by id. A PRIVATE ad only by its owner (others open it by its link, {@link #adByLink}); a CLOSED ad only
     * by its owner, and an ad of someone who blocked the caller, or whom the caller blocked, not at all: to others
     * they are UNKNOWN_AD, as an id that does not exist.
     */
    public AdView ad(final long adId, final Caller callerOrNull)
    {
        return ad(adId, callerOrNull, false);
    }

    /** A PRIVATE (or any) ad by its link; UNKNOWN_AD for a link that leads nowhere, as for {@link #ad}. */
    public AdView adByLink(final String link, final Caller callerOrNull)
    {
        final long adId = adTexts.adOfLink(link);
        if (adId < 0)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_AD);
        }
        return ad(adId, callerOrNull, true);
    }

    private AdView ad(final long adId, final Caller callerOrNull, final boolean byLink)
    {
        final long viewerId = callerOrNull == null ? 0 : callerOrNull.userId();
        final AdLookup found = core.read(state ->
        {
            final AdSnapshot ad = state.ad(adId);
            return ad == null ? null : new AdLookup(ad, viewerId != 0 && state.blockedEitherWay(viewerId, ad.ownerId()));
        });
        if (found == null)
        {
            return readModels.ad(adId, callerOrNull, byLink);
        }
        final boolean owner = viewerId != 0 && viewerId == found.ad().ownerId();
        final boolean hidden = found.ad().visibility() == Visibility.PRIVATE && !byLink;
        if (!owner && (found.ad().status() == AdStatus.CLOSED || found.blocked() || hidden))
        {
            throw ApiException.of(ErrorCode.UNKNOWN_AD);
        }
        return views.ad(found.ad());
    }

    /** Every asset the user holds, by asset id. */
    public List<BalanceView> balances(final long userId)
    {
        final UserSnapshot user = core.read(state -> state.user(userId));
        return user == null ? List.of() : views.balances(user);
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
        final List<AdSnapshot> ads = core.read(state -> state.book(info.id(), side, fiatAmount, methodBit, viewerId,
            limit));
        return views.book(info, side, ads);
    }

    /** Every market, by symbol, with its index price as the core holds it. */
    public List<MarketView> markets()
    {
        final List<MarketInfo> markets = catalog.markets();
        final long[] prices = core.read(state -> markets.stream().mapToLong(market -> state.indexPrice(market.id()))
            .toArray());
        final List<MarketView> found = new ArrayList<>(markets.size());
        for (int i = 0; i < markets.size(); i++)
        {
            found.add(rows.market(markets.get(i), prices[i] > 0 ? prices[i] : null));
        }
        return found;
    }

    /** UNKNOWN_MARKET for a symbol the catalogue does not know. */
    public MarketView market(final String symbol)
    {
        final MarketInfo info = catalog.market(symbol);
        final long price = core.read(state -> state.indexPrice(info.id()));
        return rows.market(info, price > 0 ? price : null);
    }

    private boolean isStaff(final Caller caller)
    {
        return caller.person() && QuarkusTransaction.joiningExisting().call(() -> access.isStaff(caller));
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

    private record AdLookup(AdSnapshot ad, boolean blocked)
    {
    }
}
