package org.p2px.core;

/**
 * The last few times something happened, in a fixed ring: enough to answer "how many in the last window?"
 * for a limit of at most {@code capacity}. Allocated once per owner, never per event.
 */
final class RecentTimes
{
    private long[] times;
    private int next;
    private int size;

    RecentTimes(final int capacity)
    {
        times = new long[Math.max(1, capacity)];
    }

    void record(final long time)
    {
        times[next] = time;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** How many recorded times are strictly after {@code since}. */
    int countAfter(final long since)
    {
        int count = 0;
        for (int i = 0; i < size; i++)
        {
            if (times[i] > since)
            {
                count++;
            }
        }
        return count;
    }

    int capacity()
    {
        return times.length;
    }

    int size()
    {
        return size;
    }

    /** The {@code index}-th recorded time, oldest first. */
    long timeAt(final int index)
    {
        return times[(next - size + index + times.length) % times.length];
    }

    /** Holds {@code capacity} times from now on, keeping the newest ones (rules changes only: it allocates). */
    void resize(final int capacity)
    {
        final int newCapacity = Math.max(1, capacity);
        if (newCapacity == times.length)
        {
            return;
        }
        final int kept = Math.min(size, newCapacity);
        final long[] resized = new long[newCapacity];
        for (int i = 0; i < kept; i++)
        {
            resized[i] = timeAt(size - kept + i);
        }
        times = resized;
        size = kept;
        next = kept % newCapacity;
    }

    void clear()
    {
        next = 0;
        size = 0;
    }

    long digest(final long seed)
    {
        long hash = Digests.mix(seed, size);
        for (int i = 0; i < size; i++)
        {
            hash = Digests.mix(hash, timeAt(i));
        }
        return hash;
    }
}
