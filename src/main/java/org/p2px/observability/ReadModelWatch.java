package org.p2px.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.projector.Projector;
import org.p2px.server.EngineLifecycle;

/** Puts together {@link ReadModelState}: the projector's position and wait, the journal's, the database probe. */
@ApplicationScoped
public class ReadModelWatch
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final Projector projector;
    private final EngineLifecycle engines;
    private final DatabaseProbe database;
    private final HealthSettings settings;

    public ReadModelWatch(final Projector projector, final EngineLifecycle engines, final DatabaseProbe database,
        final HealthSettings settings)
    {
        this.projector = projector;
        this.engines = engines;
        this.database = database;
        this.settings = settings;
    }

    public ReadModelState now()
    {
        final long journal = engines.journaledSequence();
        return state(projector.position(), journal, projector.waitingNanos(System.nanoTime()), database.reachable(),
            projector.lastTransactionFailed(), settings.readModelsMaxLag().toNanos());
    }

    /** The state from its readings: a wait counts only while the read models are behind the journal. */
    static ReadModelState state(final long projected, final long journal, final long waitingNanos,
        final boolean databaseReachable, final boolean lastTransactionFailed, final long maxLagNanos)
    {
        final long lagBatches = Math.max(0, journal - Math.max(projected, 0));
        final long lagNanos = lagBatches == 0 ? 0 : waitingNanos;
        final boolean degraded = !databaseReachable || lastTransactionFailed || lagNanos > maxLagNanos;
        return new ReadModelState(projected, journal, lagBatches, lagNanos / NANOS_PER_SECOND, databaseReachable,
            lastTransactionFailed, degraded);
    }
}
