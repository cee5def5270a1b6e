package org.p2px.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.p2px.api.GatewayError;

/**
 * Refuses a signed API-key request that was already received (a replay): each accepted signature is a row of
 * {@code used_signatures} until its timestamp has left the receive window, and the primary key lets only the first
 * of two identical requests in, whichever gateway thread or process sees them and across a restart. Once the
 * window has passed, the timestamp check refuses the request anyway, so the row is swept.
 */
@ApplicationScoped
public class UsedSignatures
{
    private static final Logger LOG = Logger.getLogger(UsedSignatures.class);
    /** Rows outlive the window by this much, so that a clock step between check and sweep changes nothing. */
    private static final long MARGIN_MILLIS = 1_000;
    private static final long SWEEP_EVERY_MILLIS = 60_000;

    private final AuthSettings settings;
    private final Vertx vertx;
    private long timer = -1;

    public UsedSignatures(final AuthSettings settings, final Vertx vertx)
    {
        this.settings = settings;
        this.vertx = vertx;
    }

    /**
     * Records {@code signature} (the server's own lowercase hex, so that a change of case is the same signature)
     * in the caller's transaction; throws SIGNATURE_ALREADY_USED when it was recorded before.
     */
    public void claim(final String signature, final long timestampMillis)
    {
        try
        {
            Panache.getEntityManager()
                .createNativeQuery("INSERT INTO used_signatures (signature, expires_at) VALUES (?1, ?2)")
                .setParameter(1, signature)
                .setParameter(2, timestampMillis + settings.receiveWindow().toMillis() + MARGIN_MILLIS)
                .executeUpdate();
        }
        catch (final PersistenceException ex)
        {
            if (isUniqueViolation(ex))
            {
                throw AuthFailure.of(GatewayError.SIGNATURE_ALREADY_USED);
            }
            throw ex;
        }
    }

    private static boolean isUniqueViolation(final Throwable ex)
    {
        for (Throwable cause = ex; cause != null; cause = cause.getCause())
        {
            if (cause instanceof ConstraintViolationException)
            {
                return true;
            }
        }
        return false;
    }

    /** Deletes the rows whose requests the timestamp check now refuses; returns how many. */
    public int sweep(final long nowMillis)
    {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
            .createNativeQuery("DELETE FROM used_signatures WHERE expires_at < ?1")
            .setParameter(1, nowMillis)
            .executeUpdate());
    }

    void start(@Observes final StartupEvent event)
    {
        timer = vertx.setPeriodic(SWEEP_EVERY_MILLIS, id -> vertx.executeBlocking(() -> sweep(System.currentTimeMillis()), false)
            .onFailure(ex -> LOG.warnf("sweeping used API-key signatures failed (retried in a minute): %s", ex.toString())));
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
