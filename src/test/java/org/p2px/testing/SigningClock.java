package org.p2px.testing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Timestamps for signed requests that never repeat: the server takes a second request with the same key, timestamp
 * and content for a replay, and two requests of a test can fall in one millisecond. A real client does the same.
 */
public final class SigningClock
{
    private static final AtomicLong LAST = new AtomicLong();

    private SigningClock()
    {
    }

    /** The current epoch millisecond, or one past the last one handed out when that is later. */
    public static long next()
    {
        return LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }
}
