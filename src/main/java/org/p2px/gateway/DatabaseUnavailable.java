package org.p2px.gateway;

import java.sql.SQLException;
import java.util.Arrays;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Failures that say the database cannot be reached (refused, cut, no connection in time), as opposed to a fault
 * in a query. Trading goes on without the database (the live view answers it); what needs the database is
 * refused with 503 DATABASE_UNAVAILABLE, a retryable answer, instead of INTERNAL_ERROR.
 */
public final class DatabaseUnavailable
{
    private static final int MAX_CAUSES = 12;
    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseUnavailable()
    {
    }

    public static boolean is(final Throwable failure)
    {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause())
        {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException ||
                cause instanceof SQLNonTransientConnectionException)
            {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null &&
                sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS))
            {
                return true;
            }
            // Hibernate's words when the pool could not hand out a connection.
            if (cause instanceof GenericJDBCException && cause.getMessage() != null &&
                cause.getMessage().contains("Unable to acquire JDBC Connection"))
            {
                return true;
            }
            // A transaction that could not commit because getting its connection failed: Narayana keeps only where
            // the rollback was asked for, Hibernate's connection acquisition.
            if (cause.getMessage() != null && cause.getMessage().startsWith("setRollbackOnly called from") &&
                Arrays.stream(cause.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("obtainConnection")))
            {
                return true;
            }
        }
        return false;
    }
}
