package org.p2px.core;

/**
 * Walks an {@link AdBook} best first by merging its fixed and floating sequences. The cursor steps past an ad
 * before handing it out, so the caller may take from it, or delist it, without disturbing the walk. One cursor
 * per use site, reused for every walk.
 */
final class BookCursor
{
    private final LevelCursor fixed = new LevelCursor();
    private final LevelCursor floating = new LevelCursor();
    private AdBook book;
    private long price;

    BookCursor start(final AdBook book)
    {
        this.book = book;
        fixed.start(book.fixed);
        floating.start(book.floating);
        return this;
    }

    /** The next ad, best first, or null at the end. Its price is then {@link #price()}. */
    Ad next()
    {
        final Ad fixedAd = fixed.current;
        final Ad floatingAd = floating.current;
        if (fixedAd == null && floatingAd == null)
        {
            return null;
        }

        final long floatingPrice = floatingAd == null ? 0 : book.market.priceOf(floatingAd);
        final boolean takeFixed = floatingAd == null || (fixedAd != null &&
            (book.isBetter(fixedAd.price, floatingPrice) ||
            (fixedAd.price == floatingPrice && fixedAd.bookSeq < floatingAd.bookSeq)));
        if (takeFixed)
        {
            price = fixedAd.price;
            fixed.advance();
            return fixedAd;
        }
        price = floatingPrice;
        floating.advance();
        return floatingAd;
    }

    long price()
    {
        return price;
    }

    /** Position within one {@link PriceLevels}: the next ad and the key of its level. */
    private static final class LevelCursor
    {
        private PriceLevels levels;
        private Ad current;
        private long levelKey;

        void start(final PriceLevels levels)
        {
            this.levels = levels;
            moveToLevel(0);
        }

        void advance()
        {
            final Ad after = current.next[levels.slot()];
            if (after != null)
            {
                current = after;
            }
            else
            {
                // Found by key, not index: the level just left may be gone by the time we come back.
                moveToLevel(levels.indexAfter(levelKey));
            }
        }

        private void moveToLevel(final int level)
        {
            if (level < levels.size())
            {
                levelKey = levels.keyAt(level);
                current = levels.headAt(level);
            }
            else
            {
                current = null;
            }
        }
    }
}
