package org.p2px.cluster;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import io.aeron.Aeron;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.client.ArchiveException;
import io.aeron.cluster.RecordingLog;

/**
 * Prunes a member's archive after a snapshot: deletes the recordings of all but the newest {@code kept} snapshots
 * and, when {@code purgeLog} and once there are {@code kept}, purges the log recording's segment files that lie
 * wholly before the oldest kept snapshot's log position.
 *
 * <p>The recording log itself is only read (the consensus module alone writes it, and Aeron 1.51 offers no public
 * way to drop an entry): the entries of deleted snapshots stay in it, and the consensus module marks them invalid
 * itself when it next starts ({@code RecordingLogValidator} invalidates snapshot entries whose recording the archive
 * no longer knows).
 */
final class ArchivePruner
{
    /** What one pruning did. */
    record Result(SnapshotRetention.Plan plan, int recordingsDeleted, long logStart)
    {
    }

    private final File clusterDir;
    private final int serviceCount;
    private final int kept;
    private final boolean purgeLog;

    ArchivePruner(final File clusterDir, final int serviceCount, final int kept, final boolean purgeLog)
    {
        this.clusterDir = clusterDir;
        this.serviceCount = serviceCount;
        this.kept = kept;
        this.purgeLog = purgeLog;
    }

    Result prune(final AeronArchive archive)
    {
        final SnapshotRetention.Plan plan;
        final long logRecordingId;
        try (RecordingLog recordingLog = new RecordingLog(clusterDir, false))
        {
            plan = SnapshotRetention.plan(snapshotEntries(recordingLog), serviceCount, kept);
            logRecordingId = recordingLog.findLastTermRecordingId();
        }
        int deleted = 0;
        for (final long recordingId : plan.deleteRecordings())
        {
            deleted += delete(archive, recordingId);
        }
        long logStart = SnapshotRetention.NO_PURGE;
        if (purgeLog && plan.logKeepFrom() != SnapshotRetention.NO_PURGE && logRecordingId != Aeron.NULL_VALUE)
        {
            logStart = purgeLog(archive, logRecordingId, plan.logKeepFrom());
        }
        return new Result(plan, deleted, logStart);
    }

    private static List<SnapshotRetention.Entry> snapshotEntries(final RecordingLog recordingLog)
    {
        final List<SnapshotRetention.Entry> entries = new ArrayList<>();
        for (final RecordingLog.Entry entry : recordingLog.entries())
        {
            if (entry.isValid && entry.type == RecordingLog.ENTRY_TYPE_SNAPSHOT)
            {
                entries.add(new SnapshotRetention.Entry(entry.recordingId, entry.leadershipTermId, entry.logPosition,
                    entry.serviceId));
            }
        }
        return entries;
    }

    /** @return 1 when deleted, 0 when the archive no longer had it. */
    private static int delete(final AeronArchive archive, final long recordingId)
    {
        try
        {
            archive.purgeRecording(recordingId);
            return 1;
        }
        catch (final ArchiveException ex)
        {
            if (ex.errorCode() == ArchiveException.UNKNOWN_RECORDING)
            {
                return 0;
            }
            throw ex;
        }
    }

    /** @return where the log recording starts now. */
    private static long purgeLog(final AeronArchive archive, final long recordingId, final long keepFrom)
    {
        final int[] lengths = new int[2];
        archive.listRecording(recordingId, (controlSessionId, correlationId, id, startTimestamp, stopTimestamp,
            startPosition, stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId,
            streamId, strippedChannel, originalChannel, sourceIdentity) ->
        {
            lengths[0] = termBufferLength;
            lengths[1] = segmentFileLength;
        });
        final long start = archive.getStartPosition(recordingId);
        if (lengths[0] == 0)
        {
            return start;
        }
        final long purgeTo = SnapshotRetention.purgePosition(start, keepFrom, lengths[0], lengths[1]);
        if (purgeTo == SnapshotRetention.NO_PURGE)
        {
            return start;
        }
        archive.purgeSegments(recordingId, purgeTo);
        return purgeTo;
    }
}
