package org.p2px.observability;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

/**
 * The journal's append latencies as the metrics show them, from what the core thread records (nanoseconds, in an
 * HdrHistogram recorder): quantiles and the maximum over the last minute, and the count and sum of every latency
 * since start. Latencies move from the recorder into the window when a reader asks, at most once a second, so the
 * gauges of one scrape read one merge. Six slots of ten seconds: the oldest is dropped as the minute moves on.
 */
final class AppendLatencyWindow
{
    static final long SLOT_NANOS = 10_000_000_000L;
    static final int SLOTS = 6;
    static final long REFRESH_NANOS = 1_000_000_000L;

    private final Consumer<Histogram> source;
    private final LongSupplier nanoClock;
    private final Histogram[] slots = new Histogram[SLOTS];
    private final Histogram interval;
    private final Histogram minute;
    private int current;
    private long slotStartedNanos;
    private long refreshedNanos;
    private boolean refreshed;
    private long count;
    private double sumNanos;

    /**
     * @param source    moves the latencies recorded since it was last called into the histogram it is given
     *                  (replacing what that held); it may leave it empty.
     * @param nanoClock {@link System#nanoTime()}, or a test's.
     */
    AppendLatencyWindow(final Consumer<Histogram> source, final LongSupplier nanoClock, final long highestNanos,
        final int significantDigits)
    {
        this.source = source;
        this.nanoClock = nanoClock;
        for (int i = 0; i < SLOTS; i++)
        {
            slots[i] = new Histogram(highestNanos, significantDigits);
        }
        interval = new Histogram(highestNanos, significantDigits);
        minute = new Histogram(highestNanos, significantDigits);
        slotStartedNanos = nanoClock.getAsLong();
    }

    /** The latency at {@code quantile} (0 to 1) over the last minute, in nanoseconds; NaN without any. */
    synchronized double quantileNanos(final double quantile)
    {
        refresh();
        return minute.getTotalCount() == 0 ? Double.NaN : minute.getValueAtPercentile(quantile * 100);
    }

    /** The slowest append of the last minute, in nanoseconds; NaN without any. */
    synchronized double maxNanos()
    {
        refresh();
        return minute.getTotalCount() == 0 ? Double.NaN : minute.getMaxValue();
    }

    /** Latencies recorded since start. */
    synchronized long count()
    {
        refresh();
        return count;
    }

    /** Their sum, in nanoseconds (each to within the histogram's precision). */
    synchronized double sumNanos()
    {
        refresh();
        return sumNanos;
    }

    private void refresh()
    {
        final long now = nanoClock.getAsLong();
        if (refreshed && now - refreshedNanos < REFRESH_NANOS)
        {
            return;
        }
        refreshed = true;
        refreshedNanos = now;
        rotate(now);
        interval.reset();
        source.accept(interval);
        count += interval.getTotalCount();
        sumNanos += interval.getMean() * interval.getTotalCount();
        slots[current].add(interval);
        minute.reset();
        for (final Histogram slot : slots)
        {
            minute.add(slot);
        }
    }

    /** Starts a new slot for every ten seconds gone by, dropping the oldest; all of them after a quiet minute. */
    private void rotate(final long now)
    {
        if (now - slotStartedNanos >= SLOTS * SLOT_NANOS)
        {
            for (final Histogram slot : slots)
            {
                slot.reset();
            }
            slotStartedNanos = now;
            return;
        }
        while (now - slotStartedNanos >= SLOT_NANOS)
        {
            current = (current + 1) % SLOTS;
            slots[current].reset();
            slotStartedNanos += SLOT_NANOS;
        }
    }
}
