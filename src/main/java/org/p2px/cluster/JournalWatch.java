package org.p2px.cluster;

import java.util.List;

import org.agrona.concurrent.Agent;
import org.p2px.engine.WakeableIdleStrategy;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.JournalRecordHandler;

/**
 * Follows the co-located node's journal on the client's thread to know its last batch, and rings the consumers that
 * asked to be woken ({@link org.p2px.engine.EngineClient#wakeOnPublication}) when batches arrive.
 */
final class JournalWatch implements Agent
{
    private final Journal journal;
    private final List<WakeableIdleStrategy> waiters;
    private final JournalRecordHandler note = (index, sequence, session, events, offset, length) -> last(sequence);
    private JournalReader reader;
    private volatile long lastSequence;
    private volatile boolean caughtUp;

    JournalWatch(final Journal journal, final List<WakeableIdleStrategy> waiters)
    {
        this.journal = journal;
        this.waiters = waiters;
    }

    private void last(final long sequence)
    {
        lastSequence = sequence;
    }

    @Override
    public int doWork()
    {
        if (reader == null)
        {
            reader = journal.reader(JournalReader.START);
        }
        final int read = reader.poll(note, 256);
        if (read == 0)
        {
            caughtUp = true;
        }
        else
        {
            for (final WakeableIdleStrategy waiter : waiters)
            {
                waiter.wake();
            }
        }
        return read;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    /** Whether it has read to the end of the journal once: {@link #lastSequence} is the journal's last batch then. */
    boolean caughtUp()
    {
        return caughtUp;
    }

    @Override
    public void onClose()
    {
        if (reader != null)
        {
            reader.close();
        }
    }

    @Override
    public String roleName()
    {
        return "p2px-journal-watch";
    }
}
