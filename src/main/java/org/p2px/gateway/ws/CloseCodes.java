package org.p2px.gateway.ws;

/** The close codes this gateway sends, besides those of the WebSocket layer itself (docs/protocol.md). */
public final class CloseCodes
{
    /** The client kept sending over the rate limit after being refused. */
    public static final int POLICY_VIOLATION = 1008;
    /** A frame or message larger than the configured maximum. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** A failure of ours. */
    public static final int INTERNAL_ERROR = 1011;
    /** The client did not read its frames and its outbound queue reached its bound: reconnect and re-subscribe. */
    public static final int TRY_AGAIN_LATER = 1013;
    /** Nothing arrived, not even a pong to the server's pings, for the idle timeout. */
    public static final int IDLE = 4000;
    /** The access token the connection signed in with has expired; reconnect with a fresh one. */
    public static final int SIGN_IN_EXPIRED = 4001;
    /** The API key the connection signed in with has been revoked. */
    public static final int SIGN_IN_REVOKED = 4003;

    private CloseCodes()
    {
    }
}
