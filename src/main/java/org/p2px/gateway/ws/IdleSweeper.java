package org.p2px.gateway.ws;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every {@code p2px.ws.sweep-interval}: closes connections from which nothing arrived for the idle timeout (4000;
 * a live client answers the server's pings, so only dead or stuck peers are closed) and connections whose access
 * token expired without a renewing {@code auth.login} (4001). Stops with the application (dev mode reloads it).
 */
@ApplicationScoped
public class IdleSweeper
{
    private final Sessions sessions;
    private final WsSettings settings;
    private final Vertx vertx;
    private long timer = -1;

    public IdleSweeper(final Sessions sessions, final WsSettings settings, final Vertx vertx)
    {
        this.sessions = sessions;
        this.settings = settings;
        this.vertx = vertx;
    }

    void start(@Observes final StartupEvent event)
    {
        requireLongerThanThePings(settings.idleTimeout(), ConfigProvider.getConfig()
            .getOptionalValue("quarkus.websockets-next.server.auto-ping-interval", Duration.class));
        timer = vertx.setPeriodic(settings.sweepInterval().toMillis(),
            id -> sweep(System.nanoTime(), System.currentTimeMillis()));
    }

    /**
     * A client proves it is alive by answering the server's pings: an idle timeout that is not longer than the ping
     * interval closes healthy clients that send nothing else (seen with 8 s against the 20 s pings).
     */
    static void requireLongerThanThePings(final Duration idleTimeout, final Optional<Duration> pingInterval)
    {
        if (pingInterval.isPresent() && idleTimeout.compareTo(pingInterval.get()) <= 0)
        {
            throw new IllegalStateException("p2px.ws.idle-timeout (" + idleTimeout + ") must be longer than "
                + "quarkus.websockets-next.server.auto-ping-interval (" + pingInterval.get() + "), or clients that only "
                + "answer pings are closed as idle");
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

    void sweep(final long nowNanos, final long nowMillis)
    {
        final long idleNanos = settings.idleTimeout().toNanos();
        for (final Session session : sessions.all())
        {
            final WsLogin login = session.login();
            if (nowNanos - session.lastHeardNanos() > idleNanos)
            {
                sessions.close(session, CloseCodes.IDLE, "idle: nothing received for " + settings.idleTimeout().toSeconds() + " s");
            }
            else if (login != null && login.expired(nowMillis))
            {
                sessions.close(session, CloseCodes.SIGN_IN_EXPIRED, "access token expired: reconnect with a fresh one");
            }
        }
    }
}
