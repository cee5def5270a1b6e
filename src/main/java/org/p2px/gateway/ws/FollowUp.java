package org.p2px.gateway.ws;

/**
 * A result whose reply must leave together with more frames, in order, with no push between (a subscription: the
 * reply, then the snapshot, then what arrived meanwhile).
 */
interface FollowUp
{
    /** What the reply's {@code result} holds. */
    Object result();

    /** Sends the reply and what follows it. */
    void send(String reply);

    /** The reply could not be made: undo. */
    void abort();
}
