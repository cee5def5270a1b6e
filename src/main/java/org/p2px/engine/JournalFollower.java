package org.p2px.engine;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.JournalRecordHandler;

/**
 * A consumer fed by reading a journal as it grows, with no engine in the process: how a gateway beside a cluster node
 * follows the batches that node applies and journals (another process writes the journal; Chronicle Queue lets
 * readers in other processes follow it). The same guarantees as {@link Engine#poller}: every batch after the start,
 * once, in order.
 */
public final class JournalFollower implements BatchFeed
{
    private final String name;
    private final Journal journal;
    private final EventBatchHandler handler;
    private final JournalRecordHandler deliver;
    private final int pollLimit;
    private JournalReader reader;
    private long startIndex;
    private long lastSequence;
    private boolean caughtUp;

    private JournalFollower(
        final String name, final Journal journal, final EventBatchHandler handler, final long afterSequence,
        final long afterIndex, final int pollLimit)
    {
        this.name = name;
        this.journal = journal;
        this.handler = handler;
        this.pollLimit = pollLimit;
        this.lastSequence = afterSequence;
        this.startIndex = afterSequence == EngineClient.CURRENT ? journal.lastIndex() : afterIndex;
        this.deliver = (index, sequence, session, events, offset, length) ->
        {
            if (sequence > lastSequence)
            {
                lastSequence = sequence;
                handler.onBatch(sequence, index, session, events, offset, length);
            }
        };
    }

    /** A poller of {@code journal} for the caller's thread; see {@link EngineClient#poller}. */
    public static EventPoller poller(
        final String name, final Journal journal, final EventBatchHandler handler, final long afterSequence,
        final long afterIndex)
    {
        return new EventPoller(new JournalFollower(name, journal, handler, afterSequence, afterIndex, 256));
    }

    /** The same on a thread of its own, with {@code idle} between empty polls. */
    public static Engine.Subscription subscribe(
        final String name, final Journal journal, final EventBatchHandler handler, final long afterSequence,
        final long afterIndex, final IdleStrategy idle)
    {
        final JournalFollower follower = new JournalFollower(name, journal, handler, afterSequence, afterIndex, 256);
        final AgentRunner runner = new AgentRunner(idle,
            error -> System.getLogger(JournalFollower.class.getName()).log(System.Logger.Level.ERROR, name, error),
            null, follower);
        AgentRunner.startOnThread(runner);
        return new Engine.Subscription(follower, runner::close);
    }

    @Override
    public String roleName()
    {
        return "p2px-follower-" + name;
    }

    @Override
    public int doWork()
    {
        if (reader == null)
        {
            // opened on the polling thread: a journal reader stays on the thread that opened it
            reader = journal.reader(startIndex);
        }
        final int read = reader.poll(deliver, pollLimit);
        if (read == 0 && !caughtUp)
        {
            // The end of the catch-up: a caller that caught up on its own thread (the live view at start) hands the
            // poller to a thread of its own next, so the reader is opened again by whichever thread polls next.
            caughtUp = true;
            onClose();
        }
        return read;
    }

    @Override
    public void onClose()
    {
        if (reader != null)
        {
            startIndex = reader.lastIndex();
            reader.close();
            reader = null;
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
        return 0;
    }
}
