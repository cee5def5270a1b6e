package org.p2px.cluster;

import org.agrona.DirectBuffer;
import org.p2px.engine.EventBatchHandler;

/**
 * Keeps one gateway's sessions apart from every other gateway's in the cluster's journal. A gateway's consumers
 * number their sessions as in one process (the live view's is 1) and match answers by session and correlation id, so
 * two gateways' commands would carry the same session and one live view could take the other gateway's answer for
 * its own caller's. On the way in, a session gets the gateway's id in its upper 32 bits; on the way out of the
 * journal, this gateway's own sessions get their number back, other gateways' become {@link #OTHER_GATEWAY}, and the
 * cluster's own (its ticks, untagged) stay as they are.
 */
final class GatewaySessions
{
    /** The session every other gateway's batch shows to this gateway's consumers: no consumer of its own uses it. */
    static final long OTHER_GATEWAY = -1;
    private static final long SESSION_MASK = 0xFFFF_FFFFL;

    private final long gatewayId;

    GatewaySessions(final long gatewayId)
    {
        if (gatewayId <= 0 || gatewayId > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("a gateway id is between 1 and " + Integer.MAX_VALUE + ", not " + gatewayId);
        }
        this.gatewayId = gatewayId;
    }

    /** The session as the cluster journals it. */
    long outbound(final long sessionId)
    {
        if ((sessionId & ~SESSION_MASK) != 0)
        {
            throw new IllegalArgumentException("a gateway's session is between 0 and 2^32 - 1, not " + sessionId);
        }
        return gatewayId << 32 | sessionId;
    }

    /** The session as this gateway's consumers know it. */
    long inbound(final long journaled)
    {
        final long owner = journaled >>> 32;
        if (owner == 0)
        {
            return journaled;
        }
        return owner == gatewayId ? journaled & SESSION_MASK : OTHER_GATEWAY;
    }

    /** {@code handler}, hearing every session as this gateway's consumers know it. */
    EventBatchHandler inbound(final EventBatchHandler handler)
    {
        return new EventBatchHandler()
        {
            @Override
            public void onBatch(final long batchSequence, final long journalIndex, final long sessionId,
                final DirectBuffer events, final int offset, final int length)
            {
                handler.onBatch(batchSequence, journalIndex, inbound(sessionId), events, offset, length);
            }

            @Override
            public void onNotice(final long sessionId, final DirectBuffer events, final int offset, final int length)
            {
                handler.onNotice(inbound(sessionId), events, offset, length);
            }
        };
    }
}
