package org.p2px.gateway.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.p2px.codec.Side;
import org.p2px.gateway.view.AdView;

/**
 * One market's book channel: both sides' windows and the recent deltas, kept only while someone watches (a new
 * watcher loads the windows again and starts a new chain of deltas).
 */
final class BookFeed
{
    private final BookWindow buy = new BookWindow();
    private final BookWindow sell = new BookWindow();
    private final ChannelHistory history;
    private boolean watched;

    BookFeed(final int historyCapacity)
    {
        history = new ChannelHistory(historyCapacity);
    }

    boolean watched()
    {
        return watched;
    }

    /** The windows as they are at batch {@code batch}. */
    void load(final long batch, final List<AdView> buyAds, final List<AdView> sellAds)
    {
        buy.reset(buyAds);
        sell.reset(sellAds);
        history.restart(batch);
        watched = true;
    }

    void forget()
    {
        buy.reset(List.of());
        sell.reset(List.of());
        history.restart(0);
        watched = false;
    }

    /**
     * Moves the sides that batch {@code batch} touched to their new tops ({@code nextBuy} or {@code nextSell}
     * null: that side was not touched); the delta, or null when neither window changed.
     */
    ChannelUpdate replace(final long batch, final String market, final List<AdView> nextBuy,
        final List<AdView> nextSell, final LongFunction<RemovalReason> reasonOf)
    {
        final List<BookSideChange> changes = new ArrayList<>(2);
        change(Side.BUY, buy, nextBuy, reasonOf, changes);
        change(Side.SELL, sell, nextSell, reasonOf, changes);
        return changes.isEmpty() ? null : history.next(batch, new BookDelta(market, changes, checksum()));
    }

    private static void change(final Side side, final BookWindow window, final List<AdView> next,
        final LongFunction<RemovalReason> reasonOf, final List<BookSideChange> changes)
    {
        if (next == null)
        {
            return;
        }
        final BookWindow.Change change = window.replace(next, reasonOf);
        if (!change.isEmpty())
        {
            changes.add(new BookSideChange(side.name(), change.upserts(), change.removes()));
        }
    }

    /** The deltas a copy at {@code since} lacks, or null when they are not all kept. */
    List<ChannelUpdate> after(final long since)
    {
        return watched ? history.after(since) : null;
    }

    List<AdView> buy()
    {
        return buy.ads();
    }

    List<AdView> sell()
    {
        return sell.ads();
    }

    long checksum()
    {
        return BookChecksum.of(buy.ads(), sell.ads());
    }
}
