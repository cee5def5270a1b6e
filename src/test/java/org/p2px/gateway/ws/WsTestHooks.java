package org.p2px.gateway.ws;

/** What tests elsewhere need from the WebSocket side's package-private parts. */
public final class WsTestHooks
{
    private WsTestHooks()
    {
    }

    /** Drops every connection as a failing server would (1011), so clients must reconnect. */
    public static void dropAll(final Sessions sessions)
    {
        sessions.all().forEach(session -> sessions.close(session, CloseCodes.INTERNAL_ERROR, "test: server dropped"));
    }
}
