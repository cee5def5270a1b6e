package org.p2px.journal;

import org.agrona.DirectBuffer;

/** Receives journal records in order. The buffer is only valid during the call. */
@FunctionalInterface
public interface JournalRecordHandler
{
    /**
     * @param index         the record's position in the journal (a Chronicle Queue index).
     * @param batchSequence the engine's contiguous batch number.
     * @param sessionId     the session the command came from, 0 for the engine's own commands.
     * @param events        buffer holding the batch's events.
     * @param offset        where the events start.
     * @param length        how many bytes of events.
     */
    void onRecord(long index, long batchSequence, long sessionId, DirectBuffer events, int offset, int length);
}
