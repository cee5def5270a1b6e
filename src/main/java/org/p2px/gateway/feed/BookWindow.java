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
 */
final class BookWindow
{
    private List<AdView> ads = List.of();

    List<AdView> ads()
    {
        return ads;
    }

    void reset(final List<AdView> next)
    {
        ads = List.copyOf(next);
    }

    /** Replaces the window with {@code next}; {@code reasonOf} says why an ad that is not in {@code next} left. */
    Change replace(final List<AdView> next, final LongFunction<RemovalReason> reasonOf)
    {
        final Long2ObjectHashMap<AdView> before = new Long2ObjectHashMap<>(ads.size() * 2, 0.65f);
        ads.forEach(ad -> before.put(ad.id(), ad));
        final LongHashSet after = new LongHashSet(next.size() * 2);
        next.forEach(ad -> after.add(ad.id()));

        final List<BookRemoval> removes = new ArrayList<>();
        for (final AdView ad : ads)
        {
            if (!after.contains(ad.id()))
            {
                removes.add(new BookRemoval(ad.id(), reasonOf.apply(ad.id()).name()));
            }
        }
        final LongHashSet changed = new LongHashSet();
        for (final AdView ad : next)
        {
            final AdView was = before.get(ad.id());
            if (ad != was && !ad.equals(was))   // the same instance: made from an unchanged snapshot
            {
                changed.add(ad.id());
            }
        }
        sendAgainWhereOrderChanged(next, after, changed);

        final List<BookEntry> upserts = new ArrayList<>(changed.size());
        for (int position = 0; position < next.size(); position++)
        {
            if (changed.contains(next.get(position).id()))
            {
                upserts.add(new BookEntry(position, next.get(position)));
            }
        }
        ads = List.copyOf(next);
        return new Change(upserts, removes);
    }

    /**
     * The ads kept as they were must be in the same order before and after; from the first that is not, every
     * kept ad of {@code next} is marked changed (sent again at its position).
     */
    private void sendAgainWhereOrderChanged(final List<AdView> next, final LongHashSet after, final LongHashSet changed)
    {
        final long[] keptBefore = new long[ads.size()];
        int keptCount = 0;
        for (final AdView ad : ads)
        {
            if (after.contains(ad.id()) && !changed.contains(ad.id()))
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
