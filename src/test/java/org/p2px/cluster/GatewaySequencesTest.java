package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

class GatewaySequencesTest
{
    @Test
    void aSequenceAtOrBelowTheGatewaysHighestIsNotAdmittedAgain()
    {
        final GatewaySequences sequences = new GatewaySequences();
        assertTrue(sequences.admit(7, 1));
        assertTrue(sequences.admit(7, 2));
        assertFalse(sequences.admit(7, 2), "a resend");
        assertFalse(sequences.admit(7, 1), "an older resend");
        assertTrue(sequences.admit(8, 1), "another gateway counts on its own");
        assertFalse(sequences.admit(9, 0), "a hello (sequence 0) is never a command");
        assertEquals(2, sequences.highest(7));
    }

    @Test
    void theSnapshotRestoresTheSameDecisionsAndEqualMapsWriteEqualBytes()
    {
        final GatewaySequences first = new GatewaySequences();
        first.admit(3, 10);
        first.admit(1, 5);
        final GatewaySequences second = new GatewaySequences();
        second.admit(1, 5);
        second.admit(3, 10);
        final ExpandableArrayBuffer a = new ExpandableArrayBuffer();
        final ExpandableArrayBuffer b = new ExpandableArrayBuffer();
        final int length = first.write(a, 4);
        assertEquals(length, second.write(b, 4));
        for (int i = 4; i < 4 + length; i++)
        {
            assertEquals(a.getByte(i), b.getByte(i));
        }

        final GatewaySequences restored = new GatewaySequences();
        assertEquals(length, restored.read(a, 4));
        assertFalse(restored.admit(3, 10));
        assertTrue(restored.admit(3, 11));
        assertFalse(restored.admit(1, 5));
        assertEquals(2, restored.size());
    }
}
