package org.p2px.loadtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies per operation, recorded from any thread into HdrHistogram {@link Recorder}s (wait-free), and sampled
 * once a second into a timeline: each sample moves the interval's histogram into the operation's total, so the
 * report has both the whole run's percentile distribution and p50/p99 over time. Refusals are counted by code.
 */
final class Latencies
{
    static final long HIGHEST = TimeUnit.SECONDS.toNanos(120);

    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<String, Histogram> totals = new LinkedHashMap<>();
    private final Map<String, Map<String, LongAdder>> refusals = new ConcurrentHashMap<>();
    private final List<Sample> timeline = Collections.synchronizedList(new ArrayList<>());
    private final LongAdder offered = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder offeredTotal = new LongAdder();
    private final LongAdder completedTotal = new LongAdder();
    private final long startNanos;

    /** One second of the run: what was offered and completed, and each operation's count, p50 and p99 (ns). */
    record Sample(double atSeconds, long offered, long completed, Map<String, long[]> ops)
    {
    }

    Latencies(final long startNanos)
    {
        this.startNanos = startNanos;
    }

    void record(final String op, final long nanos)
    {
        recorders.computeIfAbsent(op, name -> new Recorder(HIGHEST, 3))
            .recordValue(Math.min(HIGHEST, Math.max(0, nanos)));
    }

    void refused(final String op, final String code)
    {
        refusals.computeIfAbsent(op, name -> new ConcurrentHashMap<>())
            .computeIfAbsent(code, name -> new LongAdder()).increment();
    }

    void offered()
    {
        offered.increment();
        offeredTotal.increment();
    }

    void completed()
    {
        completed.increment();
        completedTotal.increment();
    }

    long offeredCount()
    {
        return offeredTotal.sum();
    }

    long completedCount()
    {
        return completedTotal.sum();
    }

    /** Moves every recorder's interval into its total and appends a timeline sample; called once a second. */
    synchronized Sample sample()
    {
        final Map<String, long[]> ops = new TreeMap<>();
        for (final Map.Entry<String, Recorder> e : recorders.entrySet())
        {
            final Histogram interval = e.getValue().getIntervalHistogram();
            totals.computeIfAbsent(e.getKey(), name -> new Histogram(HIGHEST, 3)).add(interval);
            ops.put(e.getKey(), new long[]{ interval.getTotalCount(), interval.getValueAtPercentile(50),
                interval.getValueAtPercentile(99) });
        }
        final Sample sample = new Sample((System.nanoTime() - startNanos) / 1e9, offered.sumThenReset(),
            completed.sumThenReset(), ops);
        timeline.add(sample);
        return sample;
    }

    /** The whole run's histogram of one operation (after a last {@link #sample()}); empty when none was timed. */
    synchronized Histogram total(final String op)
    {
        final Histogram total = totals.get(op);
        return total == null ? new Histogram(HIGHEST, 3) : total.copy();
    }

    synchronized List<String> operations()
    {
        return new ArrayList<>(totals.keySet());
    }

    Map<String, Long> refusals(final String op)
    {
        final Map<String, Long> counts = new TreeMap<>();
        refusals.getOrDefault(op, Map.of()).forEach((code, n) -> counts.put(code, n.sum()));
        return counts;
    }

    long refusedTotal()
    {
        return refusals.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    List<Sample> timeline()
    {
        synchronized (timeline)
        {
            return new ArrayList<>(timeline);
        }
    }
}
