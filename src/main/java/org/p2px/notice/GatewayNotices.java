package org.p2px.notice;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2px.server.ClusterGatewaySettings;
import org.p2px.server.EngineSettings;
import org.p2px.server.SharedDatabase;

/**
 * Whether this server tells other gateways, and hears from them, over PostgreSQL's {@code LISTEN}/{@code NOTIFY}
 * on the channel {@value #CHANNEL}: only a cluster gateway ({@code p2px.engine.mode=cluster}) on PostgreSQL, the one
 * case where several servers share a database. Then it runs a {@link NoticeListener} from start to shutdown, on a
 * connection of its own outside the pool, and fires each notice it hears as a CDI event ({@link Notice.ChatLine},
 * {@link Notice.KeyRevoked}) on the listener's thread, and a {@link NoticesResumed} when it listens again after a
 * lost connection; and, since a notice can be lost (above, and a gateway that dies between its commit and its notice),
 * a {@link NoticesCatchUp} at start and every {@code p2px.cluster.notice-catch-up-interval} on a thread of its own.
 * A single server, or a database of its own (H2), runs nothing.
 */
@ApplicationScoped
public class GatewayNotices
{
    public static final String CHANNEL = "p2px_gateways";
    private static final System.Logger LOG = System.getLogger(GatewayNotices.class.getName());

    private final boolean enabled;
    private final long gatewayId;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Event<Notice> events;
    private final Event<NoticesResumed> resumptions;
    private final Event<NoticesCatchUp> catchUps;
    private final Duration catchUpInterval;
    private NoticeListener listener;
    private ScheduledExecutorService catchUpThread;

    @Inject
    public GatewayNotices(final EngineSettings engine, final ClusterGatewaySettings cluster,
        @ConfigProperty(name = "quarkus.datasource.jdbc.url") final String url,
        @ConfigProperty(name = "quarkus.datasource.username") final Optional<String> username,
        @ConfigProperty(name = "quarkus.datasource.password") final Optional<String> password,
        final Event<Notice> events, final Event<NoticesResumed> resumptions, final Event<NoticesCatchUp> catchUps)
    {
        this.enabled = SharedDatabase.sharedByGateways(engine.mode(), url);
        this.gatewayId = cluster.gatewayId().orElse(0L);
        this.url = url;
        this.username = username;
        this.password = password;
        this.events = events;
        this.resumptions = resumptions;
        this.catchUps = catchUps;
        this.catchUpInterval = cluster.noticeCatchUpInterval();
        if (catchUpInterval.isNegative() || catchUpInterval.isZero())
        {
            throw new IllegalStateException("p2px.cluster.notice-catch-up-interval must be above zero, not "
                + catchUpInterval);
        }
    }

    /** True when notices are sent and heard: a cluster gateway on PostgreSQL. */
    public boolean enabled()
    {
        return enabled;
    }

    /** The origin this gateway's notices carry. */
    public long gatewayId()
    {
        return gatewayId;
    }

    /** After the live view has started (the handlers read orders from it), before the projector tells anything. */
    synchronized void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 560) final StartupEvent event)
    {
        if (enabled && listener == null)
        {
            listener = new NoticeListener(CHANNEL, gatewayId, this::connect, events::fire,
                () -> resumptions.fire(new NoticesResumed()));
            listener.start();
            catchUpThread = Executors.newSingleThreadScheduledExecutor(task ->
            {
                final Thread thread = new Thread(task, "p2px-notices-catch-up");
                thread.setDaemon(true);
                return thread;
            });
            // With a fixed delay: a catch-up slowed by the database is never queued behind another.
            catchUpThread.scheduleWithFixedDelay(this::catchUp, 0, catchUpInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Never throws: an exception would end the schedule. */
    private void catchUp()
    {
        try
        {
            catchUps.fire(new NoticesCatchUp());
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "cross-gateway notices: catching up failed: " + ex, ex);
        }
    }

    /** Before the live view stops. */
    synchronized void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION + 420) final ShutdownEvent event)
    {
        if (listener != null)
        {
            catchUpThread.shutdownNow();
            catchUpThread = null;
            listener.close();
            listener = null;
        }
    }

    /** A connection of the listener's own, not the pool's: it stays open as long as the server runs. */
    private Connection connect() throws SQLException
    {
        final Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "p2px-notices-" + gatewayId);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        final Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null)
        {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }
}
