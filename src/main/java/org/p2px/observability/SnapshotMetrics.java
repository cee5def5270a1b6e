package org.p2px.observability;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.agrona.concurrent.EpochClock;
import org.p2px.engine.Engine;
import org.p2px.engine.SnapshotStatus;

/**
 * What a restart would cost and what the last one did: the newest snapshot's age and the batches after it (the
 * replay a restart would do), how long the last snapshot took, its size, whether the snapshot replica has stopped;
 * and how long recovery took at start. The snapshot series are NaN while snapshots are off; a cluster gateway has
 * none of them.
 */
@ApplicationScoped
public class SnapshotMetrics implements MeterBinder
{
    private final RunningEngine engine;
    private final EpochClock clock;

    public SnapshotMetrics(final RunningEngine engine, final EpochClock clock)
    {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void bindTo(final MeterRegistry registry)
    {
        if (!engine.inProcess())
        {
            return; // the cluster's members snapshot themselves (docs/operations.md, "Cluster mode")
        }
        TimeGauge.builder("p2px.snapshot.age", this, TimeUnit.MILLISECONDS,
                metrics -> metrics.snapshot((e, s) -> Math.max(0, metrics.clock.time() - s.takenAt())))
            .description("Time since the newest snapshot was taken (since start when there is none)")
            .register(registry);
        Gauge.builder("p2px.snapshot.lag.batches", this,
                metrics -> metrics.snapshot((e, s) -> Math.max(0, e.counters().journaledSequence() - s.batchSequence())))
            .description("Batches journaled after the newest snapshot: what a restart would replay")
            .register(registry);
        TimeGauge.builder("p2px.snapshot.duration", this, TimeUnit.NANOSECONDS,
                metrics -> metrics.snapshot((e, s) -> s.durationNanos()))
            .description("How long the last snapshot took to serialize and write (the core does not pause for it)")
            .register(registry);
        Gauge.builder("p2px.snapshot.size", this, metrics -> metrics.snapshot((e, s) -> s.sizeBytes()))
            .baseUnit("bytes").description("Size of the last snapshot").register(registry);
        Gauge.builder("p2px.snapshot.failed", this, metrics -> metrics.snapshot((e, s) -> s.failed() ? 1 : 0))
            .description("1 once the snapshot replica has stopped on an error: no snapshots until a restart")
            .register(registry);
        TimeGauge.builder("p2px.recovery.duration", this, TimeUnit.NANOSECONDS,
                metrics -> metrics.engine.read(Engine::recoveryNanos))
            .description("How long recovery (snapshot load and journal replay) took at start")
            .register(registry);
        Gauge.builder("p2px.recovery.replayed.batches", this, metrics -> metrics.engine.read(Engine::recoveredBatches))
            .description("Journal batches replayed at start, after the snapshot recovery began from")
            .register(registry);
    }

    /** A reading of the engine and its snapshot status; NaN without an engine, without snapshots, or before they start. */
    private double snapshot(final SnapshotReading reading)
    {
        return engine.read(e ->
        {
            final SnapshotStatus status = e.snapshotStatus();
            return status == null || status.batchSequence() < 0 ? Double.NaN : reading.read(e, status);
        });
    }

    @FunctionalInterface
    private interface SnapshotReading
    {
        double read(Engine engine, SnapshotStatus status);
    }
}
