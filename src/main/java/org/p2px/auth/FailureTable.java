package org.p2px.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Wrong guesses of one scope counted in the table {@code guess_failures} of the PostgreSQL database that several
 * gateways share, so that a limit holds whichever gateways the guesses go through, and a lock set through one refuses
 * on all at the next try. A wrong guess is one atomic upsert that returns the new count (two gateways counting one
 * key at once are serialized on its row, so exactly one of them sees the count reach the limit and announces the
 * lock); a count starts over when the last wrong guess is a lockout old. Keys are stored as an HMAC under a key of
 * the key directory's, never as the username, address or user id: whoever reads the database learns nothing of who
 * was guessed at (a plain hash of an IPv4 address is undone by trying them all). Times are the gateways' clocks,
 * which must agree anyway (access tokens allow 5 s).
 *
 * <p>When the database fails or does not answer within {@value #TIMEOUT_S} s, the count falls back to this
 * process's {@link FailureLimiter}: the limits then hold per gateway, as with a single server, rather than not at
 * all, and nobody is locked out because of the failure.
 */
public final class FailureTable implements FailureCounts
{
    /** Runs work on a connection, in a transaction of its own that is committed when it returns. */
    public interface Database
    {
        <T> T call(Work<T> work) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T>
    {
        T run(Connection connection) throws SQLException;
    }

    static final int TIMEOUT_S = 5;
    /** Deletes the counts whose last wrong guess is older than a lockout (parameter: that time, epoch ms). */
    static final String SWEEP = "DELETE FROM guess_failures WHERE last_at <= ?";
    private static final String COUNT = "INSERT INTO guess_failures AS f (subject, failures, last_at) VALUES (?, 1, ?) "
        + "ON CONFLICT (subject) DO UPDATE SET failures = CASE WHEN f.last_at <= ? THEN 1 ELSE f.failures + 1 END, "
        + "last_at = GREATEST(f.last_at, EXCLUDED.last_at) RETURNING failures";
    private static final String READ = "SELECT failures, last_at FROM guess_failures WHERE subject = ?";
    private static final String FORGET = "DELETE FROM guess_failures WHERE subject = ?";
    /** At most one warning of a failing database this often (the rest at DEBUG). */
    private static final long WARNING_EVERY_MS = 10_000;
    private static final System.Logger LOG = System.getLogger(FailureTable.class.getName());

    private final String scope;
    private final int maxFailures;
    private final long lockoutMillis;
    private final String subjectKey;
    private final Database database;
    private final LongSupplier clockMillis;
    private final FailureLimiter fallback;
    private final LongAdder lockouts = new LongAdder();
    private final AtomicLong warned = new AtomicLong(Long.MIN_VALUE / 2);

    /**
     * Counts of {@code scope} (a name of its own, so that an address and a username that read alike are two keys),
     * their keys stored as HMACs under {@code subjectKey}, falling back to {@code fallback} while the database fails.
     */
    public FailureTable(final String scope, final int maxFailures, final Duration lockout, final String subjectKey,
        final Database database, final LongSupplier clockMillis, final FailureLimiter fallback)
    {
        this.scope = scope;
        this.maxFailures = maxFailures;
        this.lockoutMillis = lockout.toMillis();
        this.subjectKey = subjectKey;
        this.database = database;
        this.clockMillis = clockMillis;
        this.fallback = fallback;
    }

    @Override
    public Duration lockedFor(final String key)
    {
        final long now = clockMillis.getAsLong();
        try
        {
            final long[] seen = database.call(connection -> read(connection, subject(key)));
            if (seen == null || seen[0] < maxFailures)
            {
                return Duration.ZERO;
            }
            return Duration.ofMillis(Math.max(0, seen[1] + lockoutMillis - now));
        }
        catch (final SQLException | RuntimeException ex)
        {
            failing(ex);
            return fallback.lockedFor(key);
        }
    }

    @Override
    public boolean failed(final String key)
    {
        final long now = clockMillis.getAsLong();
        try
        {
            final int count = database.call(connection -> count(connection, subject(key), now));
            if (count == maxFailures)
            {
                lockouts.increment();
                return true;
            }
            return false;
        }
        catch (final SQLException | RuntimeException ex)
        {
            failing(ex);
            return fallback.failed(key);
        }
    }

    @Override
    public void forget(final String key)
    {
        fallback.forget(key);
        try
        {
            database.call(connection -> update(connection, FORGET, subject(key)));
        }
        catch (final SQLException | RuntimeException ex)
        {
            failing(ex);
        }
    }

    @Override
    public long lockouts()
    {
        return lockouts.sum() + fallback.lockouts();
    }

    /** What is stored for {@code key}: the HMAC of the scope and the key, in hex (64 characters whatever the key). */
    String subject(final String key)
    {
        return Digests.hmacSha256Hex(subjectKey, scope + ':' + key);
    }

    private int count(final Connection connection, final String subject, final long now) throws SQLException
    {
        try (PreparedStatement count = connection.prepareStatement(COUNT))
        {
            count.setQueryTimeout(TIMEOUT_S);
            count.setString(1, subject);
            count.setLong(2, now);
            count.setLong(3, now - lockoutMillis);
            try (ResultSet row = count.executeQuery())
            {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** {failures, last wrong guess in epoch ms}, or null when none is counted. */
    private static long[] read(final Connection connection, final String subject) throws SQLException
    {
        try (PreparedStatement read = connection.prepareStatement(READ))
        {
            read.setQueryTimeout(TIMEOUT_S);
            read.setString(1, subject);
            try (ResultSet row = read.executeQuery())
            {
                return row.next() ? new long[] {row.getInt(1), row.getLong(2)} : null;
            }
        }
    }

    static int update(final Connection connection, final String sql, final Object parameter) throws SQLException
    {
        try (PreparedStatement update = connection.prepareStatement(sql))
        {
            update.setQueryTimeout(TIMEOUT_S);
            update.setObject(1, parameter);
            return update.executeUpdate();
        }
    }

    private void failing(final Exception ex)
    {
        final long now = System.currentTimeMillis();
        final long last = warned.get();
        final boolean warn = now - last >= WARNING_EVERY_MS && warned.compareAndSet(last, now);
        LOG.log(warn ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, "wrong guesses of " + scope
            + " counted in this process only (the shared count in guess_failures failed): " + ex);
    }
}
