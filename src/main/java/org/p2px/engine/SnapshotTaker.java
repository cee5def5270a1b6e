package org.p2px.engine;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.ExpandableDirectByteBuffer;
import org.p2px.core.TradingCore;
import org.p2px.journal.Journal;
import org.p2px.journal.SnapshotStore;

/**
 * Takes snapshots for the core thread. The core thread only serializes its state into a buffer (the pause,
 * proportional to the state's size, is measured and logged); writing, forcing to disk, pruning old snapshots
 * and deleting old journal files happen on a background thread. While one is being written the next is
 * skipped, never queued.
 */
final class SnapshotTaker implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(SnapshotTaker.class.getName());

    private final SnapshotStore store;
    private final Journal journal;
    private final EngineConfig config;
    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(1024 * 1024);
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "p2px-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastPauseNanos;
    private volatile int lastSize;

    SnapshotTaker(final SnapshotStore store, final Journal journal, final EngineConfig config)
    {
        this.store = store;
        this.journal = journal;
        this.config = config;
    }

    /**
     * Serializes the core now and writes it in the background.
     *
     * @return false when the previous snapshot is still being written (nothing was taken).
     */
    boolean take(final TradingCore core, final long batchSequence, final long journalIndex, final long now)
    {
        if (!writing.compareAndSet(false, true))
        {
            return false;
        }
        final long start = System.nanoTime();
        final int length = core.writeSnapshot(buffer, 0);
        lastPauseNanos = System.nanoTime() - start;
        lastSize = length;
        writer.execute(() -> write(batchSequence, journalIndex, now, length));
        return true;
    }

    private void write(final long batchSequence, final long journalIndex, final long now, final int length)
    {
        try
        {
            store.write(batchSequence, journalIndex, now, buffer, length);
            store.prune(config.snapshotsKept());
            final int deleted = journal.deleteBefore(journalIndex, now - config.journalRetention().toMillis());
            LOG.log(System.Logger.Level.INFO, "snapshot at batch {0}: {1} bytes, core paused {2} us, {3} old journal"
                + " files deleted", batchSequence, length, lastPauseNanos / 1000, deleted);
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.log(System.Logger.Level.ERROR, "snapshot at batch " + batchSequence + " could not be written", ex);
        }
        finally
        {
            writing.set(false);
        }
    }

    long lastPauseNanos()
    {
        return lastPauseNanos;
    }

    int lastSize()
    {
        return lastSize;
    }

    boolean isWriting()
    {
        return writing.get();
    }

    @Override
    public void close()
    {
        writer.shutdown();
        try
        {
            if (!writer.awaitTermination(60, TimeUnit.SECONDS))
            {
                LOG.log(System.Logger.Level.WARNING, "snapshot writer did not finish within 60 s");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
