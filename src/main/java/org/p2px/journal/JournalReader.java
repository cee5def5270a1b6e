package org.p2px.journal;

/** Reads journal records in order from a position; each reader belongs to one thread. */
public interface JournalReader extends AutoCloseable
{
    /** The position before the first record. */
    long START = -1;

    /**
     * Hands up to {@code limit} records to the handler.
     *
     * @return how many records were read; 0 at the end of the journal for now.
     */
    int poll(JournalRecordHandler handler, int limit);

    /** The index of the last record read, or the starting position if none yet. */
    long lastIndex();

    @Override
    void close();
}
