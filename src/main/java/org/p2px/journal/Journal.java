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

    /**
     * Work the appending thread can do while it has nothing else to do, a few microseconds at a time, so that
     * later appends are faster (such as faulting in the pages they will write).
     *
     * @return how much was done; 0 when there is nothing to do.
     */
    default int prepareAhead()
    {
        return 0;
    }

    /** Opens a reader positioned after {@code afterIndex} ({@link JournalReader#START} for the beginning). */
    JournalReader reader(long afterIndex);

    /** Index of the last record, or {@link JournalReader#START} when the journal is empty. */
    long lastIndex();

    /** How many records follow {@code afterIndex}, or -1 when the journal cannot tell cheaply. */
    default long countAfter(final long afterIndex)
    {
        return -1;
    }

    /**
     * Deletes stored records that come before {@code keepFromIndex} and were written before {@code olderThanMs},
     * where the journal can (whole rolled files only).
     *
     * @return how many files were deleted.
     */
    default int deleteBefore(final long keepFromIndex, final long olderThanMs)
    {
        return 0;
    }

    @Override
    void close();
}
