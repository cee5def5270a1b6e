package org.p2px.bench.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * The latency floor of the machine for the shape the engine benchmark has, with no engine in it: a client thread
 * that sends at a fixed rate and an echo thread, both spinning, exchanging one number through two shared
 * variables. Measured like the latency benchmark, from each message's intended send time to the moment the
 * client sees the echo. What this shows at the high percentiles is the operating system taking the CPU from one
 * of the two threads (other processes, kernel work, the JVM's own threads), which no engine code can avoid.
 */
final class SchedulingFloor
{
    private SchedulingFloor()
    {
    }

    static void run(final int rate, final int seconds, final int warmupSeconds) throws InterruptedException
    {
        final AtomicLong sent = new AtomicLong(-1);
        final AtomicLong echoed = new AtomicLong(-1);
        final Thread echo = new Thread(() ->
        {
            long last = -1;
            while (!Thread.currentThread().isInterrupted())
            {
                final long value = sent.get();
                if (value != last)
                {
                    echoed.lazySet(value);
                    last = value;
                }
                Thread.onSpinWait();
            }
        }, "floor-echo");
        echo.setDaemon(true);
        echo.start();

        final long intervalNanos = 1_000_000_000L / rate;
        final int warmup = rate * warmupSeconds;
        final int total = warmup + rate * seconds;
        final long[] intended = new long[total];
        final Histogram[] histograms = {new Histogram(TimeUnit.SECONDS.toNanos(10), 3),
            new Histogram(TimeUnit.SECONDS.toNanos(10), 3)};
        final long start = System.nanoTime() + 1_000_000;
        int next = 0;
        int answered = 0;
        while (answered < total)
        {
            final long now = System.nanoTime();
            while (next < total && start + next * intervalNanos <= now)
            {
                intended[next] = start + next * intervalNanos;
                sent.lazySet(next);
                next++;
            }
            // The echo carries the newest number sent: every number up to it has been answered.
            final long upTo = echoed.get();
            final long seen = System.nanoTime();
            while (answered <= upTo)
            {
                histograms[answered < warmup ? 1 : 0].recordValue(Math.max(0, seen - intended[answered]));
                answered++;
            }
        }
        echo.interrupt();
        final Histogram histogram = histograms[0];
        System.out.printf("scheduling floor (two spinning threads, no engine) at %,d messages/s for %d s after %d s, " +
            "microseconds: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f  max %.1f%n", rate, seconds,
            warmupSeconds, histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
            histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3);
    }
}
