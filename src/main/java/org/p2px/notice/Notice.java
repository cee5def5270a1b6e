package org.p2px.notice;

/**
 * What one gateway tells the others sharing its PostgreSQL database about a change that only the database carries
 * (the live view of each gateway already follows orders, balances and books). Ids only: whoever hears a notice
 * reads what it needs from the database. {@code origin} is the telling gateway's id, so that a gateway skips its
 * own notices (it has pushed to its own clients already).
 */
public sealed interface Notice
{
    long origin();

    /** A chat line was stored: a user's line through a gateway, or the system's lines by the projecting gateway. */
    record ChatLine(long origin, long messageId, long orderId) implements Notice
    {
    }

    /** An API key was revoked: the WebSocket connections still signed in with it are closed. */
    record KeyRevoked(long origin, long userId, String keyId) implements Notice
    {
    }
}
