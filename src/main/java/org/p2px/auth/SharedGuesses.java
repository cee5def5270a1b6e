package org.p2px.auth;

import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.p2px.server.EngineSettings;
import org.p2px.server.SharedDatabase;

/**
 * Whether wrong guesses are counted in the database ({@link FailureTable}) rather than in memory: when several
 * gateways share it ({@link SharedDatabase#sharedByGateways}: a cluster gateway on PostgreSQL). Then it gives the
 * tables their connections, each call in a transaction of its own (a wrong password counts even when the request
 * that saw it rolls back), and sweeps counts a lockout old every minute; every gateway sweeps, which is harmless.
 */
@ApplicationScoped
public class SharedGuesses
{
    private static final Logger LOG = Logger.getLogger(SharedGuesses.class);
    private static final long SWEEP_EVERY_MILLIS = 60_000;
    /** Names the HMAC key derived from the key directory's secret for this one use. */
    private static final String SUBJECT_KEY_USE = "p2px guess_failures subjects";

    private final boolean enabled;
    private final KeyFiles keys;
    private final AgroalDataSource dataSource;
    private final Duration lockout;
    private final Vertx vertx;
    private long timer = -1;

    public SharedGuesses(final EngineSettings engine,
        @ConfigProperty(name = "quarkus.datasource.jdbc.url") final String url, final KeyFiles keys,
        final AgroalDataSource dataSource, final AuthSettings settings, final Vertx vertx)
    {
        this.enabled = SharedDatabase.sharedByGateways(engine.mode(), url);
        this.keys = keys;
        this.dataSource = dataSource;
        this.lockout = settings.lockout().duration();
        this.vertx = vertx;
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** The counts of {@code scope} in the shared table, falling back to {@code fallback} while it fails. */
    FailureCounts table(final String scope, final int maxFailures, final FailureLimiter fallback)
    {
        return new FailureTable(scope, maxFailures, lockout, subjectKey(), this::call, System::currentTimeMillis,
            fallback);
    }

    /** Every gateway derives the same key from the secret they share ({@code p2px.auth.key-dir}). */
    private String subjectKey()
    {
        return Digests.hmacSha256Hex(Base64.getEncoder().encodeToString(keys.secretsKey().getEncoded()), SUBJECT_KEY_USE);
    }

    private <T> T call(final FailureTable.Work<T> work)
    {
        return QuarkusTransaction.requiringNew().call(() ->
        {
            try (Connection connection = dataSource.getConnection())
            {
                return work.run(connection);
            }
        });
    }

    /** Deletes the counts whose last wrong guess is a lockout old or more; returns how many. */
    int sweep(final long nowMillis)
    {
        return call(connection -> FailureTable.update(connection, FailureTable.SWEEP, nowMillis - lockout.toMillis()));
    }

    void start(@Observes final StartupEvent event)
    {
        if (enabled)
        {
            timer = vertx.setPeriodic(SWEEP_EVERY_MILLIS, id -> vertx.executeBlocking(() -> sweep(System.currentTimeMillis()), false)
                .onFailure(ex -> LOG.warnf("sweeping old wrong-guess counts failed (retried in a minute): %s", ex.toString())));
        }
    }

    void stop(@Observes final ShutdownEvent event)
    {
        if (timer >= 0)
        {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
