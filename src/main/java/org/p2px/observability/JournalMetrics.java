package org.p2px.observability;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.HdrHistogram.Histogram;
import org.p2px.engine.CoreCounters;
import org.p2px.engine.Engine;

/**
 * The journal: its last batch, failed appends, and append latencies (what the core thread records in an HdrHistogram
 * recorder: every append while it has time, one in sixteen under load), as a count and sum since start and as
 * quantiles and a maximum over the last minute. A cluster gateway has only the first: the co-located member's
 * last batch.
 */
@ApplicationScoped
public class JournalMetrics implements MeterBinder
{
    static final double[] QUANTILES = { 0.5, 0.9, 0.99, 0.999 };

    private final RunningEngine engine;
    private final AppendLatencyWindow latencies;

    public JournalMetrics(final RunningEngine engine)
    {
        this.engine = engine;
        this.latencies = new AppendLatencyWindow(this::latenciesSinceLastRead, System::nanoTime,
            CoreCounters.MAX_RECORDED_NANOS, CoreCounters.SIGNIFICANT_DIGITS);
    }

    @Override
    public void bindTo(final MeterRegistry registry)
    {
        FunctionCounter.builder("p2px.journal.batches", this, metrics -> metrics.engine.journaledSequence())
            .description("The last batch appended to the journal: every batch ever journaled, a restart included")
            .register(registry);
        if (!engine.inProcess())
        {
            return; // a cluster gateway appends nothing: the members do, each to its own journal
        }
        FunctionCounter.builder("p2px.journal.append.failures", this,
                metrics -> metrics.engine.read(e -> e.counters().appendFailures()))
            .description("Journal appends that failed; each stops the engine (FAILED) until a restart")
            .register(registry);
        FunctionTimer.builder("p2px.journal.append", this, metrics -> metrics.latencies.count(),
                metrics -> metrics.latencies.sumNanos(), TimeUnit.NANOSECONDS)
            .description("Timed journal appends (all while the core has time, one in 16 under load) and their total time")
            .register(registry);
        for (final double quantile : QUANTILES)
        {
            TimeGauge.builder("p2px.journal.append.quantile", this, TimeUnit.NANOSECONDS,
                    metrics -> metrics.latencies.quantileNanos(quantile))
                .tag("quantile", Double.toString(quantile))
                .description("Journal append latency at this quantile over the last minute")
                .register(registry);
        }
        TimeGauge.builder("p2px.journal.append.max", this, TimeUnit.NANOSECONDS, metrics -> metrics.latencies.maxNanos())
            .description("The slowest journal append of the last minute")
            .register(registry);
    }

    private void latenciesSinceLastRead(final Histogram into)
    {
        final Engine running = engine.engine();
        if (running != null)
        {
            running.counters().appendLatenciesSinceLastRead(into);
        }
    }
}
