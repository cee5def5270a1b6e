package org.p2px.engine;

/**
 * Which appends the core thread times. Timing one costs two clock reads and a histogram record (some 50 ns) next to
 * an append of about a microsecond. While the core has time to spare (its last duty cycle did less than
 * {@link #BUSY_CYCLE_WORK} commands), every append is timed; under load, one in {@link #UNDER_LOAD_EVERY}, picked by
 * batch sequence (which an append's latency does not depend on), so timing costs a few nanoseconds a command where
 * nanoseconds count.
 */
final class AppendSampling
{
    static final int BUSY_CYCLE_WORK = 64;
    static final int UNDER_LOAD_EVERY = 16;
    private static final long UNDER_LOAD_MASK = UNDER_LOAD_EVERY - 1;

    private boolean everyAppend = true;

    boolean times(final long batchSequence)
    {
        return everyAppend || (batchSequence & UNDER_LOAD_MASK) == 0;
    }

    /** At the end of each duty cycle, with the work it did. */
    void cycleDid(final int work)
    {
        everyAppend = work < BUSY_CYCLE_WORK;
    }
}
