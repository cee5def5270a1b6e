package org.p2px.observability;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Whether the database answers, checked every {@code p2px.health.database-probe-interval} on a thread of its own
 * ({@code p2px-db-probe}) with Agroal's own check (a pooled connection, validated), so that the readiness check and
 * the metrics read a flag and never wait for a database that has gone away. A check that has not answered within
 * {@code database-probe-timeout} counts as no answer.
 */
@ApplicationScoped
public class DatabaseProbe
{
    private static final System.Logger LOG = System.getLogger(DatabaseProbe.class.getName());
    private static final long IDLE = 0;

    private final AgroalDataSource dataSource;
    private final HealthSettings settings;
    private ScheduledExecutorService probes;
    private volatile boolean answered;
    private boolean probed;
    private volatile long probingSinceNanos = IDLE;

    public DatabaseProbe(final AgroalDataSource dataSource, final HealthSettings settings)
    {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    void start(@Observes final StartupEvent event)
    {
        probes = Executors.newSingleThreadScheduledExecutor(task ->
        {
            final Thread thread = new Thread(task, "p2px-db-probe");
            thread.setDaemon(true);
            return thread;
        });
        probes.scheduleWithFixedDelay(this::probe, 0, settings.databaseProbeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes final ShutdownEvent event)
    {
        if (probes != null)
        {
            probes.shutdownNow();
        }
    }

    /** True when the last check got an answer and none has been waiting longer than the timeout since. */
    public boolean reachable()
    {
        final long since = probingSinceNanos;
        final boolean stuck = since != IDLE && System.nanoTime() - since > settings.databaseProbeTimeout().toNanos();
        return answered && !stuck;
    }

    private void probe()
    {
        probingSinceNanos = Math.max(1, System.nanoTime());
        boolean healthy;
        try
        {
            healthy = dataSource.isHealthy(false);
        }
        catch (final Exception ex)
        {
            healthy = false;
        }
        if (probed && healthy != answered)
        {
            LOG.log(healthy ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                healthy ? "the database answers" : "the database does not answer: trading goes on, the read models wait");
        }
        answered = healthy;
        probed = true;
        probingSinceNanos = IDLE;
    }
}
