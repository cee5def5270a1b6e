package org.p2px.core;

import java.util.HashMap;
import java.util.Map;

import org.p2px.codec.AdStatus;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/**
 * The properties that must hold after every command, checked from scratch: conservation of every asset, no
 * negative balance, locked balances exactly covering escrow and SELL-ad reservations, ad quantities agreeing
 * with their open orders, book membership agreeing with ad status, and only open orders kept. Slow on purpose
 * (it recomputes everything); for tests and the operator's journal verification, never the hot path.
 */
final class Invariants
{
    private Invariants()
    {
    }

    /** @return a description of the first violation found, or null when the state is sound. */
    static String check(final CoreState state)
    {
        final Map<Long, Long> expectedLocked = new HashMap<>();
        final Map<Long, Long> frozenByAd = new HashMap<>();
        final Map<Long, Integer> unpaidTakes = new HashMap<>();
        for (final Order order : state.orders.values())
        {
            if (order.state == OrderState.PENDING_PAYMENT && order.takerId == order.buyer.id)
            {
                unpaidTakes.merge(order.buyer.id, 1, Integer::sum);
            }
            if (order.state != OrderState.PENDING_PAYMENT && order.state != OrderState.PAID &&
                order.state != OrderState.DISPUTED)
            {
                return "order " + order.id + " is kept in state " + order.state;
            }
            if (order.quantity <= 0 || order.buyerFee < 0 || order.sellerFee < 0 || order.buyerFee > order.quantity)
            {
                return "order " + order.id + " has quantity " + order.quantity + " and fees " + order.buyerFee + "/" +
                    order.sellerFee;
            }
            expectedLocked.merge(key(order.seller.id, order.market.asset.id), order.escrow(), Long::sum);
            for (int slot = 0; slot < 2; slot++)
            {
                if (order.ads[slot] != null)
                {
                    frozenByAd.merge(order.ads[slot].id, order.quantity, Long::sum);
                }
            }
        }

        int[] listedCount = new int[]{ 0, 0 };
        final Map<Long, Integer> openAds = new HashMap<>();
        for (final Ad ad : state.ads.values())
        {
            openAds.merge(ad.owner.id, 1, Integer::sum);
            final String problem = checkAd(ad, frozenByAd.getOrDefault(ad.id, 0L));
            if (problem != null)
            {
                return problem;
            }
            expectedLocked.merge(key(ad.owner.id, ad.market.asset.id), ad.reserved, Long::sum);
            for (int slot = 0; slot < 2; slot++)
            {
                listedCount[slot] += ad.listed[slot] ? 1 : 0;
            }
        }

        int bookedCount[] = new int[]{ 0, 0 };
        for (final Market market : state.markets.values())
        {
            for (int slot = 0; slot < 2; slot++)
            {
                bookedCount[slot] += market.book(slot, Side.BUY).size() + market.book(slot, Side.SELL).size();
            }
        }
        if (listedCount[0] != bookedCount[0] || listedCount[1] != bookedCount[1])
        {
            return "books hold " + bookedCount[0] + "/" + bookedCount[1] + " ads but " + listedCount[0] + "/" +
                listedCount[1] + " are listed";
        }

        for (final User user : state.users.values())
        {
            final int counted = unpaidTakes.getOrDefault(user.id, 0);
            if (user.unpaidTakes != counted)
            {
                return "user " + user.id + " counts " + user.unpaidTakes + " unpaid takes, its orders " + counted;
            }
            if (user.openAds != openAds.getOrDefault(user.id, 0))
            {
                return "user " + user.id + " counts " + user.openAds + " open ads, the book " + openAds.getOrDefault(user.id, 0);
            }
        }

        return checkBalances(state, expectedLocked);
    }

    private static String checkAd(final Ad ad, final long frozenInOrders)
    {
        if (ad.remaining < 0 || ad.frozen < 0 || ad.filled < 0 || ad.reserved < 0)
        {
            return "ad " + ad.id + " has a negative quantity";
        }
        if (ad.frozen != frozenInOrders)
        {
            return "ad " + ad.id + " has " + ad.frozen + " frozen but its open orders hold " + frozenInOrders;
        }
        if (ad.side == Side.BUY && ad.reserved != 0)
        {
            return "BUY ad " + ad.id + " reserves " + ad.reserved;
        }
        if (ad.status == AdStatus.CLOSED)
        {
            return "closed ad " + ad.id + " is still kept";
        }
        final boolean takeable = ad.status == AdStatus.ONLINE && ad.visibility == Visibility.PUBLIC && ad.remaining > 0;
        if (ad.listed[Ad.PUBLIC_BOOK] != takeable || ad.listed[Ad.CROSSING_BOOK] != (takeable && ad.autoMatch))
        {
            return "ad " + ad.id + " is listed wrongly";
        }
        return null;
    }

    private static String checkBalances(final CoreState state, final Map<Long, Long> expectedLocked)
    {
        final long[] held = new long[CoreState.MAX_ASSET_ID + 1];
        for (final User user : state.users.values())
        {
            for (int assetId = 0; assetId < user.available.length; assetId++)
            {
                final long available = user.available[assetId];
                final long locked = user.locked[assetId];
                if (available < 0 || locked < 0)
                {
                    return "user " + user.id + " has a negative balance of asset " + assetId;
                }
                final long expected = expectedLocked.getOrDefault(key(user.id, assetId), 0L);
                if (locked != expected)
                {
                    return "user " + user.id + " has " + locked + " locked of asset " + assetId +
                        " but escrow and reservations need " + expected;
                }
                held[assetId] += available + locked;
            }
        }
        for (final Asset asset : state.assets.values())
        {
            final long fees = state.feeAccount[asset.id];
            if (fees < 0)
            {
                return "the fee account is negative in asset " + asset.id;
            }
            if (held[asset.id] + fees != asset.deposited - asset.withdrawn)
            {
                return "asset " + asset.id + ": accounts hold " + (held[asset.id] + fees) + " but deposits minus" +
                    " withdrawals are " + (asset.deposited - asset.withdrawn);
            }
        }
        return null;
    }

    private static long key(final long userId, final int assetId)
    {
        return userId * (CoreState.MAX_ASSET_ID + 1) + assetId;
    }
}
