package org.p2px.notice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/** Connections (and listeners) of the notice tests' own to the PostgreSQL of the {@code postgres} Maven profile (or -Dp2px.db.url=...). */
final class OwnConnections
{
    static final long WAIT_S = 10;

    private OwnConnections()
    {
    }

    /** Skips the test unless the tests run against PostgreSQL: LISTEN/NOTIFY is PostgreSQL's. */
    static void assumePostgres()
    {
        assumeTrue("postgresql".equals(System.getProperty("p2px.db.kind")) && System.getProperty("p2px.db.url") != null,
            "LISTEN/NOTIFY is PostgreSQL's: run with -Ppostgres");
    }

    static Connection connect() throws SQLException
    {
        return DriverManager.getConnection(System.getProperty("p2px.db.url"),
            System.getProperty("p2px.db.username", "postgres"), System.getProperty("p2px.db.password", ""));
    }

    /** Until {@code listener} listens on a connection other than {@code notOn}'s backend. */
    static void awaitListening(final NoticeListener listener, final int notOn) throws InterruptedException
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (listener.backendPid() == 0 || listener.backendPid() == notOn)
        {
            if (System.nanoTime() > until)
            {
                throw new AssertionError("the listener does not listen after " + WAIT_S + " s");
            }
            Thread.sleep(20);
        }
    }
}
