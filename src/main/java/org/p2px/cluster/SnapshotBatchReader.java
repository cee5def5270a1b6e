package org.p2px.cluster;

import java.util.concurrent.TimeUnit;

import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.collections.Long2LongHashMap;

/**
 * Learns which batch a snapshot covers by replaying the start of the service's snapshot recording from the archive:
 * the cluster's recording log knows snapshots by log position only, the member's journal by batch. Answers are
 * remembered per recording (a recording never changes).
 */
final class SnapshotBatchReader
{
    static final long UNKNOWN = -1;
    /** The service's part comes after the container's few messages (one per client session): this is plenty. */
    private static final long READ_LENGTH = 1024 * 1024;
    private static final int REPLAY_STREAM_ID = 1_400_014;
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final Long2LongHashMap batches = new Long2LongHashMap(UNKNOWN);
    private long found;

    long batchOf(final AeronArchive archive, final long recordingId) throws InterruptedException
    {
        final long known = batches.get(recordingId);
        if (known != UNKNOWN)
        {
            return known;
        }
        final long start = archive.getStartPosition(recordingId);
        final long length = Math.min(READ_LENGTH, archive.getStopPosition(recordingId) - start);
        found = UNKNOWN;
        final FragmentHandler handler = (buffer, offset, fragmentLength, header) ->
        {
            if (found == UNKNOWN)
            {
                found = ServiceSnapshot.batchSequenceIn(buffer, offset, fragmentLength);
            }
        };
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        try (Subscription replay = archive.replay(recordingId, start, length, "aeron:ipc", REPLAY_STREAM_ID))
        {
            while (found == UNKNOWN && System.nanoTime() < deadline &&
                !(replay.imageCount() > 0 && replay.imageAtIndex(0).isEndOfStream()))
            {
                if (replay.poll(handler, 16) == 0)
                {
                    Thread.sleep(1);
                }
            }
        }
        if (found != UNKNOWN)
        {
            batches.put(recordingId, found);
        }
        return found;
    }

    void forget(final long recordingId)
    {
        batches.remove(recordingId);
    }
}
