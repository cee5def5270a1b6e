package org.p2px.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The window over the core's append latencies, on a clock of the test's own. */
class AppendLatencyWindowTest
{
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final List<Long> recorded = new ArrayList<>();
    private final AppendLatencyWindow window = new AppendLatencyWindow(this::drainInto, now::get, 60 * SECOND, 2);

    private void drainInto(final Histogram into)
    {
        recorded.forEach(into::recordValue);
        recorded.clear();
    }

    @Test
    void quantilesAndMaximumCoverTheLastMinuteAndCountAndSumEverything()
    {
        assertTrue(Double.isNaN(window.quantileNanos(0.5)), "no append yet");
        for (long nanos = 1; nanos <= 100; nanos++)
        {
            recorded.add(nanos * 1_000);
        }
        now.addAndGet(2 * SECOND);
        assertEquals(50_000, window.quantileNanos(0.5), 50_000 * 0.01);
        assertEquals(99_000, window.quantileNanos(0.99), 99_000 * 0.01);
        assertEquals(100_000, window.maxNanos(), 100_000 * 0.01);
        assertEquals(100, window.count());
        assertEquals(5_050_000, window.sumNanos(), 5_050_000 * 0.01);

        recorded.add(7_000_000L);
        now.addAndGet(30 * SECOND);
        assertEquals(7_000_000, window.maxNanos(), 7_000_000 * 0.01, "still within the minute");
        assertEquals(101, window.count());

        now.addAndGet(35 * SECOND);
        assertEquals(7_000_000, window.maxNanos(), 7_000_000 * 0.01, "the first slot has gone, the slow append's has not");
        assertEquals(7_000_000, window.quantileNanos(0.01), 7_000_000 * 0.01);

        now.addAndGet(2 * 60 * SECOND);
        assertTrue(Double.isNaN(window.maxNanos()), "a quiet minute empties the window");
        assertEquals(101, window.count(), "the count is since start");
    }

    @Test
    void readsWithinASecondShareOneMerge()
    {
        recorded.add(5_000L);
        now.addAndGet(2 * SECOND);
        assertEquals(1, window.count());
        recorded.add(6_000L);
        now.addAndGet(SECOND / 2);
        assertEquals(1, window.count(), "not moved yet: the gauges of one scrape agree");
        now.addAndGet(SECOND);
        assertEquals(2, window.count());
    }
}
