package org.p2px.engine;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.JournalRecordHandler;
import org.p2px.journal.SnapshotStore;

/**
 * Takes the engine's snapshots from a replica of the core, on a thread of its own, so that the core thread never
 * pauses for them. The replica starts as recovery does (newest valid snapshot, then the journal), then follows
 * the journal, applying each batch exactly as replay does; when a snapshot is due it serializes itself, writes
 * the file, prunes old snapshots and deletes journal files nothing needs any more.
 *
 * <p>What it costs instead of the pause: a second copy of the core's state in memory, and the CPU to apply every
 * event a second time (replay runs at about ten million events a second, so a few per cent of a core at full
 * load).
 *
 * <p>A snapshot is due after {@code snapshotEveryBatches} batches, or {@code snapshotInterval} with anything new,
 * or when {@link #requestAtOrAfter} asked for one that covers a given batch.
 */
final class SnapshotReplica implements Agent, JournalRecordHandler
{
    private static final System.Logger LOG = System.getLogger(SnapshotReplica.class.getName());
    private static final int RECORDS_PER_DUTY_CYCLE = 4096;
    private static final long NONE = -1;

    private final EngineConfig config;
    private final Journal journal;
    private final SnapshotStore store;
    private final EpochClock clock;
    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(1024 * 1024);

    private TradingCore core;
    private JournalReader reader;
    private long batchSequence;
    private long journalIndex;
    private long batchesSinceSnapshot;
    private long lastSnapshotAt;
    private final AtomicLong requestedSequence = new AtomicLong(NONE);
    private volatile long snapshotSequence = NONE;
    private volatile long newestTakenAt;
    private volatile long lastSnapshotNanos;
    private volatile int lastSnapshotSize;
    private volatile Throwable failure;

    SnapshotReplica(final EngineConfig config, final Journal journal, final SnapshotStore store, final EpochClock clock)
    {
        this.config = config;
        this.journal = journal;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String roleName()
    {
        return "p2px-snapshots";
    }

    @Override
    public void onStart()
    {
        try
        {
            start();
        }
        catch (final RuntimeException ex)
        {
            failure = ex;
            LOG.log(System.Logger.Level.ERROR, "the snapshot replica could not start: no snapshots are taken", ex);
        }
    }

    private void start()
    {
        BackgroundPriority.lowerCurrentThread(config.snapshotNice());
        final Recovery.Result recovered = Recovery.run(CoreConfig.genesis(), journal, store);
        core = recovered.core();
        batchSequence = recovered.batchSequence();
        journalIndex = recovered.journalIndex();
        reader = journal.reader(journalIndex);
        lastSnapshotAt = clock.time();
        newestTakenAt = recovered.fromSnapshot() ? recovered.snapshotTakenAt() : lastSnapshotAt;
        // What recovery replayed is not in any snapshot yet.
        batchesSinceSnapshot = recovered.replayedBatches();
        snapshotSequence = batchSequence - batchesSinceSnapshot;
        LOG.log(System.Logger.Level.INFO, "snapshot replica following the journal from batch {0}", batchSequence);
    }

    @Override
    public int doWork()
    {
        if (failure != null)
        {
            return 0;
        }
        try
        {
            int work = reader.poll(this, RECORDS_PER_DUTY_CYCLE);
            if (isSnapshotDue())
            {
                snapshot();
                work++;
            }
            return work;
        }
        catch (final IOException | RuntimeException ex)
        {
            failure = ex;
            LOG.log(System.Logger.Level.ERROR, "the snapshot replica stopped at batch " + batchSequence
                + ": no more snapshots are taken until a restart (the journal still holds everything)", ex);
            return 0;
        }
    }

    @Override
    public void onRecord(
        final long index, final long recordSequence, final long sessionId, final DirectBuffer events, final int offset,
        final int length)
    {
        Recovery.requireNext(index, recordSequence, batchSequence);
        core.apply(events, offset, length);
        batchSequence = recordSequence;
        journalIndex = index;
        batchesSinceSnapshot++;
    }

    private boolean isSnapshotDue()
    {
        if (batchesSinceSnapshot == 0)
        {
            return false;
        }
        final long requested = requestedSequence.get();
        if (requested != NONE && batchSequence >= requested)
        {
            return true;
        }
        final long every = config.snapshotEveryBatches();
        final long intervalMs = config.snapshotInterval().toMillis();
        return (every > 0 && batchesSinceSnapshot >= every)
            || (intervalMs > 0 && clock.time() - lastSnapshotAt >= intervalMs);
    }

    private void snapshot() throws IOException
    {
        final long now = clock.time();
        final long start = System.nanoTime();
        final int length = core.writeSnapshot(buffer, 0);
        store.write(batchSequence, journalIndex, now, buffer, length);
        store.prune(config.snapshotsKept());
        final int deleted = journal.deleteBefore(journalIndex, now - config.journalRetention().toMillis());
        lastSnapshotNanos = System.nanoTime() - start;
        lastSnapshotSize = length;
        batchesSinceSnapshot = 0;
        lastSnapshotAt = now;
        newestTakenAt = now;
        snapshotSequence = batchSequence;
        final long requested = requestedSequence.get();
        if (requested != NONE && requested <= batchSequence)
        {
            requestedSequence.compareAndSet(requested, NONE); // answered (unless a newer request came in meanwhile)
        }
        LOG.log(System.Logger.Level.INFO, "snapshot at batch {0}: {1} bytes in {2} ms (the core did not pause), {3} old"
            + " journal files deleted", batchSequence, length, lastSnapshotNanos / 1_000_000, deleted);
    }

    /** Asks for a snapshot that covers at least batch {@code sequence}, as soon as the replica has applied it. */
    void requestAtOrAfter(final long sequence)
    {
        if (snapshotSequence < sequence)
        {
            requestedSequence.accumulateAndGet(sequence, Math::max);
        }
    }

    /** The batch the newest snapshot covers (0 when there is none); -1 before the replica has started. */
    long snapshotSequence()
    {
        return snapshotSequence;
    }

    /** Why the replica stopped, or null while it runs. */
    Throwable failure()
    {
        return failure;
    }

    /** What the metrics show of the snapshots (read from any thread). */
    SnapshotStatus status()
    {
        return new SnapshotStatus(snapshotSequence, newestTakenAt, lastSnapshotNanos, lastSnapshotSize, failure != null);
    }

    @Override
    public void onClose()
    {
        if (reader != null)
        {
            reader.close();
        }
    }
}
