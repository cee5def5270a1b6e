package org.p2px.cluster;

import java.io.File;
import java.nio.file.Path;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.checksum.Checksums;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.NoOpLock;
import org.agrona.concurrent.ShutdownSignalBarrier;

/**
 * One member of the cluster in its own process: an embedded media driver, the archive that records the log, the
 * consensus module, the container running {@link TradingClusteredService}, and {@link ClusterSnapshots} (the snapshot
 * schedule, and the pruning after each snapshot). Under {@code dir}: {@code aeron}
 * (the driver's files, unless {@code aeronDir} says otherwise), {@code archive} (the recorded log and snapshots),
 * {@code cluster} (the recording log, the mark files) and {@code journal} (this node's Chronicle journal).
 *
 * <p>Run it with {@code java ... org.p2px.cluster.ClusterNode} and the settings as system properties (see
 * {@link ClusterNodeSettings}); it runs until SIGTERM or SIGINT.
 */
public final class ClusterNode implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(ClusterNode.class.getName());

    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private final ClusterSnapshots snapshots;
    private final MemberMetrics metrics;

    private ClusterNode(
        final ClusteredMediaDriver driver, final ClusteredServiceContainer container, final ClusterSnapshots snapshots,
        final MemberMetrics metrics)
    {
        this.driver = driver;
        this.container = container;
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    public static ClusterNode launch(final ClusterNodeSettings settings)
    {
        final int member = settings.memberId();
        final ClusterLayout layout = settings.layout();
        final ClusterTimeouts timeouts = settings.timeouts();
        final String host = layout.host(member);
        final File dir = settings.dir().toFile();
        final String aeronDir = settings.aeronDir().toString();
        final File clusterDir = new File(dir, "cluster");
        final Path journal = new File(dir, "journal").toPath();

        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(timeouts.idle().get())
            .termBufferSparseFile(true)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);

        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(new File(dir, "archive"))
            .archiveId(member)
            .segmentFileLength(settings.archiveSegmentLength())
            .controlChannel("aeron:udp?endpoint=" + layout.endpoint(member, ClusterLayout.ARCHIVE_CONTROL))
            .localControlChannel("aeron:ipc?term-length=64k")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:udp?endpoint=" + host + ":0"))
            .recordingEventsEnabled(false)
            // Every recorded frame carries a CRC-32C that replay checks: a corrupted log segment is refused on
            // restart instead of being applied.
            .recordChecksum(Checksums.crc32c())
            .replayChecksum(Checksums.crc32c())
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(timeouts.idle());

        final AeronArchive.Context localArchive = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(archiveContext.localControlChannel())
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(archiveContext.localControlChannel())
            .aeronDirectoryName(aeronDir);

        final ConsensusModule.Context consensusContext = new ConsensusModule.Context()
            .clusterMemberId(member)
            .clusterMembers(layout.clusterMembers())
            .clusterDir(clusterDir)
            .ingressChannel("aeron:udp?term-length=64k")
            .logChannel("aeron:udp?term-length=" + settings.logTermLength() + "|control-mode=manual|control="
                + layout.endpoint(member, ClusterLayout.LOG))
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .archiveContext(localArchive.clone())
            .leaderHeartbeatTimeoutNs(timeouts.nanos(timeouts.leaderHeartbeatTimeoutMs()))
            .leaderHeartbeatIntervalNs(timeouts.nanos(timeouts.leaderHeartbeatIntervalMs()))
            .electionTimeoutNs(timeouts.nanos(timeouts.electionTimeoutMs()))
            .electionStatusIntervalNs(timeouts.nanos(Math.max(1, timeouts.leaderHeartbeatIntervalMs() / 2)))
            .startupCanvassTimeoutNs(timeouts.nanos(5 * timeouts.leaderHeartbeatTimeoutMs()))
            .sessionTimeoutNs(timeouts.nanos(timeouts.sessionTimeoutMs()))
            .errorHandler(ClusterNode::onConsensusError)
            .idleStrategySupplier(timeouts.idle());

        final TradingClusteredService service = new TradingClusteredService(journal, settings.tickIntervalMs(),
            ClusterNode::haltOnDivergence);
        final ClusteredServiceContainer.Context serviceContext = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive.clone())
            .clusterDir(clusterDir)
            .clusteredService(service)
            .idleStrategySupplier(timeouts.idle());

        final ClusteredMediaDriver driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
        ClusteredServiceContainer container = null;
        try
        {
            container = ClusteredServiceContainer.launch(serviceContext);
            final MemberMetrics metrics = settings.metricsPort() == 0 ? null : MemberMetrics.serve(settings.metricsPort(),
                member, driver.consensusModule().context(), container.context(), service::journaledBatch);
            final ClusterSnapshots snapshots = new ClusterSnapshots(member, settings.retention(),
                driver.consensusModule().context(), localArchive.clone(), journal);
            snapshots.start();
            return new ClusterNode(driver, container, snapshots, metrics);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(container, driver);
            throw ex;
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(metrics); // before the driver closes the counters it reads
        snapshots.close();
        container.close();
        driver.close();
    }

    public static void main(final String[] args)
    {
        final ClusterNodeSettings settings = ClusterNodeSettings.fromSystemProperties();
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier(); ClusterNode node = launch(settings))
        {
            LOG.log(System.Logger.Level.INFO, "cluster member {0} of {1} running in {2}", settings.memberId(),
                settings.layout().size(), settings.dir());
            System.out.println("p2px cluster member " + settings.memberId() + " started");
            barrier.await();
        }
    }

    /**
     * The consensus module's errors go to stderr; one that says this node's recorded log fails its checksum stops the
     * node: it would retry the replay forever, and a member that cannot replay its own log must be rebuilt by an
     * operator (from a healthy member's archive, or empty so that it catches up), not left half-started.
     */
    private static void onConsensusError(final Throwable error)
    {
        if (String.valueOf(error.getMessage()).contains("checksum mismatch"))
        {
            haltOnDivergence(new IllegalStateException("the recorded log is corrupted: " + error.getMessage(), error));
        }
        System.err.println("consensus module: " + error);
    }

    /**
     * A node whose service decided differently from what its own journal holds must not go on: its state is not the
     * cluster's. It stops at once (exit code 3), and is not to be restarted on the same data without an operator.
     */
    private static void haltOnDivergence(final RuntimeException divergence)
    {
        LOG.log(System.Logger.Level.ERROR, "this node's state diverged from its journal; halting", divergence);
        System.err.println("p2px cluster member halted: " + divergence.getMessage());
        System.err.flush();
        Runtime.getRuntime().halt(3);
    }

    static Path defaultAeronDir(final Path dir)
    {
        return dir.resolve("aeron");
    }
}
