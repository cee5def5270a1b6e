package org.p2px.replica;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.journal.JournalReader;
import org.p2px.journal.SnapshotStore;

/**
 * Where the projector's replica core starts: a fresh core before the first batch, or the engine's newest
 * snapshot at or before the read models' position (the journal batches between the two are then replayed
 * without writing). Snapshot files are read, never written: they belong to the engine.
 *
 * @param replica        the core to apply batches to.
 * @param batchSequence  the last batch the replica holds; the subscription starts after it.
 * @param journalIndex   that batch's journal index ({@link JournalReader#START} for none), so that the subscription
 *                       need not look for it.
 * @param fromSnapshot   true when loaded from a snapshot.
 */
public record ReplicaStart(TradingCore replica, long batchSequence, long journalIndex, boolean fromSnapshot)
{
    /** The newest snapshot at or before {@code position}, or an empty core when there is none. */
    public static ReplicaStart at(final CoreConfig config, final Path snapshotDirectory, final long position)
    {
        if (position > 0)
        {
            final SnapshotStore store = new SnapshotStore(snapshotDirectory);
            for (final Path file : store.filesNewestFirst())
            {
                final Optional<SnapshotStore.Snapshot> snapshot = read(store, file);
                if (snapshot.isPresent() && snapshot.get().batchSequence() <= position)
                {
                    return load(config, snapshot.get());
                }
            }
        }
        return new ReplicaStart(new TradingCore(config), 0, JournalReader.START, false);
    }

    /** The newest valid snapshot, if any: the fallback when the journal no longer reaches back far enough. */
    public static Optional<ReplicaStart> newest(final CoreConfig config, final Path snapshotDirectory)
    {
        final SnapshotStore store = new SnapshotStore(snapshotDirectory);
        for (final Path file : store.filesNewestFirst())
        {
            final Optional<SnapshotStore.Snapshot> snapshot = read(store, file);
            if (snapshot.isPresent())
            {
                return Optional.of(load(config, snapshot.get()));
            }
        }
        return Optional.empty();
    }

    private static ReplicaStart load(final CoreConfig config, final SnapshotStore.Snapshot snapshot)
    {
        return new ReplicaStart(TradingCore.fromSnapshot(config, snapshot.payload(), 0, snapshot.payloadLength()),
            snapshot.batchSequence(), snapshot.journalIndex(), true);
    }

    /** A snapshot file; empty when it is broken or the engine pruned it while we looked. */
    private static Optional<SnapshotStore.Snapshot> read(final SnapshotStore store, final Path file)
    {
        try
        {
            return Optional.of(store.read(file));
        }
        catch (final IOException | IllegalStateException ex)
        {
            return Optional.empty();
        }
    }
}
