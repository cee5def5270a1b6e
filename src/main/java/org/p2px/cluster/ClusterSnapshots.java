package org.p2px.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.aeron.Counter;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.RecordingLog;
import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;

/**
 * A member's snapshot schedule and the pruning after each snapshot, on a thread of its own
 * ({@code p2px-cluster-snapshots}), so that the service stays a deterministic state machine that only answers the
 * log.
 *
 * <p><b>Asking.</b> A snapshot is asked for as {@code ClusterTool snapshot} does, through the consensus module's
 * control toggle, every {@link ClusterRetention#snapshotInterval()} after the last one this member saw. In Aeron
 * 1.51 only the leader acts on its toggle ({@code ConsensusModuleAgent.checkClusterControlToggle} runs in the
 * leader's slow tick alone, while it is active): it appends a snapshot action to the log, so every member takes its
 * snapshot at the same log position, and resets its toggle when done. A follower's toggle would stay set until it
 * led, so only the member that is leader at the time asks; any member may become leader, so all keep the schedule.
 *
 * <p><b>Pruning.</b> Whenever the consensus module's snapshot counter moves (and once at start), the archive keeps
 * the newest {@link ClusterRetention#snapshotsKept()} snapshots and, once that many exist, the log from the segment
 * of the oldest ({@link ArchivePruner}), and the journal, when it has a retention, its files from the batch that
 * snapshot covers ({@link JournalPruner}).
 */
final class ClusterSnapshots implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(ClusterSnapshots.class.getName());
    private static final long POLL_MS = 200;
    private static final int SERVICE_COUNT = 1;

    private final int member;
    private final long intervalMs;
    private final File clusterDir;
    private final Counter controlToggle;
    private final Counter role;
    private final Counter snapshotCount;
    private final AeronArchive.Context archiveContext;
    private final ArchivePruner archivePruner;
    private final Optional<JournalPruner> journalPruner;
    private final SnapshotBatchReader batches = new SnapshotBatchReader();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "p2px-cluster-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private AeronArchive archive;
    private long seenSnapshots = -1;
    private long lastSnapshotAtMs = System.currentTimeMillis();

    ClusterSnapshots(
        final int member, final ClusterRetention retention, final ConsensusModule.Context consensus,
        final AeronArchive.Context archiveContext, final Path journal)
    {
        this.member = member;
        this.intervalMs = retention.snapshotInterval().toMillis();
        this.clusterDir = consensus.clusterDir();
        this.controlToggle = consensus.controlToggleCounter();
        this.role = consensus.clusterNodeRoleCounter();
        this.snapshotCount = consensus.snapshotCounter();
        this.archiveContext = archiveContext;
        this.archivePruner = new ArchivePruner(clusterDir, SERVICE_COUNT, retention.snapshotsKept(), retention.purgeLog());
        this.journalPruner = retention.journalRetention().map(kept -> new JournalPruner(journal, kept));
    }

    void start()
    {
        thread.scheduleWithFixedDelay(this::poll, 0, POLL_MS, TimeUnit.MILLISECONDS);
    }

    private void poll()
    {
        if (snapshotCount.isClosed() || role.isClosed() || controlToggle.isClosed())
        {
            return; // the consensus module has stopped, and its counters' memory goes with it
        }
        try
        {
            final long now = System.currentTimeMillis();
            final long count = snapshotCount.get();
            if (count != seenSnapshots)
            {
                lastSnapshotAtMs = seenSnapshots < 0 ? lastSnapshotAtMs : now;
                seenSnapshots = count;
                prune(now);
            }
            if (intervalMs > 0 && now - lastSnapshotAtMs >= intervalMs && Cluster.Role.get(role) == Cluster.Role.LEADER)
            {
                lastSnapshotAtMs = now;
                if (ClusterControl.ToggleState.SNAPSHOT.toggle(controlToggle))
                {
                    LOG.log(System.Logger.Level.INFO, "member {0} (leader) asks the cluster for a snapshot", member);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "member " + member + ": snapshot schedule or pruning failed; " +
                "tried again after the next snapshot", ex);
            CloseHelper.quietClose(archive);
            archive = null;
        }
    }

    private void prune(final long now) throws InterruptedException
    {
        if (!new File(clusterDir, RecordingLog.RECORDING_LOG_FILE_NAME).exists())
        {
            return;
        }
        if (archive == null)
        {
            archive = AeronArchive.connect(archiveContext.clone());
        }
        final ArchivePruner.Result pruned = archivePruner.prune(archive);
        pruned.plan().deleteRecordings().forEach(batches::forget);
        if (pruned.plan().keptCount() == 0)
        {
            return;
        }
        // Nothing goes from the journal either before as many snapshots as are kept exist.
        final long batch = pruned.plan().full() ?
            batches.batchOf(archive, pruned.plan().oldestKeptServiceRecording()) : SnapshotBatchReader.UNKNOWN;
        final int journalFiles = batch == SnapshotBatchReader.UNKNOWN ? 0
            : journalPruner.map(pruner -> pruner.prune(batch, now)).orElse(0);
        LOG.log(System.Logger.Level.INFO, "member {0}: newest snapshot at log position {1}; {2} kept, the oldest at " +
            "log position {3} (batch {4}); {5} older snapshot recordings deleted, {6}, {7} journal files deleted",
            member, pruned.plan().newestLogPosition(), pruned.plan().keptCount(), pruned.plan().oldestKeptLogPosition(),
            batch, pruned.recordingsDeleted(), pruned.logStart() == SnapshotRetention.NO_PURGE ? "no log segment purged"
                : "the log purged up to position " + pruned.logStart(), journalFiles);
    }

    @Override
    public void close()
    {
        thread.shutdownNow();
        try
        {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        CloseHelper.quietClose(archive);
    }
}
