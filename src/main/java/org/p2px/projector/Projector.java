package org.p2px.projector;

import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.p2px.catalog.Catalog;
import org.p2px.engine.Engine;
import org.p2px.gateway.ProjectionProgress;
import org.p2px.gateway.Pushes;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.server.EngineLifecycle;

/**
 * Keeps the read models (ads, orders, balances, user statistics, blocks, index prices, the system's chat lines)
 * in step with the engine's journal. A replica {@code TradingCore} applies every journaled batch, so every figure
 * written comes from the core's own rules; each database transaction holds up to
 * {@link ProjectionRun#MAX_BATCHES_PER_TRANSACTION} batches and the position they reach, so a restart neither
 * skips nor repeats one. After each commit the changes go out through {@link Pushes} when a gateway provides it.
 * Starts after the engine and stops before it, on every (dev mode) start and stop. See docs/database.md.
 */
@ApplicationScoped
public class Projector implements ProjectionProgress
{
    private final Supplier<Engine> engines;
    private final ReadModelWriter writer;
    private final ProjectionPushes pushes;
    private final Supplier<Pushes> pushTarget;
    private final Object progress = new Object();
    private long position = -1;
    private ProjectionRun run;

    @Inject
    public Projector(
        final EngineLifecycle lifecycle, final Catalog catalog, final ViewMapper views, final Instance<Pushes> pushes)
    {
        this(lifecycle::engine, catalog, views, () -> pushes.isResolvable() ? pushes.get() : null);
    }

    /** Over whichever engine {@code engines} gives at start, pushing to {@code pushTarget} (null: nobody). */
    Projector(final Supplier<Engine> engines, final Catalog catalog, final ViewMapper views,
        final Supplier<Pushes> pushTarget)
    {
        this.engines = engines;
        this.writer = new ReadModelWriter(catalog);
        this.pushes = new ProjectionPushes(views);
        this.pushTarget = pushTarget;
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
        final Engine engine = engines.get();
        if (run == null && engine != null)
        {
            run = new ProjectionRun(engine, writer, pushes, pushTarget, this::published);
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
