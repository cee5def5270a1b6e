package org.p2px.live;

import org.p2px.codec.ErrorCode;

/**
 * A command that did not get an accepted answer: the core's rejection code, a full input ({@code BUSY}), a
 * stopped engine ({@code SERVICE_UNAVAILABLE}), or no answer in time ({@link #timedOut()}, code null). The
 * gateways turn it into their error answer. No stack trace: it is an answer, not a bug.
 */
public final class CommandRefusedException extends RuntimeException
{
    private final ErrorCode code;

    CommandRefusedException(final ErrorCode code)
    {
        super(code == null ? "no answer in time" : code.name(), null, false, false);
        this.code = code;
    }

    /** The core's code, or null when no answer came in time. */
    public ErrorCode code()
    {
        return code;
    }

    public boolean timedOut()
    {
        return code == null;
    }
}
