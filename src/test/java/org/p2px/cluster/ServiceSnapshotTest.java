package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;

class ServiceSnapshotTest
{
    @Test
    void theFirstChunkTellsTheBatchItCoversAndNothingElseDoes()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final int length = ServiceSnapshot.encode(buffer, new TradingCore(CoreConfig.genesis()), 123_456, 99,
            new GatewaySequences());
        final int firstChunk = Math.min(length, 1376);
        assertEquals(123_456, ServiceSnapshot.batchSequenceIn(buffer, 0, firstChunk));
        assertEquals(-1, ServiceSnapshot.batchSequenceIn(buffer, 0, 20), "cut short");
        assertEquals(-1, ServiceSnapshot.batchSequenceIn(buffer, 8, firstChunk - 8), "not a chunk's start");
        buffer.putInt(12, 2);
        assertEquals(-1, ServiceSnapshot.batchSequenceIn(buffer, 0, firstChunk), "another version");
    }
}
