package org.p2px.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.agrona.DirectBuffer;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;
import org.p2px.core.AdSnapshot;
import org.p2px.core.BalanceSnapshot;
import org.p2px.core.CoreConfig;
import org.p2px.core.CoreReader;
import org.p2px.core.OrderSnapshot;
import org.p2px.core.OrderState;
import org.p2px.core.TradingCore;
import org.p2px.core.UserSnapshot;
import org.p2px.replica.ChangeCollector;
import org.p2px.replica.Changes;

/**
 * The trading state the gateways answer from: a replica of the core that applies every journaled batch (through
 * the same {@link ChangeCollector} as the projector, so every figure comes from the core's own rules), plus what
 * the core forgets: which orders went to dispute, and the orders and ads that recently finished or closed, so a
 * caller is answered with the order its command completed. Confined to the live view's thread.
 */
public final class LiveState
{
    /** How many finished orders and closed ads stay in memory; older ones are read from the read models. */
    static final int RECENT_LIMIT = 100_000;

    private final ChangeCollector collector;
    private final CoreReader reader;
    private final Set<Long> disputed = new HashSet<>();
    private final Map<Long, Set<Long>> openOrdersByUser = new HashMap<>();
    private final Map<Long, LiveOrder> finishedOrders = new Recent<>();
    private final Map<Long, AdSnapshot> closedAds = new Recent<>();
    private final Map<BalanceKey, long[]> balances = new HashMap<>();
    /** The market of every open ad: written here, read by any thread to route a command without a hop. */
    private final Map<Long, Integer> adMarkets = new ConcurrentHashMap<>();
    /** The owner of every open PRIVATE ad, read by any thread as {@link #adMarkets} is: who may see and take it. */
    private final Map<Long, Long> privateAdOwners = new ConcurrentHashMap<>();
    private long batchSequence;

    LiveState(final TradingCore replica, final long batchSequence)
    {
        this.collector = new ChangeCollector(replica);
        this.reader = collector.reader();
        this.batchSequence = batchSequence;
        for (final OrderSnapshot order : reader.orders())
        {
            if (order.state() == OrderState.DISPUTED)
            {
                disputed.add(order.orderId());
            }
            opened(order);
        }
        reader.ads().forEach(ad ->
        {
            adMarkets.put(ad.adId(), ad.marketId());
            trackVisibility(ad);
        });
        for (final UserSnapshot user : reader.users())
        {
            user.balances().forEach(balance -> balances.put(new BalanceKey(user.userId(), balance.assetId()),
                new long[]{ balance.available(), balance.locked() }));
        }
    }

    /** The last batch applied. */
    public long batchSequence()
    {
        return batchSequence;
    }

    /** Applies one batch and says what it changed. */
    LiveBatch apply(final long sequence, final long sessionId, final DirectBuffer events, final int offset,
        final int length)
    {
        final Changes changes = new Changes();
        collector.apply(sequence, events, offset, length, changes);
        changes.resolve(reader);
        batchSequence = sequence;
        changes.disputedAt.forEach((orderId, time) ->
        {
            if (time == Changes.NOT_DISPUTED)
            {
                disputed.remove(orderId);
            }
            else
            {
                disputed.add(orderId);
            }
        });
        final List<LiveOrder> orders = new ArrayList<>(changes.orders.size());
        for (final OrderSnapshot order : changes.orders)
        {
            orders.add(track(order, changes.finishedOrders.get(order.orderId())));
        }
        changes.closedAds.forEach(closedAds::put);
        for (final AdSnapshot ad : changes.ads)
        {
            if (changes.closedAds.containsKey(ad.adId()))
            {
                adMarkets.remove(ad.adId());
                privateAdOwners.remove(ad.adId());
            }
            else
            {
                adMarkets.putIfAbsent(ad.adId(), ad.marketId());
                trackVisibility(ad);
            }
        }
        final List<BalanceChange> changed = new ArrayList<>();
        changes.users.forEach(user -> balancesOf(user, changed));
        return new LiveBatch(sequence, sessionId, orders, changes.ads, changed, changes.books,
            changes.indexes.values(), Set.copyOf(changes.disputedAt.keySet()));
    }

    private void trackVisibility(final AdSnapshot ad)
    {
        if (ad.visibility() == Visibility.PRIVATE)
        {
            privateAdOwners.put(ad.adId(), ad.ownerId());
        }
        else
        {
            privateAdOwners.remove(ad.adId());
        }
    }

    /** The owner of an open PRIVATE ad, from any thread; null for a PUBLIC, closed or unknown ad. */
    Long ownerOfPrivateAd(final long adId)
    {
        return privateAdOwners.get(adId);
    }

    /**
     * The market of an open ad, from any thread; null for an ad that is closed or not known yet. An ad is here
     * from the moment its creation was applied, so its owner, and anyone who saw it pushed, finds it.
     */
    Integer marketOfOpenAd(final long adId)
    {
        return adMarkets.get(adId);
    }

    /** An open order, or one that finished recently; null when the view does not hold it. */
    public LiveOrder order(final long orderId)
    {
        final OrderSnapshot open = reader.order(orderId);
        if (open != null)
        {
            return new LiveOrder(open, disputed.contains(orderId), null, 0);
        }
        return finishedOrders.get(orderId);
    }

    /** The user's open orders (as buyer or seller), oldest first. */
    /** The orders in dispute now, by id. */
    public List<LiveOrder> disputedOrders()
    {
        return disputed.stream().sorted().map(this::order).filter(order -> order != null).toList();
    }

    public List<LiveOrder> openOrders(final long userId)
    {
        final Set<Long> ids = openOrdersByUser.get(userId);
        final List<LiveOrder> found = new ArrayList<>();
        if (ids != null)
        {
            ids.stream().sorted().forEach(orderId ->
            {
                final LiveOrder order = order(orderId);
                if (order != null)
                {
                    found.add(order);
                }
            });
        }
        return found;
    }

    /** The trading rules in force after the last applied batch. */
    public CoreConfig rules()
    {
        return reader.rules();
    }

    /** The rules of the server's configuration last journaled: what a gateway's start compares its own with. */
    public CoreConfig configuredRules()
    {
        return reader.configuredRules();
    }

    /** An ad the core holds, or one closed recently; null when the view does not hold it. */
    public AdSnapshot ad(final long adId)
    {
        final AdSnapshot ad = reader.ad(adId);
        return ad != null ? ad : closedAds.get(adId);
    }

    /** A user's account and statistics; null for a user the core does not know. */
    public UserSnapshot user(final long userId)
    {
        return reader.user(userId);
    }

    /** One side of a market's book as {@code viewerId} sees it (see {@link CoreReader#book}). */
    public List<AdSnapshot> book(final int marketId, final Side adSide, final long fiatAmount,
        final int paymentMethodBit, final long viewerId, final int limit)
    {
        return reader.book(marketId, adSide, fiatAmount, paymentMethodBit, viewerId, limit);
    }

    /** The market's index price in minor units; 0 when it has none. */
    public long indexPrice(final int marketId)
    {
        return reader.indexPrice(marketId);
    }

    /** True when either user has blocked the other. */
    public boolean blockedEitherWay(final long userId, final long otherId)
    {
        return contains(reader.blocked(userId), otherId) || contains(reader.blocked(otherId), userId);
    }

    /** A digest of the replica, to compare with the engine's. */
    public long digest()
    {
        return collector.replica().digest();
    }

    private LiveOrder track(final OrderSnapshot order, final Changes.Finished finished)
    {
        final long orderId = order.orderId();
        if (finished == null)
        {
            opened(order);
            return new LiveOrder(order, disputed.contains(orderId), null, 0);
        }
        final LiveOrder done = new LiveOrder(order, disputed.remove(orderId), finished.cancelReason(), finished.time());
        forget(order.buyerId(), orderId);
        forget(order.sellerId(), orderId);
        finishedOrders.put(orderId, done);
        return done;
    }

    private void opened(final OrderSnapshot order)
    {
        openOrdersByUser.computeIfAbsent(order.buyerId(), id -> new LinkedHashSet<>()).add(order.orderId());
        openOrdersByUser.computeIfAbsent(order.sellerId(), id -> new LinkedHashSet<>()).add(order.orderId());
    }

    private void forget(final long userId, final long orderId)
    {
        final Set<Long> ids = openOrdersByUser.get(userId);
        if (ids != null && ids.remove(orderId) && ids.isEmpty())
        {
            openOrdersByUser.remove(userId);
        }
    }

    /** Adds to {@code changed} each of the user's balances that differs from what the view last saw. */
    private void balancesOf(final UserSnapshot user, final List<BalanceChange> changed)
    {
        for (final BalanceSnapshot balance : user.balances())
        {
            final BalanceKey key = new BalanceKey(user.userId(), balance.assetId());
            final long[] last = balances.get(key);
            if (last == null ? balance.available() != 0 || balance.locked() != 0
                : last[0] != balance.available() || last[1] != balance.locked())
            {
                balances.put(key, new long[]{ balance.available(), balance.locked() });
                changed.add(new BalanceChange(user.userId(), balance.assetId(), balance.available(), balance.locked()));
            }
        }
    }

    private static boolean contains(final long[] sortedIds, final long id)
    {
        return java.util.Arrays.binarySearch(sortedIds, id) >= 0;
    }

    private record BalanceKey(long userId, int assetId)
    {
    }

    /** Insertion-ordered, dropping the oldest entry past {@link #RECENT_LIMIT}. */
    private static final class Recent<K, V> extends LinkedHashMap<K, V>
    {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<K, V> eldest)
        {
            return size() > RECENT_LIMIT;
        }
    }
}
