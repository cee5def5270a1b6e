package org.p2px.gateway.feed;

import java.util.List;
import java.util.function.LongFunction;

import org.p2px.codec.Side;
import org.p2px.gateway.view.AdView;

/**
 * One market's book channel: both sides' windows and the channel's seq, numbered once for every subscriber. The
 * windows are only kept while someone watches; the seq survives, so it never runs backwards.
 */
final class BookFeed
{
    private final BookWindow buy = new BookWindow();
    private final BookWindow sell = new BookWindow();
    private boolean watched;
    private long seq;

    boolean watched()
    {
        return watched;
    }

    long seq()
    {
        return seq;
    }

    void load(final List<AdView> buyAds, final List<AdView> sellAds)
    {
        buy.reset(buyAds);
        sell.reset(sellAds);
        watched = true;
    }

    void forget()
    {
        buy.reset(List.of());
        sell.reset(List.of());
        watched = false;
    }

    /** Moves one side to {@code next}; the change, or null when the window stayed as it was (no seq used). */
    BookWindow.Change replace(final Side side, final List<AdView> next, final LongFunction<RemovalReason> reasonOf)
    {
        final BookWindow.Change change = window(side).replace(next, reasonOf);
        if (change.isEmpty())
        {
            return null;
        }
        seq++;
        return change;
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

    private BookWindow window(final Side side)
    {
        return side == Side.BUY ? buy : sell;
    }
}
