package org.p2px.projector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The right to write the read models, for one of several servers sharing a PostgreSQL database (cluster gateways):
 * a session-level advisory lock held on a connection of its own. Whoever holds it projects; the others stand by and
 * try again. The lock goes with its connection, so a server that dies (even by kill -9) frees it as soon as
 * PostgreSQL sees the connection close. Any other database (the embedded H2) belongs to one server, which always
 * holds the lease. The lock only decides who projects; what each transaction writes is fenced by the position row
 * ({@link ReadModelWriter#write}), so even a holder that lost its connection unnoticed cannot write over another.
 */
final class ProjectorLease implements AutoCloseable
{
    /** The advisory lock's key: "p2pxproj" as a number, unlikely to meet another application's key. */
    static final long LOCK_KEY = 0x7032_7078_7072_6f6aL;
    private static final int VALID_SECONDS = 2;

    private final DataSource dataSource;
    private Connection connection;
    /** Whether the database is PostgreSQL, once a connection told; null before. */
    private Boolean postgres;

    ProjectorLease(final DataSource dataSource)
    {
        this.dataSource = dataSource;
    }

    /** Takes the lease if nobody holds it (or this one already does); false while another server holds it. */
    synchronized boolean tryAcquire() throws SQLException
    {
        if (connection != null || Boolean.FALSE.equals(postgres))
        {
            return true;
        }
        final Connection candidate = dataSource.getConnection();
        try
        {
            postgres = isPostgres(candidate);
            if (!postgres)
            {
                candidate.close();
                return true;
            }
            candidate.setAutoCommit(true);
            try (PreparedStatement lock = candidate.prepareStatement("SELECT pg_try_advisory_lock(?)"))
            {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet result = lock.executeQuery())
                {
                    if (result.next() && result.getBoolean(1))
                    {
                        connection = candidate;
                        return true;
                    }
                }
            }
        }
        catch (final SQLException | RuntimeException ex)
        {
            candidate.close();
            throw ex;
        }
        candidate.close();
        return false;
    }

    /** Whether the lease's connection (and so its lock) is still there; true when no lock is needed. */
    synchronized boolean stillHeld()
    {
        try
        {
            return connection == null || connection.isValid(VALID_SECONDS);
        }
        catch (final SQLException ex)
        {
            return false;
        }
    }

    /** Whether this lease needs watching: it holds a lock that a lost connection would take away. */
    synchronized boolean locked()
    {
        return connection != null;
    }

    /** Gives the lease up (closing its connection unlocks it); a later {@link #tryAcquire} may take it again. */
    @Override
    public synchronized void close()
    {
        if (connection != null)
        {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)"))
            {
                unlock.setLong(1, LOCK_KEY);
                unlock.execute();
            }
            catch (final SQLException ex)
            {
                // The connection is gone, and the lock with it.
            }
            try
            {
                connection.close();
            }
            catch (final SQLException ex)
            {
                // Closed already.
            }
            connection = null;
        }
    }

    private static boolean isPostgres(final Connection connection) throws SQLException
    {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
