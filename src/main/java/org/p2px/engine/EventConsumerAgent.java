package org.p2px.engine;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.JournalRecordHandler;

/**
 * Feeds one consumer the engine's batches in order, with no gap and no duplicate, on the consumer's own thread.
 * The fast path is the outbound broadcast buffer; the core never waits for it. A consumer that falls behind
 * is lapped by the broadcast (or sees a gap in batch sequences) and then reads the journal from where it left
 * off until it has caught up, and goes back to the broadcast, skipping what it has already seen.
 */
final class EventConsumerAgent implements BatchFeed, JournalRecordHandler
{
    private final String name;
    private final BroadcastReceiver receiver;
    private final Journal journal;
    private final EventBatchHandler handler;
    private final ExpandableArrayBuffer copy = new ExpandableArrayBuffer(64 * 1024);
    private final int pollLimit;
    private JournalReader catchUp;
    private boolean catchUpFirst;
    private long lastSequence;
    private long lastIndex;
    private long lappedCount;
    private volatile long catchUps;

    EventConsumerAgent(
        final String name,
        final BroadcastReceiver receiver,
        final Journal journal,
        final EventBatchHandler handler,
        final long afterSequence,
        final long afterIndex,
        final int pollLimit)
    {
        this.name = name;
        this.receiver = receiver;
        this.journal = journal;
        this.handler = handler;
        this.lastSequence = afterSequence;
        this.lastIndex = afterIndex;
        this.pollLimit = pollLimit;
        this.lappedCount = receiver.lappedCount();
    }

    @Override
    public String roleName()
    {
        return "p2px-consumer-" + name;
    }

    @Override
    public int doWork()
    {
        if (catchUpFirst)
        {
            catchUpFirst = false;
            startCatchUp();
        }
        if (catchUp != null)
        {
            final int read = catchUp.poll(this, pollLimit);
            if (read == 0)
            {
                catchUp.close();
                catchUp = null;
            }
            return read;
        }
        int work = 0;
        while (work < pollLimit && receiver.receiveNext())
        {
            if (receiver.lappedCount() != lappedCount)
            {
                lappedCount = receiver.lappedCount();
                startCatchUp();
                return work + 1;
            }
            final int length = receiver.length();
            copy.putBytes(0, receiver.buffer(), receiver.offset(), length);
            final int msgTypeId = receiver.typeId();
            if (!receiver.validate())
            {
                startCatchUp();
                return work + 1;
            }
            work++;
            if (msgTypeId == EventRecord.NOTICE_MSG_TYPE_ID)
            {
                handler.onNotice(copy.getLong(EventRecord.SESSION_ID_OFFSET), copy, EventRecord.EVENTS_OFFSET,
                    length - EventRecord.EVENTS_OFFSET);
                continue;
            }
            final long sequence = copy.getLong(EventRecord.BATCH_SEQUENCE_OFFSET);
            if (sequence <= lastSequence)
            {
                continue;
            }
            if (sequence != lastSequence + 1)
            {
                startCatchUp();
                return work;
            }
            deliver(sequence, copy.getLong(EventRecord.JOURNAL_INDEX_OFFSET), copy.getLong(EventRecord.SESSION_ID_OFFSET),
                copy, EventRecord.EVENTS_OFFSET, length - EventRecord.EVENTS_OFFSET);
        }
        return work;
    }

    @Override
    public void onRecord(
        final long index, final long batchSequence, final long sessionId, final DirectBuffer events, final int offset,
        final int length)
    {
        if (batchSequence > lastSequence)
        {
            deliver(batchSequence, index, sessionId, events, offset, length);
        }
    }

    private void deliver(
        final long sequence, final long index, final long sessionId, final DirectBuffer events, final int offset,
        final int length)
    {
        lastSequence = sequence;
        lastIndex = index;
        handler.onBatch(sequence, index, sessionId, events, offset, length);
    }

    /**
     * Reads the journal after the last batch delivered before anything else, then returns to the broadcast. The
     * reader is opened by the consuming thread's next work cycle: a journal reader stays on the thread that opened it.
     */
    void catchUpFromJournal()
    {
        catchUpFirst = true;
    }

    private void startCatchUp()
    {
        catchUps++;
        catchUp = journal.reader(lastIndex);
    }

    @Override
    public void onClose()
    {
        if (catchUp != null)
        {
            catchUp.close();
            catchUp = null;
        }
    }

    @Override
    public long lastSequence()
    {
        return lastSequence;
    }

    @Override
    public long catchUps()
    {
        return catchUps;
    }
}
