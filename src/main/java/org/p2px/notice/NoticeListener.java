package org.p2px.notice;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the other gateways' notices: {@code LISTEN} on a PostgreSQL connection of its own, read on a daemon thread
 * ({@code p2px-notices}) that hands each notice from another gateway to {@code sink}, in the order they were sent.
 * Its own notices (their origin is this gateway) and payloads that are not notices (logged) are skipped. A lost
 * connection is opened again after a pause that doubles from 100 ms to 5 s; what was sent while none was open is
 * not heard (PostgreSQL queues notices only for sessions listening at the time), so a notice is a hint to push at
 * once, never the only record of anything: once listening again, it runs {@code resumed}, for whoever must catch
 * up from the database. A silent connection is checked every 30 s, so that one whose peer
 * vanished without a word is noticed too.
 */
public final class NoticeListener implements AutoCloseable
{
    /** Opens a new connection to the database (autocommit). */
    @FunctionalInterface
    public interface Connector
    {
        Connection connect() throws SQLException;
    }

    static final long FIRST_PAUSE_MS = 100;
    static final long LONGEST_PAUSE_MS = 5_000;
    private static final int WAIT_MS = 500;
    private static final long CHECK_AFTER_MS = 30_000;
    private static final int CHECK_SECONDS = 5;
    /** At most one warning of a refused payload this often (a flood of them is logged at DEBUG). */
    private static final long REFUSAL_WARNING_EVERY_MS = 10_000;
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final System.Logger LOG = System.getLogger(NoticeListener.class.getName());

    private final String channel;
    private final long gatewayId;
    private final Connector connector;
    private final Consumer<Notice> sink;
    private final Runnable resumed;
    private final Thread thread;
    private volatile boolean running = true;
    /** The PostgreSQL backend of the connection now listening; 0 while there is none. */
    private volatile int backendPid;
    /** When a refused payload was last warned of, or 0. */
    private long refusalWarned;

    /**
     * On {@code channel} (a lowercase SQL identifier), for the gateway {@code gatewayId}, running {@code resumed} on
     * its thread each time it listens again after a lost connection; call {@link #start}.
     */
    public NoticeListener(final String channel, final long gatewayId, final Connector connector,
        final Consumer<Notice> sink, final Runnable resumed)
    {
        if (!CHANNEL.matcher(channel).matches())
        {
            throw new IllegalArgumentException("not a lowercase SQL identifier: " + channel);
        }
        this.channel = channel;
        this.gatewayId = gatewayId;
        this.connector = connector;
        this.sink = sink;
        this.resumed = resumed;
        this.thread = new Thread(this::run, "p2px-notices");
        this.thread.setDaemon(true);
    }

    public void start()
    {
        thread.start();
    }

    /** Stops listening within about half a second; the connection is closed with it. */
    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(WAIT_MS * 4L);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** The backend pid of the listening connection (to watch it, or for a test to cut it); 0 while there is none. */
    public int backendPid()
    {
        return backendPid;
    }

    private void run()
    {
        long pause = FIRST_PAUSE_MS;
        boolean lost = false;
        while (running)
        {
            try (Connection connection = connector.connect())
            {
                listen(connection);
                pause = FIRST_PAUSE_MS;
                if (lost)
                {
                    lost = false;
                    LOG.log(System.Logger.Level.INFO, "cross-gateway notices: listening again");
                    resume();
                }
                receive(connection);
            }
            catch (final SQLException | RuntimeException ex)
            {
                if (running && !lost)
                {
                    LOG.log(System.Logger.Level.WARNING, "cross-gateway notices: connection lost, reconnecting (the "
                        + "other gateways' chat lines and key revocations are not pushed here meanwhile): " + ex);
                }
                lost = true;
            }
            backendPid = 0;
            pause = pauseBeforeRetry(pause);
        }
    }

    private void listen(final Connection connection) throws SQLException
    {
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement())
        {
            listen.execute("LISTEN " + channel);
        }
        backendPid = connection.unwrap(PGConnection.class).getBackendPID();
    }

    /** Until stopped, or the connection fails (thrown). */
    private void receive(final Connection connection) throws SQLException
    {
        final PGConnection pg = connection.unwrap(PGConnection.class);
        long heard = System.nanoTime();
        while (running)
        {
            final PGNotification[] notifications = pg.getNotifications(WAIT_MS);
            if (notifications != null && notifications.length > 0)
            {
                heard = System.nanoTime();
                for (final PGNotification notification : notifications)
                {
                    deliver(notification.getParameter());
                }
            }
            else if (System.nanoTime() - heard > CHECK_AFTER_MS * 1_000_000L)
            {
                if (!connection.isValid(CHECK_SECONDS))
                {
                    throw new SQLException("the listening connection no longer answers");
                }
                heard = System.nanoTime();
            }
        }
    }

    private void deliver(final String payload)
    {
        final Notice notice = NoticeCodec.decode(payload);
        if (notice == null)
        {
            refused(payload);
            return;
        }
        if (notice.origin() == gatewayId)
        {
            return;
        }
        try
        {
            sink.accept(notice);
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "cross-gateway notices: " + notice + " failed: " + ex, ex);
        }
    }

    private void resume()
    {
        try
        {
            resumed.run();
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "cross-gateway notices: catching up after a lost connection failed: "
                + ex, ex);
        }
    }

    private void refused(final String payload)
    {
        final long now = System.nanoTime();
        final boolean warn = refusalWarned == 0 || now - refusalWarned > REFUSAL_WARNING_EVERY_MS * 1_000_000L;
        if (warn)
        {
            refusalWarned = now;
        }
        LOG.log(warn ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
            "cross-gateway notices: ignored a payload that is not a notice: " + NoticeCodec.shown(payload));
    }

    /** Sleeps {@code pause} (unless stopped) and answers the next, twice as long up to the longest. */
    private long pauseBeforeRetry(final long pause)
    {
        final long until = System.nanoTime() + pause * 1_000_000L;
        try
        {
            while (running && System.nanoTime() < until)
            {
                Thread.sleep(Math.min(WAIT_MS, Math.max(1, (until - System.nanoTime()) / 1_000_000L)));
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            running = false;
        }
        return Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
}
