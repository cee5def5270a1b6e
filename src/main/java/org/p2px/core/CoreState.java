package org.p2px.core;

import java.util.ArrayDeque;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Everything the core knows, in primitive-keyed maps, with pools for ads and orders so that steady-state
 * trading allocates nothing. Only {@link StateApplier} changes it; the deciders read it.
 */
final class CoreState
{
    /** Asset ids index balance arrays, so they are kept small. */
    static final int MAX_ASSET_ID = 1023;

    /** The rules in force: the ones constructed with until a RulesSet event changes them. */
    CoreConfig config;
    /**
     * The rules of the server's configuration last journaled (ConfiguredRulesSet); until one is, the rules
     * constructed with. A start journals its configuration only when it differs from these.
     */
    CoreConfig configuredRules;
    final Int2ObjectHashMap<Asset> assets = new Int2ObjectHashMap<>();
    final Int2ObjectHashMap<Market> markets = new Int2ObjectHashMap<>();
    final Long2ObjectHashMap<User> users = new Long2ObjectHashMap<>();
    final Long2ObjectHashMap<Ad> ads = new Long2ObjectHashMap<>();
    final Long2ObjectHashMap<Order> orders = new Long2ObjectHashMap<>();
    final long[] feeAccount = new long[MAX_ASSET_ID + 1];
    final DeadlineQueue deadlines = new DeadlineQueue(1024);

    long nextAdId = 1;
    long nextOrderId = 1;
    long nextBookSeq = 1;
    /** The time of the command being decided or the batch being applied. */
    long now;

    private final ArrayDeque<Ad> freeAds = new ArrayDeque<>();
    private final ArrayDeque<Order> freeOrders = new ArrayDeque<>();

    CoreState(final CoreConfig config)
    {
        this.config = config;
        this.configuredRules = config;
    }

    long today()
    {
        return Math.floorDiv(now, CoreConfig.DAY_MS);
    }

    Ad newAd()
    {
        final Ad ad = freeAds.poll();
        return ad != null ? ad : new Ad();
    }

    void recycle(final Ad ad)
    {
        ad.owner = null;
        ad.market = null;
        ad.openOrders = null;
        // Last in, first out (push here, poll in newAd): the ad just freed is the one still in cache.
        freeAds.push(ad);
    }

    Order newOrder()
    {
        final Order order = freeOrders.poll();
        return order != null ? order : new Order();
    }

    void recycle(final Order order)
    {
        order.clearLinks();
        order.buyer = null;
        order.seller = null;
        order.market = null;
        // Last in, first out, as for ads: a busy market reuses a handful of hot orders, not the whole pool.
        freeOrders.push(order);
    }

    /** Pre-fills the pools so that a benchmark's or a server's first minutes allocate nothing either. */
    void preallocate(final int adCount, final int orderCount)
    {
        for (int i = freeAds.size(); i < adCount; i++)
        {
            freeAds.add(new Ad());
        }
        for (int i = freeOrders.size(); i < orderCount; i++)
        {
            freeOrders.add(new Order());
        }
    }
}
