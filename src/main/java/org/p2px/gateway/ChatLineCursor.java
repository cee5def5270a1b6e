package org.p2px.gateway;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which chat lines {@link ChatLineCatchUp} reads next: those above the highest id it has read, and the holes below
 * it. Ids come from a sequence, and a transaction that took a lower id can commit after one that took a higher id: a
 * plain "above the last id" cursor would step over that line for good. So every id skipped between two lines read
 * is a hole, read again at each look until its line shows up, or until {@link #HOLE_LIFETIME_MS} have passed (a
 * rolled-back insert, or ids a sequence skipped after a crash, never show up; no chat transaction stays open that
 * long). Not thread-safe: its one user holds its own lock.
 */
final class ChatLineCursor
{
    static final long HOLE_LIFETIME_MS = 60_000;
    /** Holes kept at most (the highest); a jump of the sequence past it is not read back line by line. */
    static final int MAX_HOLES = 1_000;

    private long high = -1;
    /** Hole id to when it was found. */
    private final TreeMap<Long, Long> holes = new TreeMap<>();

    boolean started()
    {
        return high >= 0;
    }

    /** From {@code id} on: every line above it is read next. */
    void start(final long id)
    {
        high = Math.max(0, id);
    }

    /** The highest id read: every line above it is read next. */
    long high()
    {
        return high;
    }

    /** The holes still waited for at {@code nowMs} (older ones are dropped), lowest first. */
    long[] holes(final long nowMs)
    {
        holes.values().removeIf(since -> nowMs - since > HOLE_LIFETIME_MS);
        return holes.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * A line read, in id order; {@code done} false when it could not be handled now, so that it is read again (as a
     * hole, for no longer than a hole waits).
     */
    void read(final long id, final boolean done, final long nowMs)
    {
        if (id > high)
        {
            for (long skipped = Math.max(high + 1, id - MAX_HOLES); skipped < id; skipped++)
            {
                holes.put(skipped, nowMs);
            }
            high = id;
            if (!done)
            {
                holes.put(id, nowMs);
            }
            trim();
        }
        else if (done)
        {
            holes.remove(id);
        }
    }

    private void trim()
    {
        final Iterator<Map.Entry<Long, Long>> lowest = holes.entrySet().iterator();
        while (holes.size() > MAX_HOLES && lowest.hasNext())
        {
            lowest.next();
            lowest.remove();
        }
    }
}
