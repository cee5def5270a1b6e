package org.p2px.gateway.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.agrona.collections.Long2ObjectHashMap;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.AdStatus;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;
import org.p2px.core.AdSnapshot;
import org.p2px.gateway.view.AdView;
import org.p2px.gateway.view.IndexView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.live.LiveState;

/**
 * The public market-data channels: each market's book window ({@link #DEPTH} ads a side) with the deltas that
 * keep a subscriber's copy equal to it, and the index price. Each update is numbered by the engine batch it comes
 * from, so every gateway of one engine numbers it alike and a client may resume on any of them from the seq it
 * has. Confined to the live view's thread (called from its listeners and through {@code LiveView.read}), so a
 * snapshot and the updates around it are taken from one sequence of states.
 */
@Singleton
public class MarketFeeds
{
    /** Ads per side in a book channel's window. */
    public static final int DEPTH = 50;
    /** Book deltas kept per watched market for clients that resume (a few seconds of a busy market). */
    static final int BOOK_HISTORY = 1_024;

    private final ViewMapper views;
    private final Map<Integer, BookFeed> books = new HashMap<>();
    private final Map<Integer, ChannelHistory> indexes = new HashMap<>();
    private final Long2ObjectHashMap<WindowViews> lastWindows = new Long2ObjectHashMap<>();

    public MarketFeeds(final ViewMapper views)
    {
        this.views = views;
    }

    /**
     * The book channel's first push, at the batch the view has applied; from now on the market's deltas are
     * computed and kept.
     */
    public ChannelUpdate bookSnapshot(final LiveState state, final MarketInfo market)
    {
        final BookFeed feed = books.computeIfAbsent(market.id(), id -> new BookFeed(BOOK_HISTORY));
        if (!feed.watched())
        {
            feed.load(state.batchSequence(), window(state, market, Side.BUY), window(state, market, Side.SELL));
        }
        return new ChannelUpdate(state.batchSequence(), state.batchSequence(),
            new BookSnapshot(market.symbol(), DEPTH, feed.buy(), feed.sell(), feed.checksum()));
    }

    /**
     * The book deltas after {@code since} (none when the window has not changed since), or null when they are not
     * all kept here (nobody watched the market all along, they fell off the history, or the view is not that far).
     */
    public List<ChannelUpdate> bookAfter(final LiveState state, final MarketInfo market, final long since)
    {
        final BookFeed feed = books.get(market.id());
        return feed == null || since > state.batchSequence() ? null : feed.after(since);
    }

    /**
     * The delta of the batch the view has just applied, for the sides it touched, or null when nobody took a
     * snapshot yet (a subscriber still to take one will see the change in it) or when neither window changed.
     */
    public ChannelUpdate bookChanged(final LiveState state, final MarketInfo market, final boolean buyTouched,
        final boolean sellTouched)
    {
        final BookFeed feed = books.get(market.id());
        if (feed == null || !feed.watched())
        {
            return null;
        }
        return feed.replace(state.batchSequence(), market.symbol(),
            buyTouched ? window(state, market, Side.BUY) : null, sellTouched ? window(state, market, Side.SELL) : null,
            id -> reason(state, id));
    }

    /** Whether the market's window is kept (its deltas computed): someone took its snapshot, nothing failed since. */
    public boolean bookWatched(final int marketId)
    {
        final BookFeed feed = books.get(marketId);
        return feed != null && feed.watched();
    }

    /** Nobody watches the market's book any more: stop keeping its window (a new subscriber loads it again). */
    public void bookUnwatched(final int marketId)
    {
        final BookFeed feed = books.get(marketId);
        if (feed != null && feed.watched())
        {
            feed.forget();
            lastWindows.remove(windowKey(marketId, Side.BUY));
            lastWindows.remove(windowKey(marketId, Side.SELL));
        }
    }

    /** The index channel's first push, at the batch the view has applied. */
    public ChannelUpdate indexSnapshot(final LiveState state, final MarketInfo market)
    {
        indexHistory(market.id(), state.batchSequence());
        return new ChannelUpdate(state.batchSequence(), state.batchSequence(),
            index(market, state.indexPrice(market.id())));
    }

    /** The index update after {@code since}, as {@link #bookAfter}. */
    public List<ChannelUpdate> indexAfter(final LiveState state, final MarketInfo market, final long since)
    {
        final ChannelHistory history = indexes.get(market.id());
        return history == null || since > state.batchSequence() ? null : history.after(since);
    }

    /** The index channel's update for the price set by the batch the view has just applied. */
    public ChannelUpdate indexChanged(final LiveState state, final MarketInfo market, final long price)
    {
        return indexHistory(market.id(), state.batchSequence() - 1).next(state.batchSequence(), index(market, price));
    }

    /** The market's index history; a new one starts at {@code at}, a batch at which the price was as it is now. */
    private ChannelHistory indexHistory(final int marketId, final long at)
    {
        return indexes.computeIfAbsent(marketId, id ->
        {
            final ChannelHistory history = new ChannelHistory(1);
            history.restart(at);
            return history;
        });
    }

    private static IndexView index(final MarketInfo market, final long price)
    {
        return new IndexView(market.symbol(), price > 0 ? market.formatPrice(price) : null);
    }

    /**
     * The side's top ads as views; an ad whose snapshot (and texts) did not change since the last window keeps
     * its view instance, which {@link BookWindow} then recognises as unchanged without comparing it.
     */
    private List<AdView> window(final LiveState state, final MarketInfo market, final Side side)
    {
        final WindowViews last = lastWindows.computeIfAbsent(windowKey(market.id(), side), key -> new WindowViews());
        final List<AdView> top = new ArrayList<>(DEPTH);
        last.start();
        for (final AdSnapshot ad : state.book(market.id(), side, 0, -1, 0, DEPTH))
        {
            top.add(last.next(ad, views));
        }
        last.done();
        return top;
    }

    private static long windowKey(final int marketId, final Side side)
    {
        return ((long)marketId << 1) | (side == Side.BUY ? 0 : 1);
    }

    /**
     * A side's last window, its snapshots and views by ad id, and the tables the next window fills; the two swap
     * when the next is done, so that the window after each batch reuses the tables instead of allocating new ones.
     */
    private static final class WindowViews
    {
        private Long2ObjectHashMap<AdSnapshot> snapshots = new Long2ObjectHashMap<>(DEPTH * 2, 0.65f);
        private Long2ObjectHashMap<AdView> views = new Long2ObjectHashMap<>(DEPTH * 2, 0.65f);
        private Long2ObjectHashMap<AdSnapshot> nextSnapshots = new Long2ObjectHashMap<>(DEPTH * 2, 0.65f);
        private Long2ObjectHashMap<AdView> nextViews = new Long2ObjectHashMap<>(DEPTH * 2, 0.65f);

        /** Starts the next window (anew, should the last attempt have failed half way). */
        void start()
        {
            nextSnapshots.clear();
            nextViews.clear();
        }

        /** The view of {@code ad} in the next window: the last window's when made from an equal snapshot. */
        AdView next(final AdSnapshot ad, final ViewMapper mapper)
        {
            final AdView before = views.get(ad.adId());
            final AdView view = before == null ? mapper.bookAd(ad) : mapper.bookAd(ad, snapshots.get(ad.adId()), before);
            nextSnapshots.put(ad.adId(), ad);
            nextViews.put(ad.adId(), view);
            return view;
        }

        /** The next window is complete: it becomes the last. */
        void done()
        {
            final Long2ObjectHashMap<AdSnapshot> oldSnapshots = snapshots;
            final Long2ObjectHashMap<AdView> oldViews = views;
            snapshots = nextSnapshots;
            views = nextViews;
            nextSnapshots = oldSnapshots;
            nextViews = oldViews;
        }
    }

    /** Why an ad that was in the window is not any more, from what the view holds now. */
    static RemovalReason reason(final LiveState state, final long adId)
    {
        final AdSnapshot ad = state.ad(adId);
        if (ad == null || ad.status() == AdStatus.CLOSED)
        {
            return RemovalReason.CLOSED;
        }
        if (ad.status() == AdStatus.OFFLINE)
        {
            return RemovalReason.OFFLINE;
        }
        if (ad.remaining() == 0)
        {
            return RemovalReason.TAKEN_OUT;
        }
        if (ad.visibility() != Visibility.PUBLIC || ad.price() <= 0)
        {
            return RemovalReason.UNLISTED;
        }
        return RemovalReason.OUT_OF_WINDOW;
    }
}
