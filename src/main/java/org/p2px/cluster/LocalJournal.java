package org.p2px.cluster;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.JournalRecordHandler;

/**
 * This node's own journal of the batches its service applies, the same journal the embedded engine writes, so that
 * projectors, views and the journal tool work per node. A service replaying the cluster log after a restart decides
 * batches it journaled before: those are not appended again but compared with what the journal holds, and a
 * difference stops the node (its state would diverge from what it told its readers).
 */
final class LocalJournal implements JournalRecordHandler, AutoCloseable
{
    /** The node's decisions and its journal disagree. */
    static final class DivergenceException extends IllegalStateException
    {
        DivergenceException(final String message)
        {
            super(message);
        }
    }

    private final Journal journal;
    private final ExpandableArrayBuffer expected = new ExpandableArrayBuffer(64 * 1024);
    private final long lastJournaled;
    private JournalReader verifier;
    private long readSequence;
    private long readSession;
    private int readLength;

    LocalJournal(final Journal journal)
    {
        this.journal = journal;
        this.lastJournaled = lastSequence(journal);
        this.verifier = journal.reader(JournalReader.START);
    }

    private static long lastSequence(final Journal journal)
    {
        final long[] last = {0};
        try (JournalReader reader = journal.reader(JournalReader.START))
        {
            while (reader.poll((index, sequence, session, events, offset, length) -> last[0] = sequence, 4096) > 0)
            {
                // reads to the end
            }
        }
        return last[0];
    }

    long lastJournaled()
    {
        return lastJournaled;
    }

    /** Journals batch {@code sequence}, or checks it against the journal when it is already there. */
    void batch(final long sequence, final long sessionId, final DirectBuffer events, final int offset, final int length)
    {
        if (sequence > lastJournaled)
        {
            closeVerifier();
            journal.append(sequence, sessionId, events, offset, length);
            return;
        }
        do
        {
            if (verifier.poll(this, 1) == 0)
            {
                throw new DivergenceException("journal ends before batch " + sequence + " it says it holds");
            }
        }
        while (readSequence < sequence);
        if (readSequence != sequence || readSession != sessionId || readLength != length ||
            !equal(expected, events, offset, length))
        {
            throw new DivergenceException("batch " + sequence + " decided from the cluster log differs from the " +
                "node's journal: the node's state diverged, it refuses to go on");
        }
    }

    private static boolean equal(final DirectBuffer a, final DirectBuffer b, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (a.getByte(i) != b.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public void onRecord(
        final long index, final long batchSequence, final long sessionId, final DirectBuffer events, final int offset,
        final int length)
    {
        readSequence = batchSequence;
        readSession = sessionId;
        readLength = length;
        expected.putBytes(0, events, offset, length);
    }

    private void closeVerifier()
    {
        if (verifier != null)
        {
            verifier.close();
            verifier = null;
        }
    }

    @Override
    public void close()
    {
        closeVerifier();
        journal.close();
    }
}
