package org.p2px.core;

import org.p2px.codec.Side;

/**
 * One side of one market, best price first, then oldest first. Fixed-price ads are levelled by price and
 * floating ads by margin: a floating ad's price is monotonic in its margin, so an index update moves every
 * floating ad without reordering any of them, and {@link BookCursor} merges the two sequences. Keys are
 * negated on the BUY side so that ascending keys always mean "better first".
 */
final class AdBook
{
    private static final int INITIAL_LEVELS = 64;

    final Market market;
    final Side side;
    final int slot;
    final PriceLevels fixed;
    final PriceLevels floating;
    private int count;

    AdBook(final Market market, final Side side, final int slot)
    {
        this.market = market;
        this.side = side;
        this.slot = slot;
        this.fixed = new PriceLevels(slot, INITIAL_LEVELS);
        this.floating = new PriceLevels(slot, INITIAL_LEVELS);
    }

    void add(final Ad ad)
    {
        levelsOf(ad).add(ad, sortKey(ad));
        ad.listed[slot] = true;
        count++;
    }

    void remove(final Ad ad)
    {
        levelsOf(ad).remove(ad);
        ad.listed[slot] = false;
        count--;
    }

    int size()
    {
        return count;
    }

    /** True when {@code price} is better for this side's takers than {@code other} (lower to buy, higher to sell). */
    boolean isBetter(final long price, final long other)
    {
        return side == Side.SELL ? price < other : price > other;
    }

    private PriceLevels levelsOf(final Ad ad)
    {
        return ad.isFloating() ? floating : fixed;
    }

    private long sortKey(final Ad ad)
    {
        final long key = ad.isFloating() ? ad.marginBps : ad.price;
        return side == Side.SELL ? key : -key;
    }
}
