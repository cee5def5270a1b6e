package org.p2px.projector;

import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * <p>
 * Several servers may share one PostgreSQL database (cluster gateways): only the holder of the {@link ProjectorLease}
 * projects; the others stand by, follow the position the holder writes (so that their history queries still wait
 * for what their live view has applied) and take the lease over when the holder dies, resuming from that position.
 */
@ApplicationScoped
public class Projector implements ProjectionProgress
{
    private final Supplier<EngineClient> engines;
    private final ReadModelWriter writer;
    private final Supplier<List<ProjectionListener>> listeners;
    private final int nice;
    private final ProjectorLease lease;
    private final Object progress = new Object();
    private long position = -1;
    private volatile ProjectionRun run;
    private volatile StandBy standBy;
    private volatile boolean positionReadFailed;
    private boolean leaseFailing;

    /**
     * How often a standing-by server reads the position and tries the lease: it bounds how long its history queries
     * wait behind its live view, and (beside PostgreSQL noticing the dead connection) how soon it takes over.
     */
    static final long STAND_BY_POLL_MS = 100;
    private static final System.Logger LOG = System.getLogger(Projector.class.getName());

    /** {@code nice}: the projector thread's CPU priority, 0 (normal) to 19 (lowest); see {@link BackgroundPriority}. */
    @Inject
    public Projector(final EngineLifecycle lifecycle, final Catalog catalog, final Instance<ProjectionListener> listeners,
        final AgroalDataSource dataSource,
        @ConfigProperty(name = "p2px.projector.nice", defaultValue = "10") final int nice)
    {
        this(lifecycle::client, catalog, () -> listeners.stream().toList(), new ProjectorLease(dataSource), nice);
    }

    /**
     * Over whichever engine {@code engines} gives at start, telling {@code listeners} after each commit, projecting
     * while it holds {@code lease}, on a thread at CPU priority {@code nice}.
     */
    Projector(final Supplier<EngineClient> engines, final Catalog catalog, final Supplier<List<ProjectionListener>> listeners,
        final ProjectorLease lease, final int nice)
    {
        if (nice < 0 || nice > 19)
        {
            throw new IllegalArgumentException("p2px.projector.nice must be from 0 to 19, not " + nice);
        }
        this.engines = engines;
        this.writer = new ReadModelWriter(catalog);
        this.listeners = listeners;
        this.nice = nice;
        this.lease = lease;
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

    /**
     * Projects at once when the lease is free (always, on a database of this server's own); else, and to notice a
     * lease lost with its connection, a {@link StandBy} thread watches.
     */
    synchronized void start()
    {
        final EngineClient engine = engines.get();
        if (run == null && standBy == null && engine != null)
        {
            if (!tryProject(engine) || lease.locked())
            {
                standBy = new StandBy(engine);
                standBy.start();
            }
        }
    }

    void stop()
    {
        final StandBy watcher;
        synchronized (this)
        {
            watcher = standBy;
            standBy = null;
        }
        // Not under the lock: the stand-by thread may be waiting for it.
        if (watcher != null)
        {
            watcher.finish();
        }
        synchronized (this)
        {
            stopRun();
            lease.close();
        }
    }

    /** Whether this server writes the read models now (false while another server sharing the database does). */
    public boolean projecting()
    {
        return run != null;
    }

    private synchronized boolean tryProject(final EngineClient engine)
    {
        try
        {
            final boolean acquired = run == null && lease.tryAcquire();
            leaseFailing = false;
            if (acquired)
            {
                run = new ProjectionRun(engine, writer, listeners.get(), this::published, nice);
                run.start();
                if (lease.locked())
                {
                    LOG.log(System.Logger.Level.INFO, "projector: this server holds the lease and writes the read models");
                }
            }
            return run != null;
        }
        catch (final java.sql.SQLException | RuntimeException ex)
        {
            // Tried again every STAND_BY_POLL_MS: said once, not ten times a second while the database is away.
            if (!leaseFailing)
            {
                LOG.log(System.Logger.Level.WARNING, "projector: the lease could not be tried (trying on): " + ex);
            }
            leaseFailing = true;
            return false;
        }
    }

    private synchronized void stopRun()
    {
        if (run != null)
        {
            run.stop();
            run = null;
        }
    }

    /** While another server projects: follows the position it writes, and takes over once its lease is free. */
    private void standByOnce(final EngineClient engine)
    {
        if (run != null)
        {
            if (!lease.stillHeld())
            {
                LOG.log(System.Logger.Level.WARNING, "projector: the lease's database connection was lost; standing by");
                stopRun();
                lease.close();
            }
            return;
        }
        if (!tryProject(engine))
        {
            try
            {
                published(QuarkusTransaction.requiringNew().call(ReadModelWriter::position));
                positionReadFailed = false;
            }
            catch (final RuntimeException ex)
            {
                positionReadFailed = true;
            }
        }
    }

    /** The thread of {@link #standByOnce}, every {@link #STAND_BY_POLL_MS}. */
    private final class StandBy extends Thread
    {
        private final EngineClient engine;
        private volatile boolean running = true;

        StandBy(final EngineClient engine)
        {
            super("p2px-projector-standby");
            setDaemon(true);
            this.engine = engine;
        }

        @Override
        public void run()
        {
            while (running)
            {
                standByOnce(engine);
                try
                {
                    Thread.sleep(STAND_BY_POLL_MS);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
            }
        }

        void finish()
        {
            running = false;
            try
            {
                join(java.util.concurrent.TimeUnit.SECONDS.toMillis(40));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
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
        return current != null ? current.lastTransactionFailed() : positionReadFailed;
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
