package org.p2px.core;

import java.util.Arrays;

/**
 * Ads grouped into levels by a sort key, levels kept in ascending key order, each level a FIFO list of ads in
 * time priority ({@link Ad#bookSeq}). Levels live in parallel arrays found by binary search; ads are linked
 * through their own {@code prev}/{@code next} at this book's slot, so adding and removing an ad allocates
 * nothing and touches only its level. A level is inserted or dropped with one array copy of the levels above
 * it, and a book has far fewer levels (distinct prices or margins) than ads.
 */
final class PriceLevels
{
    private final int slot;
    private long[] keys;
    private Ad[] heads;
    private Ad[] tails;
    private int size;

    PriceLevels(final int slot, final int initialLevels)
    {
        this.slot = slot;
        keys = new long[initialLevels];
        heads = new Ad[initialLevels];
        tails = new Ad[initialLevels];
    }

    int slot()
    {
        return slot;
    }

    int size()
    {
        return size;
    }

    long keyAt(final int level)
    {
        return keys[level];
    }

    Ad headAt(final int level)
    {
        return heads[level];
    }

    /** The first level whose key is greater than {@code key}. */
    int indexAfter(final long key)
    {
        final int found = Arrays.binarySearch(keys, 0, size, key);
        return found >= 0 ? found + 1 : -found - 1;
    }

    void add(final Ad ad, final long key)
    {
        int level = Arrays.binarySearch(keys, 0, size, key);
        if (level < 0)
        {
            level = -level - 1;
            insertLevel(level, key);
        }
        ad.bookKey[slot] = key;
        linkInTimeOrder(level, ad);
    }

    void remove(final Ad ad)
    {
        final int level = Arrays.binarySearch(keys, 0, size, ad.bookKey[slot]);
        final Ad before = ad.prev[slot];
        final Ad after = ad.next[slot];
        if (before == null)
        {
            heads[level] = after;
        }
        else
        {
            before.next[slot] = after;
        }
        if (after == null)
        {
            tails[level] = before;
        }
        else
        {
            after.prev[slot] = before;
        }
        ad.prev[slot] = null;
        ad.next[slot] = null;
        if (heads[level] == null)
        {
            removeLevel(level);
        }
    }

    private void linkInTimeOrder(final int level, final Ad ad)
    {
        // Almost always appended at the tail; an ad coming back keeps its older place.
        Ad after = null;
        Ad before = tails[level];
        while (before != null && before.bookSeq > ad.bookSeq)
        {
            after = before;
            before = before.prev[slot];
        }
        ad.prev[slot] = before;
        ad.next[slot] = after;
        if (before == null)
        {
            heads[level] = ad;
        }
        else
        {
            before.next[slot] = ad;
        }
        if (after == null)
        {
            tails[level] = ad;
        }
        else
        {
            after.prev[slot] = ad;
        }
    }

    private void insertLevel(final int level, final long key)
    {
        if (size == keys.length)
        {
            final int capacity = keys.length * 2;
            keys = Arrays.copyOf(keys, capacity);
            heads = Arrays.copyOf(heads, capacity);
            tails = Arrays.copyOf(tails, capacity);
        }
        final int moved = size - level;
        System.arraycopy(keys, level, keys, level + 1, moved);
        System.arraycopy(heads, level, heads, level + 1, moved);
        System.arraycopy(tails, level, tails, level + 1, moved);
        keys[level] = key;
        heads[level] = null;
        tails[level] = null;
        size++;
    }

    private void removeLevel(final int level)
    {
        final int moved = size - level - 1;
        System.arraycopy(keys, level + 1, keys, level, moved);
        System.arraycopy(heads, level + 1, heads, level, moved);
        System.arraycopy(tails, level + 1, tails, level, moved);
        size--;
        heads[size] = null;
        tails[size] = null;
    }
}
