package org.p2px.gateway.ws;

import org.p2px.gateway.Failures;

/** A failed operation's error reply: the failure as {@link Failures} classifies it for REST too, encoded for the socket. */
final class WsErrors
{
    private WsErrors()
    {
    }

    static WsError of(final Throwable failure, final String op)
    {
        final Failures.Failure classified = Failures.classify(failure, "WebSocket operation " + op);
        return new WsError(classified.code(), classified.message());
    }
}
