package org.p2px.projector;

import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2px.catalog.Catalog;
import org.p2px.engine.EngineClient;
import org.p2px.server.EngineLifecycle;

/**
 * Keeps the read models (ads, orders, balances, user statistics, blocks, index prices, the system's chat lines)
 * in step with the engine's journal. A replica {@code TradingCore} applies every journaled batch, so every figure
 * written comes from the core's own rules; each database transaction holds up to
 * {@link ProjectionRun#MAX_BATCHES_PER_TRANSACTION} batches and the position they reach, so a restart neither
 * skips nor repeats one. After each commit the {@link ProjectionListener}s hear what it wrote.
 * Starts after the engine and stops before it, on every (dev mode) start and stop. See docs/database.md.
 */
@ApplicationScoped
public class Projector implements ProjectionProgress
{
    private final Supplier<EngineClient> engines;
    private final ReadModelWriter writer;
    private final Supplier<List<ProjectionListener>> listeners;
    private final int nice;
    private final Object progress = new Object();
    private long position = -1;
    private volatile ProjectionRun run;

    /** {@code nice}: the projector thread's CPU priority, 0 (normal) to 19 (lowest); see {@link BackgroundPriority}. */
    @Inject
    public Projector(final EngineLifecycle lifecycle, final Catalog catalog, final Instance<ProjectionListener> listeners,
        @ConfigProperty(name = "p2px.projector.nice", defaultValue = "10") final int nice)
    {
        this(lifecycle::client, catalog, () -> listeners.stream().toList(), nice);
    }

    /** Over whichever engine {@code engines} gives at start, telling {@code listeners} after each commit. */
    Projector(final Supplier<EngineClient> engines, final Catalog catalog, final Supplier<List<ProjectionListener>> listeners,
        final int nice)
    {
        if (nice < 0 || nice > 19)
        {
            throw new IllegalArgumentException("p2px.projector.nice must be from 0 to 19, not " + nice);
        }
        this.engines = engines;
        this.writer = new ReadModelWriter(catalog);
        this.listeners = listeners;
        this.nice = nice;
    }

    /** After {@link EngineLifecycle} has started the engine (it observes at the default priority). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) final StartupEvent event)
    {
        start();
    }

    /** Before {@link EngineLifecycle} closes the engine. */
    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION + 400) final ShutdownEvent event)
    {
        stop();
    }

    synchronized void start()
    {
        final EngineClient engine = engines.get();
        if (run == null && engine != null)
        {
            run = new ProjectionRun(engine, writer, listeners.get(), this::published, nice);
            run.start();
        }
    }

    synchronized void stop()
    {
        if (run != null)
        {
            run.stop();
            run = null;
        }
    }

    /** The last batch sequence in the read models; -1 before the projector has read it. */
    public long position()
    {
        synchronized (progress)
        {
            return position;
        }
    }

    /**
     * How long the oldest batch that has reached the projector and is not in the read models yet has waited (0 when
     * none waits): the read models' lag in time, which keeps growing while the database is away.
     */
    public long waitingNanos(final long nowNanos)
    {
        final ProjectionRun current = run;
        final long since = current == null ? ProjectionRun.NOTHING_WAITING : current.oldestWaitingNanos();
        return since == ProjectionRun.NOTHING_WAITING ? 0 : Math.max(0, nowNanos - since);
    }

    /** Whether the projector's last database transaction failed (it retries; trading goes on without it). */
    public boolean lastTransactionFailed()
    {
        final ProjectionRun current = run;
        return current != null && current.lastTransactionFailed();
    }

    @Override
    public boolean awaitProjected(final long batchSequence, final long timeoutMillis)
    {
        final long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (progress)
        {
            long left = timeoutMillis;
            while (position < batchSequence && left > 0)
            {
                try
                {
                    progress.wait(left);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return false;
                }
                left = (deadline - System.nanoTime()) / 1_000_000L;
            }
            return position >= batchSequence;
        }
    }

    private void published(final long batchSequence)
    {
        synchronized (progress)
        {
            position = batchSequence;
            progress.notifyAll();
        }
    }
}
