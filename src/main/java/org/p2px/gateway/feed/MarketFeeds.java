package org.p2px.gateway.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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
 * keep a subscriber's copy equal to it, and the index price, each channel numbered once for every subscriber.
 * Confined to the live view's thread (called from its listeners and through {@code LiveView.read}), so a
 * snapshot and the updates around it are taken from one sequence of states.
 */
@ApplicationScoped
public class MarketFeeds
{
    /** Ads per side in a book channel's window. */
    public static final int DEPTH = 50;

    private final ViewMapper views;
    private final Map<Integer, BookFeed> books = new HashMap<>();
    private final Map<Integer, long[]> indexSeqs = new HashMap<>();
    private final Long2ObjectHashMap<Long2ObjectHashMap<WindowEntry>> lastWindows = new Long2ObjectHashMap<>();

    public MarketFeeds(final ViewMapper views)
    {
        this.views = views;
    }

    /** The book channel's first push, at the channel's current seq; from now on its updates are kept. */
    public ChannelUpdate bookSnapshot(final LiveState state, final MarketInfo market)
    {
        final BookFeed feed = books.computeIfAbsent(market.id(), id -> new BookFeed());
        if (!feed.watched())
        {
            feed.load(window(state, market, Side.BUY), window(state, market, Side.SELL));
        }
        return new ChannelUpdate(feed.seq(), new BookSnapshot(market.symbol(), DEPTH, feed.buy(), feed.sell(),
            feed.checksum()));
    }

    /**
     * The update for a changed side, or null when nobody took a snapshot yet (a subscriber still to take one
     * will see the change in it) or when the window did not change.
     */
    public ChannelUpdate bookChanged(final LiveState state, final MarketInfo market, final Side side)
    {
        final BookFeed feed = books.get(market.id());
        if (feed == null || !feed.watched())
        {
            return null;
        }
        final BookWindow.Change change = feed.replace(side, window(state, market, side), id -> reason(state, id));
        return change == null ? null : new ChannelUpdate(feed.seq(),
            new BookDelta(market.symbol(), side.name(), change.upserts(), change.removes(), feed.checksum()));
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

    /** The index channel's first push, at its current seq. */
    public ChannelUpdate indexSnapshot(final LiveState state, final MarketInfo market)
    {
        return new ChannelUpdate(indexSeq(market.id())[0], index(market, state.indexPrice(market.id())));
    }

    /** The index channel's update for a new price. */
    public ChannelUpdate indexChanged(final MarketInfo market, final long price)
    {
        return new ChannelUpdate(++indexSeq(market.id())[0], index(market, price));
    }

    private long[] indexSeq(final int marketId)
    {
        return indexSeqs.computeIfAbsent(marketId, id -> new long[1]);
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
        final Long2ObjectHashMap<WindowEntry> previous = lastWindows.get(windowKey(market.id(), side));
        final Long2ObjectHashMap<WindowEntry> current = new Long2ObjectHashMap<>(DEPTH * 2, 0.65f);
        final List<AdView> views = new ArrayList<>(DEPTH);
        for (final AdSnapshot ad : state.book(market.id(), side, 0, -1, 0, DEPTH))
        {
            final WindowEntry before = previous == null ? null : previous.get(ad.adId());
            final AdView view = before == null ? this.views.ad(ad) : this.views.ad(ad, before.snapshot(), before.view());
            current.put(ad.adId(), new WindowEntry(ad, view));
            views.add(view);
        }
        lastWindows.put(windowKey(market.id(), side), current);
        return views;
    }

    private static long windowKey(final int marketId, final Side side)
    {
        return ((long)marketId << 1) | (side == Side.BUY ? 0 : 1);
    }

    /** An ad of the last window and the view made of it. */
    private record WindowEntry(AdSnapshot snapshot, AdView view)
    {
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
