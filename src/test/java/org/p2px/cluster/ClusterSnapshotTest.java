package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.aeron.cluster.RecordingLog;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members in three JVMs that take a snapshot every 2 s by themselves, on a log of 64 KiB terms in 128 KiB
 * archive segments so that a few thousand deposits fill several: the snapshots come, the log's first segments go
 * from every member's archive, a follower killed and restarted starts from its snapshot, catches up from the others'
 * remaining log and agrees with them, and snapshots beyond the kept number lose their recordings.
 */
class ClusterSnapshotTest
{
    private static final long GATEWAY = 14;
    /**
     * Snapshots come at least the interval apart and the log goes only once KEPT exist, so the others hold at least
     * 22 s (11 x 2 s) of log behind the newest snapshot, more than a killed member is away and catching up (10.5 s,
     * and several more on busy cores). A member away for longer could not catch up from them.
     */
    private static final int KEPT = 12;
    private static final Map<String, String> SETTINGS = Map.of(
        "p2px.cluster.snapshot-interval", "PT2S",
        "p2px.cluster.snapshots-kept", Integer.toString(KEPT),
        "p2px.cluster.purge-log", "true",
        "p2px.cluster.log-term-length", "64k",
        "p2px.cluster.archive-segment-length", "128k");

    @TempDir
    Path dir;
    private ClusterProcesses cluster;
    private ClusterEngineClient client;

    @AfterEach
    void stopAll()
    {
        CloseHelper.closeAll(client, cluster);
    }

    @Test
    void membersSnapshotAndPruneBySchedule() throws Exception
    {
        cluster = new ClusterProcesses(dir, 3, SETTINGS);
        cluster.startAll();
        client = cluster.client(GATEWAY);
        final DepositStream stream = new DepositStream(client);
        stream.awaitReady(30_000);
        stream.world();
        final long logRecording = awaitLogRecording(0);
        // KEPT snapshots (24 s) before the log goes, KEPT + 1 when the first came before any deposit.
        final long deadline = System.currentTimeMillis() + 60_000;
        while (!(snapshots(0).size() >= 2 && allMembers(member -> logPurged(member))))
        {
            assertTrue(System.currentTimeMillis() < deadline, "no two snapshots and purged log segments on every " +
                "member; member 0's recording log:\n" + readRecordingLog(0, RecordingLog::toString) + "\narchive: " +
                archiveFiles(0));
            stream.depositAndAwait(200);
            Thread.sleep(100); // a steady stream: a flood on two shared cores delays heartbeats into elections
        }
        System.out.println("after " + stream.lastCorrelationId() + " commands: snapshots at " + snapshots(0) +
            ", member 0's archive: " + archiveFiles(0));
        assertFalse(Files.exists(cluster.nodeDir(0).resolve("archive").resolve(logRecording + "-0.rec")));
        assertTrue(cluster.log(0).contains("asks the cluster for a snapshot") ||
            cluster.log(1).contains("asks the cluster for a snapshot") ||
            cluster.log(2).contains("asks the cluster for a snapshot"), "no member asked for a snapshot");

        // The oldest kept snapshot's batch is read back from its recording (what the journal's pruning goes by).
        await(() -> logOf(0).matches("(?s).*the oldest at log position [0-9,]+ \\(batch [0-9,]+\\).*"),
            "no snapshot's batch read back; member 0's log:\n" + logOf(0));

        final int leader = client.leaderMemberId();
        final int follower = (leader + 1) % 3;
        cluster.kill(follower);
        stream.depositAndAwait(200);
        Thread.sleep(10_500); // the killed node's archive mark file counts as active for 10 s
        cluster.start(follower);
        stream.depositAndAwait(200);
        final long last = stream.lastCorrelationId();
        final JournalContents restarted = cluster.awaitJournal(follower, last);
        final JournalContents leaders = cluster.awaitJournal(leader, last);
        assertTrue(cluster.log(follower).contains("(from snapshot)"), "the follower did not restart from its " +
            "snapshot; its log:\n" + cluster.log(follower));
        assertFalse(restarted.gap);
        assertTrue(restarted.duplicates.isEmpty(), "applied twice: " + restarted.duplicates);
        assertEquals(leaders.digest, restarted.digest, "the restarted follower's state differs from the leader's");
        assertTrue(restarted.isPrefixOf(leaders) && leaders.isPrefixOf(restarted));

        // Past the kept number, the older snapshots' recordings go (their entries stay in the recording log).
        final long pruneDeadline = System.currentTimeMillis() + 30_000;
        while (!(snapshots(leader).size() > KEPT && snapshotRecordings(leader) <= 2 * KEPT))
        {
            assertTrue(System.currentTimeMillis() < pruneDeadline, "old snapshots kept: " + snapshots(leader).size() +
                " snapshots, " + snapshotRecordings(leader) + " snapshot recordings in " + archiveFiles(leader));
            Thread.sleep(200);
        }
    }

    private boolean allMembers(final IntPredicate test)
    {
        return test.test(0) && test.test(1) && test.test(2);
    }

    private long awaitLogRecording(final int member) throws InterruptedException
    {
        final Path file = cluster.nodeDir(member).resolve("cluster").resolve(RecordingLog.RECORDING_LOG_FILE_NAME);
        await(() -> Files.exists(file), "member " + member + " has no recording log");
        return readRecordingLog(member, RecordingLog::findLastTermRecordingId);
    }

    private String logOf(final int member)
    {
        try
        {
            return cluster.log(member);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void await(final BooleanSupplier condition, final String failure) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean())
        {
            assertTrue(System.currentTimeMillis() < deadline, failure);
            Thread.sleep(50);
        }
    }

    /** Reads the member's recording log as the consensus module left it (opened without writing anything). */
    private <T> T readRecordingLog(final int member, final Function<RecordingLog, T> reader)
    {
        try (RecordingLog log = new RecordingLog(cluster.nodeDir(member).resolve("cluster").toFile(), false))
        {
            return reader.apply(log);
        }
    }

    /** The log positions of the member's snapshots of the service, as its recording log lists them. */
    private Set<Long> snapshots(final int member)
    {
        return readRecordingLog(member, log -> log.entries().stream().filter(entry ->
            entry.type == RecordingLog.ENTRY_TYPE_SNAPSHOT && entry.serviceId == 0).map(entry -> entry.logPosition)
            .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Whether the log recording no longer starts at its first segment. */
    private boolean logPurged(final int member)
    {
        final long logRecording = readRecordingLog(member, RecordingLog::findLastTermRecordingId);
        final Set<String> files = archiveFiles(member);
        return !files.contains(logRecording + "-0.rec") &&
            files.stream().anyMatch(file -> file.startsWith(logRecording + "-"));
    }

    /** Recordings other than the log's: the snapshots' (one per service and one of the consensus module each). */
    private long snapshotRecordings(final int member)
    {
        final long logRecording = readRecordingLog(member, RecordingLog::findLastTermRecordingId);
        return archiveFiles(member).stream().map(file -> file.substring(0, file.indexOf('-')))
            .filter(id -> !id.equals(Long.toString(logRecording))).distinct().count();
    }

    private Set<String> archiveFiles(final int member)
    {
        try (Stream<Path> files = Files.list(cluster.nodeDir(member).resolve("archive")))
        {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".rec"))
                .collect(Collectors.toCollection(TreeSet::new));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
