package org.p2px.gateway;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import io.vertx.core.http.HttpClosedException;

/**
 * Failures that only say the client went away in the middle of a request or a connection: a dropped socket, a
 * reset, a body cut short. Clients do that every day on the internet; each is worth one line at DEBUG, not an
 * ERROR with a stack trace, which a client could otherwise use to fill the disk and bury real errors.
 */
public final class ClientGone
{
    private static final int MAX_CAUSES = 8;

    private ClientGone()
    {
    }

    public static boolean is(final Throwable failure)
    {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause())
        {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException)
            {
                return true;
            }
            if (cause instanceof IOException && isResetOrBrokenPipe(cause.getMessage()))
            {
                return true;
            }
        }
        return false;
    }

    /** The JDK and Netty name a peer's reset only in the message. */
    private static boolean isResetOrBrokenPipe(final String message)
    {
        return message != null && (message.contains("Connection reset") || message.contains("Broken pipe"));
    }

    /** One line for the log: what went, without the stack. */
    public static String describe(final Throwable failure)
    {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
