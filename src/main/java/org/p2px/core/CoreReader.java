package org.p2px.core;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.LongHashSet;
import org.p2px.codec.Side;

/**
 * Read-only views of a {@link TradingCore} for the query side (read-model projection, book snapshots). Copies
 * what it returns into records, so it allocates: keep it off the command path. Not thread safe, like the core:
 * call it only on the thread that owns the core (through {@code Engine.query} for the live one).
 */
public final class CoreReader
{
    private final CoreState state;
    private final BookCursor cursor = new BookCursor();

    public CoreReader(final TradingCore core)
    {
        this.state = core.state();
    }

    /** The trading rules in force (a record: the caller must not change its restriction steps array). */
    public CoreConfig rules()
    {
        return state.config;
    }

    /** The rules of the server's configuration last journaled: what a start compares its configuration with. */
    public CoreConfig configuredRules()
    {
        return state.configuredRules;
    }

    /** The ad, or null when the core does not know it (never created, or closed). */
    public AdSnapshot ad(final long adId)
    {
        final Ad ad = state.ads.get(adId);
        return ad == null ? null : snapshot(ad, ad.market.priceOf(ad));
    }

    /** The open order, or null when the core does not know it (never opened, or finished). */
    public OrderSnapshot order(final long orderId)
    {
        final Order order = state.orders.get(orderId);
        return order == null ? null : snapshot(order);
    }

    /** The user with balances and statistics, or null when unknown. */
    public UserSnapshot user(final long userId)
    {
        final User user = state.users.get(userId);
        return user == null ? null : snapshot(user);
    }

    /** The market's index price, 0 when the market is unknown or has none. */
    public long indexPrice(final int marketId)
    {
        final Market market = state.markets.get(marketId);
        return market == null ? 0 : market.indexPrice;
    }

    /** The time of the last command decided or applied, in epoch milliseconds. */
    public long lastCommandTime()
    {
        return state.now;
    }

    /** Every market id, ascending. */
    public int[] marketIds()
    {
        return state.markets.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Every ad of the market the core still holds (ONLINE and OFFLINE), by id. */
    public List<AdSnapshot> ads(final int marketId)
    {
        final List<AdSnapshot> found = new ArrayList<>();
        state.ads.values().forEach(ad ->
        {
            if (ad.market.id == marketId)
            {
                found.add(snapshot(ad, ad.market.priceOf(ad)));
            }
        });
        found.sort((a, b) -> Long.compare(a.adId(), b.adId()));
        return found;
    }

    /** Every ad the core holds, by id. */
    public List<AdSnapshot> ads()
    {
        final List<AdSnapshot> found = new ArrayList<>();
        state.ads.values().forEach(ad -> found.add(snapshot(ad, ad.market.priceOf(ad))));
        found.sort((a, b) -> Long.compare(a.adId(), b.adId()));
        return found;
    }

    /** Every open order, by id. */
    public List<OrderSnapshot> orders()
    {
        final List<OrderSnapshot> found = new ArrayList<>();
        state.orders.values().forEach(order -> found.add(snapshot(order)));
        found.sort((a, b) -> Long.compare(a.orderId(), b.orderId()));
        return found;
    }

    /** Every user, by id. */
    public List<UserSnapshot> users()
    {
        final List<UserSnapshot> found = new ArrayList<>();
        state.users.values().forEach(user -> found.add(snapshot(user)));
        found.sort((a, b) -> Long.compare(a.userId(), b.userId()));
        return found;
    }

    /** The users {@code userId} has blocked, ascending; empty for an unknown user. */
    public long[] blocked(final long userId)
    {
        final User user = state.users.get(userId);
        final LongHashSet blocked = user == null ? null : user.blockedUsers();
        if (blocked == null)
        {
            return new long[0];
        }
        final long[] ids = new long[blocked.size()];
        int i = 0;
        final LongHashSet.LongIterator iterator = blocked.iterator();
        while (iterator.hasNext())
        {
            ids[i++] = iterator.nextValue();
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    /**
     * One side of a market's public book as {@code viewerId} sees it, in the core's own order (best price, then
     * oldest): ONLINE, PUBLIC ads with something left and a price (a floating ad has none until the market has
     * an index price). The viewer's own ads are included; ads of users the viewer blocked, or who blocked the
     * viewer, are not.
     *
     * @param adSide           the ads' side: SELL ads for someone who wants to buy.
     * @param fiatAmount       when above 0, only ads that can fill this fiat amount whole: within their limits
     *                         and the market minimum, with enough remaining at their price.
     * @param paymentMethodBit only ads that accept this method; -1 for any.
     * @param viewerId         0 for nobody signed in.
     * @param limit            the most ads to return.
     */
    public List<AdSnapshot> book(
        final int marketId,
        final Side adSide,
        final long fiatAmount,
        final int paymentMethodBit,
        final long viewerId,
        final int limit)
    {
        final Market market = state.markets.get(marketId);
        if (market == null || (adSide != Side.BUY && adSide != Side.SELL) || limit <= 0)
        {
            return List.of();
        }
        final User viewer = viewerId == 0 ? null : state.users.get(viewerId);
        final List<AdSnapshot> found = new ArrayList<>(Math.min(limit, 64));
        cursor.start(market.book(Ad.PUBLIC_BOOK, adSide));
        for (Ad ad = cursor.next(); ad != null && found.size() < limit; ad = cursor.next())
        {
            final long price = cursor.price();
            if (price > 0 &&
                (paymentMethodBit < 0 || ad.accepts(paymentMethodBit)) &&
                (viewer == null || !(viewer.hasBlocked(ad.owner.id) || ad.owner.hasBlocked(viewer.id))) &&
                (fiatAmount <= 0 || canFill(ad, price, fiatAmount)))
            {
                found.add(snapshot(ad, price));
            }
        }
        return found;
    }

    /** The checks of {@link TradeRules#quoteTake} that depend on the ad and the amount only, not on the taker. */
    private static boolean canFill(final Ad ad, final long price, final long fiatAmount)
    {
        final Market market = ad.market;
        final boolean takerBuys = ad.side == Side.SELL;
        final long quantity = market.quantityFor(fiatAmount, price, !takerBuys);
        return quantity != Money.OVERFLOW && quantity > 0 && quantity <= ad.remaining &&
            fiatAmount >= market.minOrderFiat && fiatAmount >= ad.minFiat && fiatAmount <= ad.maxFiat;
    }

    private static AdSnapshot snapshot(final Ad ad, final long price)
    {
        return new AdSnapshot(ad.id, ad.owner.id, ad.market.id, ad.side, ad.status, ad.priceType,
            ad.isFloating() ? 0 : ad.price, ad.marginBps, price, ad.remaining, ad.frozen, ad.filled, ad.reserved,
            ad.minFiat, ad.maxFiat, ad.paymentMethods, ad.paymentWindowMinutes, ad.minKycLevel, ad.minAccountAgeDays,
            ad.minCompletedOrders, ad.minCompletionRateBps, ad.maxOpenOrdersPerTaker, ad.visibility, ad.autoMatch,
            ad.createdAt);
    }

    private static OrderSnapshot snapshot(final Order order)
    {
        return new OrderSnapshot(order.id, order.market.id, order.state, order.buyAdId, order.sellAdId, order.makerId,
            order.takerId, order.buyer.id, order.seller.id, order.price, order.quantity, order.fiatAmount,
            order.buyerFee, order.sellerFee, order.paymentMethod, order.clientOrderId, order.createdAt, order.payBy,
            order.paidAt, order.releaseBy, order.appealableFrom, order.appellantId, order.cancelRequested);
    }

    private UserSnapshot snapshot(final User user)
    {
        final long today = state.today();
        final List<BalanceSnapshot> balances = new ArrayList<>();
        for (int assetId = 0; assetId < user.available.length; assetId++)
        {
            if (state.assets.containsKey(assetId))
            {
                balances.add(new BalanceSnapshot(assetId, user.available(assetId), user.locked(assetId)));
            }
        }
        return new UserSnapshot(user.id, user.role, user.kycLevel, user.createdAt, user.completedOrders,
            user.completed30d.sum(today), user.failed30d.sum(today), user.payTimeTotalMs, user.payCount,
            user.releaseTimeTotalMs, user.releaseCount, user.restrictedUntil, List.copyOf(balances));
    }
}
