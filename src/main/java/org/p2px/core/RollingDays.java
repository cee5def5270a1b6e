package org.p2px.core;

/**
 * Counts per day over the last {@link #DAYS} days, in a ring of day buckets: the 30-day figures of a user's
 * profile. A bucket belongs to the day stamped on it, so a stale bucket reads as zero without any sweeping.
 */
final class RollingDays
{
    static final int DAYS = 30;

    private final int[] counts = new int[DAYS];
    private final long[] days = new long[DAYS];

    void add(final long day, final int delta)
    {
        final int bucket = (int)(day % DAYS);
        if (days[bucket] != day)
        {
            days[bucket] = day;
            counts[bucket] = 0;
        }
        counts[bucket] += delta;
    }

    /** The total over the {@link #DAYS} days ending with {@code today}. */
    int sum(final long today)
    {
        int total = 0;
        for (int i = 0; i < DAYS; i++)
        {
            if (days[i] > today - DAYS && days[i] <= today)
            {
                total += counts[i];
            }
        }
        return total;
    }

    long dayAt(final int bucket)
    {
        return days[bucket];
    }

    int countAt(final int bucket)
    {
        return counts[bucket];
    }

    /** Restores one bucket, as a snapshot recorded it. */
    void restore(final long day, final int count)
    {
        final int bucket = (int)(day % DAYS);
        days[bucket] = day;
        counts[bucket] = count;
    }

    void clear()
    {
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(days, 0);
    }

    long digest(final long seed)
    {
        long hash = seed;
        for (int i = 0; i < DAYS; i++)
        {
            if (counts[i] != 0)
            {
                hash = Digests.mix(Digests.mix(hash, days[i]), counts[i]);
            }
        }
        return hash;
    }
}
