package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class InFlightCommandsTest
{
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[64]);

    @Test
    void afterARewindEveryUnacknowledgedCommandIsSentAgainOldestFirst()
    {
        final InFlightCommands inFlight = new InFlightCommands(8, 128);
        for (long sequence = 1; sequence <= 5; sequence++)
        {
            command.putLong(0, 100 + sequence); // session id
            inFlight.add(42, sequence, command, 0, 40);
        }
        for (int i = 0; i < 5; i++)
        {
            inFlight.sent();
        }
        assertFalse(inFlight.hasUnsent());
        assertEquals(2, inFlight.acknowledge(2));
        inFlight.rewind();
        for (long expected = 3; expected <= 5; expected++)
        {
            assertTrue(inFlight.hasUnsent());
            assertEquals(42, inFlight.nextBuffer().getLong(IngressEnvelope.GATEWAY_ID_OFFSET));
            assertEquals(expected, inFlight.nextBuffer().getLong(IngressEnvelope.GATEWAY_SEQUENCE_OFFSET));
            assertEquals(100 + expected, inFlight.nextBuffer().getLong(IngressEnvelope.SESSION_ID_OFFSET));
            assertEquals(IngressEnvelope.SESSION_ID_OFFSET + 40, inFlight.nextLength());
            inFlight.sent();
        }
        assertFalse(inFlight.hasUnsent());
        assertEquals(5, inFlight.free());
    }

    @Test
    void anAcknowledgementAheadOfTheCursorMovesIt()
    {
        final InFlightCommands inFlight = new InFlightCommands(4, 128);
        inFlight.add(1, 1, command, 0, 40);
        inFlight.add(1, 2, command, 0, 40);
        assertEquals(2, inFlight.acknowledge(2)); // committed by a resend of another session before this one sent them
        assertFalse(inFlight.hasUnsent());
        assertTrue(inFlight.isEmpty());
    }
}
