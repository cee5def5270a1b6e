package org.p2px.gateway;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.Side;
import org.p2px.gateway.feed.ChannelUpdate;
import org.p2px.gateway.feed.MarketFeeds;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.live.BalanceChange;
import org.p2px.live.LiveBatch;
import org.p2px.live.LiveListener;
import org.p2px.live.LiveOrder;
import org.p2px.live.LiveState;
import org.p2px.replica.Changes;

/**
 * Tells subscribers what each batch changed, as soon as the live view has applied it (so after it was
 * journaled): before the command's caller is answered, each order to its buyer and seller (and to staff when
 * disputed) and each changed balance to its owner; right after, new index prices and what changed in each watched
 * book window (see {@link MarketFeeds}), the view's costliest work, which no caller's answer waits for.
 * A view is only built for someone listening. Chat lines are pushed by the projector and the chat service, which write
 * them.
 */
@Singleton
public class LivePushes implements LiveListener
{
    private static final System.Logger LOG = System.getLogger(LivePushes.class.getName());

    private final Instance<Pushes> pushes;
    private final Catalog catalog;
    private final ViewMapper views;
    private final MarketFeeds feeds;

    public LivePushes(final Instance<Pushes> pushes, final Catalog catalog, final ViewMapper views,
        final MarketFeeds feeds)
    {
        this.pushes = pushes;
        this.catalog = catalog;
        this.views = views;
        this.feeds = feeds;
    }

    @Override
    public void onApplied(final LiveBatch batch, final LiveState state)
    {
        if (!pushes.isResolvable())
        {
            return;
        }
        final Pushes target = pushes.get();
        final boolean staff = target.hasStaffSubscribers();
        for (final LiveOrder order : batch.orders())
        {
            safely(() -> order(target, order));
            if (staff && (order.disputed() || batch.disputeChanged().contains(order.orderId())))
            {
                safely(() -> target.toStaff("order", views.order(order)));
            }
        }
        for (final BalanceChange balance : batch.balances())
        {
            if (target.isOnline(balance.userId()))
            {
                safely(() -> target.toUser(balance.userId(), "balances", "balance", views.balance(balance)));
            }
        }
    }

    /** Market data after the caller's answer: a take's reply does not wait for the book windows to be compared. */
    @Override
    public void afterAnswer(final LiveBatch batch, final LiveState state)
    {
        if (!pushes.isResolvable())
        {
            return;
        }
        final Pushes target = pushes.get();
        for (final Changes.IndexChange index : batch.indexes())
        {
            safely(() ->
            {
                final MarketInfo market = catalog.market(index.marketId());
                final ChannelUpdate update = feeds.indexChanged(state, market, index.price());
                final String channel = "index." + market.symbol();
                if (target.hasSubscribers(channel))
                {
                    target.toChannel(channel, update.seq(), update.prev(), "index", update.data());
                }
            });
        }
        final Map<Integer, EnumSet<Side>> touched = new HashMap<>();
        for (final Changes.BookSide side : batch.books())
        {
            touched.computeIfAbsent(side.marketId(), id -> EnumSet.noneOf(Side.class)).add(side.side());
        }
        touched.forEach((marketId, sides) -> safely(() -> book(target, state, catalog.market(marketId), sides)));
    }

    /**
     * One delta per batch and market, whichever sides it touched. A window that could not be followed (a failure
     * while comparing it) is forgotten and its subscribers are sent a fresh snapshot instead, so that no chain of
     * deltas goes on over a change it missed; one that is not kept while someone subscribes gets one too.
     */
    private void book(final Pushes target, final LiveState state, final MarketInfo market, final Set<Side> sides)
    {
        final String channel = "book." + market.symbol();
        if (!target.hasSubscribers(channel))
        {
            feeds.bookUnwatched(market.id());
            return;
        }
        if (!feeds.bookWatched(market.id()))
        {
            snapshot(target, state, market, channel);
            return;
        }
        final ChannelUpdate update;
        try
        {
            update = feeds.bookChanged(state, market, sides.contains(Side.BUY), sides.contains(Side.SELL));
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "book of " + market.symbol() + " not followed at batch "
                + state.batchSequence() + "; its subscribers get a fresh snapshot", ex);
            feeds.bookUnwatched(market.id());
            snapshot(target, state, market, channel);
            return;
        }
        if (update != null)
        {
            target.toChannel(channel, update.seq(), update.prev(), "delta", update.data());
        }
    }

    /** A snapshot in the middle of the channel: it replaces what each subscriber holds (docs/protocol.md). */
    private void snapshot(final Pushes target, final LiveState state, final MarketInfo market, final String channel)
    {
        final ChannelUpdate snapshot = feeds.bookSnapshot(state, market);
        target.toChannel(channel, snapshot.seq(), snapshot.prev(), "snapshot", snapshot.data());
    }

    private void order(final Pushes target, final LiveOrder order)
    {
        final long buyerId = order.order().buyerId();
        final long sellerId = order.order().sellerId();
        final boolean buyer = target.isOnline(buyerId);
        final boolean seller = target.isOnline(sellerId);
        if (buyer || seller)
        {
            final OrderView view = views.order(order);
            if (buyer)
            {
                target.toUser(buyerId, "orders", "order", view);
            }
            if (seller)
            {
                target.toUser(sellerId, "orders", "order", view);
            }
        }
    }

    /** One push at a time: a failure is logged and the rest go on; a client that misses one sees a gap in seq. */
    private static void safely(final Runnable push)
    {
        try
        {
            push.run();
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.DEBUG, "push skipped: " + ex);
        }
    }
}
