package org.p2px.journal;

import org.agrona.DirectBuffer;

/**
 * The append side of the event journal. One writer (the core thread) appends each command's batch of events as
 * one record, all or nothing. Implementations throw {@link JournalWriteException} when an append may not have
 * been stored, and nothing after that is appended.
 */
public interface Journal extends AutoCloseable
{
    /**
     * Appends one batch.
     *
     * @return the record's index in the journal.
     * @throws JournalWriteException when the record may not have been stored.
     */
    long append(long batchSequence, long sessionId, DirectBuffer events, int offset, int length);

    /** Opens a reader positioned after {@code afterIndex} ({@link JournalReader#START} for the beginning). */
    JournalReader reader(long afterIndex);

    /** Index of the last record, or {@link JournalReader#START} when the journal is empty. */
    long lastIndex();

    @Override
    void close();
}
