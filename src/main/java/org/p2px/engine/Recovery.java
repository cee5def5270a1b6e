package org.p2px.engine;

import java.util.Optional;

import org.agrona.DirectBuffer;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.JournalRecordHandler;
import org.p2px.journal.SnapshotStore;

/**
 * Rebuilds the core from disk: the newest valid snapshot (which must reproduce its recorded digest), then every
 * journal record after the index it covers, in order, checking that batch sequences follow one another. Long
 * replays report progress once a second: records and events replayed, rate, and time left. The operator's tool
 * runs it too, on a data directory or a backup of one, to print the state a server would start with.
 */
public final class Recovery implements JournalRecordHandler
{
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    /**
     * What recovery produced: the core and where the journal stands; {@code snapshotTakenAt} is when the snapshot it
     * started from was taken (epoch milliseconds by the engine's clock), 0 without one.
     */
    public record Result(TradingCore core, long batchSequence, long journalIndex, long replayedBatches, long replayedEvents,
        long nanos, boolean fromSnapshot, long snapshotTakenAt)
    {
    }

    private TradingCore core;
    private long batchSequence;
    private long journalIndex;
    private long replayedBatches;
    private long replayedEvents;

    private Recovery()
    {
    }

    public static Result run(final CoreConfig config, final Journal journal, final SnapshotStore snapshots)
    {
        return new Recovery().recover(config, journal, snapshots);
    }

    private Result recover(final CoreConfig config, final Journal journal, final SnapshotStore snapshots)
    {
        final long start = System.nanoTime();
        final Optional<SnapshotStore.Snapshot> snapshot =
            snapshots.newestValid(warning -> LOG.log(System.Logger.Level.WARNING, warning));
        if (snapshot.isPresent())
        {
            final SnapshotStore.Snapshot loaded = snapshot.get();
            core = TradingCore.fromSnapshot(config, loaded.payload(), 0, loaded.payloadLength());
            batchSequence = loaded.batchSequence();
            journalIndex = loaded.journalIndex();
            LOG.log(System.Logger.Level.INFO, "loaded snapshot {0} covering batch {1}",
                loaded.file().getFileName(), batchSequence);
        }
        else
        {
            core = new TradingCore(config);
            batchSequence = 0;
            journalIndex = JournalReader.START;
        }

        final long total = journal.countAfter(journalIndex);
        long lastReport = System.nanoTime();
        try (JournalReader reader = journal.reader(journalIndex))
        {
            while (reader.poll(this, 4096) > 0)
            {
                final long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS)
                {
                    lastReport = now;
                    reportProgress(total, now - start);
                }
            }
        }
        final long nanos = System.nanoTime() - start;
        LOG.log(System.Logger.Level.INFO, "recovered to batch {0}: replayed {1} batches, {2} events in {3} ms",
            batchSequence, replayedBatches, replayedEvents, nanos / 1_000_000);
        return new Result(core, batchSequence, journalIndex, replayedBatches, replayedEvents, nanos,
            snapshot.isPresent(), snapshot.map(SnapshotStore.Snapshot::takenAt).orElse(0L));
    }

    @Override
    public void onRecord(
        final long index, final long recordSequence, final long sessionId, final DirectBuffer events, final int offset,
        final int length)
    {
        requireNext(index, recordSequence, batchSequence);
        replayedEvents += core.apply(events, offset, length);
        replayedBatches++;
        batchSequence = recordSequence;
        journalIndex = index;
    }

    /** Batches follow one another without a gap; anything else means the journal is not what was written. */
    static void requireNext(final long index, final long recordSequence, final long previousSequence)
    {
        if (recordSequence != previousSequence + 1)
        {
            throw new IllegalStateException(
                "journal gap: batch " + recordSequence + " at index " + index + " follows batch " + previousSequence);
        }
    }

    private void reportProgress(final long total, final long elapsedNanos)
    {
        final double rate = replayedBatches * 1e9 / Math.max(1, elapsedNanos);
        final String left = total > 0 ? String.format("%.1f s left", (total - replayedBatches) / Math.max(1, rate)) : "";
        LOG.log(System.Logger.Level.INFO, String.format("replaying: %,d of %s batches, %,d events, %,.0f batches/s %s",
            replayedBatches, total >= 0 ? String.format("%,d", total) : "?", replayedEvents, rate, left));
    }
}
