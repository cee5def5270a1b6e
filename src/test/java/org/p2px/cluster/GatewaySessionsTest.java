package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.p2px.engine.CommandEnvelope;
import org.p2px.engine.EventBatchHandler;

/** Two gateways' sessions through the cluster's journal: each sees its own by their numbers, never the other's. */
class GatewaySessionsTest
{
    private static final long LIVE_VIEW_SESSION = 1;

    private final GatewaySessions first = new GatewaySessions(7);
    private final GatewaySessions second = new GatewaySessions(8);

    @Test
    void aGatewayGetsItsOwnSessionsBackAndNeverAnotherGatewaysUnderTheSameNumber()
    {
        final long journaledByFirst = first.outbound(LIVE_VIEW_SESSION);
        final long journaledBySecond = second.outbound(LIVE_VIEW_SESSION);
        assertEquals(LIVE_VIEW_SESSION, first.inbound(journaledByFirst));
        assertEquals(LIVE_VIEW_SESSION, second.inbound(journaledBySecond));
        assertEquals(GatewaySessions.OTHER_GATEWAY, first.inbound(journaledBySecond));
        assertEquals(GatewaySessions.OTHER_GATEWAY, second.inbound(journaledByFirst));
    }

    @Test
    void theClustersOwnBatchesKeepTheirSession()
    {
        assertEquals(CommandEnvelope.ENGINE_SESSION, first.inbound(CommandEnvelope.ENGINE_SESSION));
    }

    @Test
    void aWrappedHandlerHearsBatchesAndNoticesUnderTheGatewaysNumbers()
    {
        final List<Long> heard = new ArrayList<>();
        final EventBatchHandler handler = new EventBatchHandler()
        {
            @Override
            public void onBatch(final long batchSequence, final long journalIndex, final long sessionId,
                final DirectBuffer events, final int offset, final int length)
            {
                heard.add(sessionId);
            }

            @Override
            public void onNotice(final long sessionId, final DirectBuffer events, final int offset,
                final int length)
            {
                heard.add(sessionId);
            }
        };
        final EventBatchHandler wrapped = first.inbound(handler);
        final UnsafeBuffer events = new UnsafeBuffer(new byte[8]);
        wrapped.onBatch(1, 0, first.outbound(LIVE_VIEW_SESSION), events, 0, 8);
        wrapped.onBatch(2, 1, second.outbound(LIVE_VIEW_SESSION), events, 0, 8);
        wrapped.onNotice(first.outbound(5), events, 0, 8);
        assertEquals(List.of(LIVE_VIEW_SESSION, GatewaySessions.OTHER_GATEWAY, 5L), heard);
    }

    @Test
    void anIdOrSessionOutOfRangeIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new GatewaySessions(0));
        assertThrows(IllegalArgumentException.class, () -> new GatewaySessions(1L << 31));
        assertThrows(IllegalArgumentException.class, () -> first.outbound(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> first.outbound(-1));
    }
}
