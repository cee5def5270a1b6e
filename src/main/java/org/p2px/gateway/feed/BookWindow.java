package org.p2px.gateway.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

import org.p2px.gateway.view.AdView;

/**
 * One side of a market's book as its channel's subscribers hold it: the top ads, best first. Replacing it with
 * the side's new top says what a subscriber must do to follow: remove the ads that left, then put the ads that
 * entered or changed at their positions. An ad that did not change is not sent, as long as the ads that did not
 * change keep their order among themselves (they do, unless an ad was relisted with the same view; then the ads
 * from the first one out of order on are sent again, so the client's result is exact in every case).
 *
 * <p>It runs after every batch that touches a watched side, so it keeps its look-up tables and clears them for
 * the next replace instead of building new ones: what it allocates is what it sends.
 */
final class BookWindow
{
    private List<AdView> ads = List.of();
    /** The ads of {@link #ads} by id. */
    private final Long2ObjectHashMap<AdView> byId = new Long2ObjectHashMap<>();
    /** Scratch for {@link #replace}: the ids of the next window, and those to send. */
    private final LongHashSet nextIds = new LongHashSet();
    private final LongHashSet changed = new LongHashSet();
    private long[] keptBefore = new long[0];

    List<AdView> ads()
    {
        return ads;
    }

    void reset(final List<AdView> next)
    {
        ads = List.copyOf(next);
        index();
    }

    /** Replaces the window with {@code next}; {@code reasonOf} says why an ad that is not in {@code next} left. */
    Change replace(final List<AdView> next, final LongFunction<RemovalReason> reasonOf)
    {
        nextIds.clear();
        for (final AdView ad : next)
        {
            nextIds.add(ad.id());
        }
        List<BookRemoval> removes = List.of();
        for (final AdView ad : ads)
        {
            if (!nextIds.contains(ad.id()))
            {
                if (removes.isEmpty())
                {
                    removes = new ArrayList<>();
                }
                removes.add(new BookRemoval(ad.id(), reasonOf.apply(ad.id()).name()));
            }
        }
        changed.clear();
        for (final AdView ad : next)
        {
            final AdView was = byId.get(ad.id());
            if (ad != was && !ad.equals(was))   // the same instance: made from an unchanged snapshot
            {
                changed.add(ad.id());
            }
        }
        sendAgainWhereOrderChanged(next);

        List<BookEntry> upserts = List.of();
        if (!changed.isEmpty())
        {
            upserts = new ArrayList<>(changed.size());
            for (int position = 0; position < next.size(); position++)
            {
                if (changed.contains(next.get(position).id()))
                {
                    upserts.add(new BookEntry(position, next.get(position)));
                }
            }
        }
        ads = List.copyOf(next);
        index();
        return new Change(upserts, removes);
    }

    private void index()
    {
        byId.clear();
        for (final AdView ad : ads)
        {
            byId.put(ad.id(), ad);
        }
    }

    /**
     * The ads kept as they were must be in the same order before and after; from the first that is not, every
     * kept ad of {@code next} is marked changed (sent again at its position).
     */
    private void sendAgainWhereOrderChanged(final List<AdView> next)
    {
        if (keptBefore.length < ads.size())
        {
            keptBefore = new long[ads.size()];
        }
        int keptCount = 0;
        for (final AdView ad : ads)
        {
            if (nextIds.contains(ad.id()) && !changed.contains(ad.id()))
            {
                keptBefore[keptCount++] = ad.id();
            }
        }
        int kept = 0;
        boolean outOfOrder = false;
        for (final AdView ad : next)
        {
            if (changed.contains(ad.id()))
            {
                continue;
            }
            outOfOrder |= keptBefore[kept++] != ad.id();
            if (outOfOrder)
            {
                changed.add(ad.id());
            }
        }
    }

    /** What a subscriber must apply; empty when the window did not change. */
    record Change(List<BookEntry> upserts, List<BookRemoval> removes)
    {
        boolean isEmpty()
        {
            return upserts.isEmpty() && removes.isEmpty();
        }
    }
}
