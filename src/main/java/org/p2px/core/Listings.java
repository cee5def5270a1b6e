package org.p2px.core;

import org.p2px.codec.AdStatus;
import org.p2px.codec.Visibility;

/**
 * Keeps each ad in the books it belongs in. The public book holds ONLINE, PUBLIC ads with something left to
 * take; the crossing book holds those of them that opted into auto-matching. Called after every change to an
 * ad; {@link #delist} first when the change moves the ad's sort key.
 */
final class Listings
{
    private Listings()
    {
    }

    static void refresh(final Ad ad)
    {
        final boolean takeable = ad.status == AdStatus.ONLINE && ad.visibility == Visibility.PUBLIC && ad.remaining > 0;
        place(ad, Ad.PUBLIC_BOOK, takeable);
        place(ad, Ad.CROSSING_BOOK, takeable && ad.autoMatch);
    }

    static void delist(final Ad ad)
    {
        place(ad, Ad.PUBLIC_BOOK, false);
        place(ad, Ad.CROSSING_BOOK, false);
    }

    private static void place(final Ad ad, final int slot, final boolean wanted)
    {
        if (ad.listed[slot] != wanted)
        {
            final AdBook book = ad.market.book(slot, ad.side);
            if (wanted)
            {
                book.add(ad);
            }
            else
            {
                book.remove(ad);
            }
        }
    }
}
