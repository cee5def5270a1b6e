package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.Role;

class EngineRestartTest
{
    @TempDir
    Path data;

    private EngineConfig config()
    {
        return EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO);
    }

    /** Drives a world and some complete trades, waiting for every answer. */
    private static long trade(final TestGateway client, final ReplyCollector replies, final long firstUser, final int traders)
        throws InterruptedException
    {
        final long seller = firstUser;
        replies.await(client.register(seller, Role.MERCHANT));
        replies.await(client.deposit(seller, 1_000_000_000L));
        final String created = replies.await(client.sellAd(seller, 500_000_000L));
        assertEquals(ReplyCollector.ACCEPTED, created);
        for (int i = 1; i <= traders; i++)
        {
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.register(firstUser + i, Role.USER)));
        }
        return seller;
    }

    @Test
    void restartReachesTheSameDigestByFullReplayAndBySnapshotPlusTail() throws Exception
    {
        final long liveDigest;
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            trade(client, replies, 10, 5);
            engine.snapshotNow();
            for (int i = 0; i < 3; i++)
            {
                final long order = i + 1;
                assertEquals(ReplyCollector.ACCEPTED, replies.await(client.take(11 + i, 1, 9_200)));
                assertEquals(ReplyCollector.ACCEPTED, replies.await(client.markPaid(11 + i, order)));
                assertEquals(ReplyCollector.ACCEPTED, replies.await(client.release(10, order)));
            }
            liveDigest = engine.digest();
            engine.closeWithoutSnapshot();
        }

        final long snapshotPlusTail;
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            assertTrue(engine.recoverySummary().contains("after a snapshot"), engine.recoverySummary());
            assertTrue(engine.recoveredEvents() > 0, "the tail after the snapshot was replayed");
            snapshotPlusTail = engine.digest();
            engine.closeWithoutSnapshot();
        }
        deleteSnapshots();
        final long fullReplay;
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            fullReplay = engine.digest();
        }

        assertEquals(liveDigest, snapshotPlusTail);
        assertEquals(liveDigest, fullReplay);
    }

    @Test
    void aCleanShutdownSnapshotsSoTheNextStartReplaysNothing() throws Exception
    {
        final long liveDigest;
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            trade(client, replies, 10, 2);
            liveDigest = engine.digest();
        }
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            assertEquals(0, engine.recoveredEvents());
            assertEquals(liveDigest, engine.digest());
        }
    }

    @Test
    void aCorruptSnapshotIsSkippedAndTheJournalStillRebuildsTheState() throws Exception
    {
        final long liveDigest;
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            trade(client, replies, 10, 2);
            liveDigest = engine.digest();
        }
        final List<Path> snapshots = snapshotFiles();
        assertEquals(1, snapshots.size());
        final byte[] bytes = Files.readAllBytes(snapshots.get(0));
        bytes[bytes.length - 3] ^= 0x5A;
        Files.write(snapshots.get(0), bytes);

        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            assertTrue(engine.recoveredEvents() > 0, "recovered from the journal alone");
            assertEquals(liveDigest, engine.digest());
        }
    }

    @Test
    void periodicSnapshotsComeFromTheReplicaAndARestartFromThemReachesTheLiveDigest() throws Exception
    {
        final EngineConfig everyFiftyBatches = config().withSnapshots(50, Duration.ZERO);
        final long liveDigest;
        try (Engine engine = Engine.start(everyFiftyBatches, SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            trade(client, replies, 10, 3);
            long last = 0;
            for (int i = 0; i < 300; i++)
            {
                last = client.deposit(10, 1 + i);
            }
            assertEquals(ReplyCollector.ACCEPTED, replies.await(last));
            awaitSnapshotCovering(engine.batchSequence() - 50);
            liveDigest = engine.digest();
            engine.closeWithoutSnapshot();
        }
        assertTrue(snapshotFiles().size() <= everyFiftyBatches.snapshotsKept(), "old snapshots are pruned");
        try (Engine engine = Engine.start(everyFiftyBatches, SystemEpochClock.INSTANCE))
        {
            assertTrue(engine.recoverySummary().contains("after a snapshot"), engine.recoverySummary());
            assertTrue(engine.recoveredEvents() < 200, "only the tail after the newest snapshot was replayed: "
                + engine.recoverySummary());
            assertEquals(liveDigest, engine.digest());
        }
    }

    @Test
    void aFailedSnapshotReplicaStopsSnapshotsButNotTheCore() throws Exception
    {
        final long liveDigest;
        try (Engine engine = Engine.start(config().withSnapshots(20, Duration.ZERO), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            // Snapshots can no longer be written: the directory is now a file.
            deleteSnapshots();
            Files.delete(data.resolve("snapshots"));
            Files.writeString(data.resolve("snapshots"), "not a directory");
            trade(client, replies, 10, 2);
            long last = 0;
            for (int i = 0; i < 100; i++)
            {
                last = client.deposit(10, 1 + i);
            }
            assertEquals(ReplyCollector.ACCEPTED, replies.await(last), "the core kept taking commands");
            assertEquals(EngineStatus.READY, engine.status());
            assertThrows(IllegalStateException.class, engine::snapshotNow);
            liveDigest = engine.digest();
        }
        Files.delete(data.resolve("snapshots"));
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            assertEquals(liveDigest, engine.digest(), "the journal alone rebuilds the state");
        }
    }

    private void awaitSnapshotCovering(final long batch) throws Exception
    {
        awaitTrue(() -> snapshotFilesOrNone().stream().anyMatch(file -> coveredBatch(file) >= batch));
    }

    private List<Path> snapshotFilesOrNone()
    {
        try
        {
            return snapshotFiles();
        }
        catch (final IOException ex)
        {
            return List.of();
        }
    }

    /** The batch a snapshot file covers, from its name (snapshot-<batch>.snap). */
    private static long coveredBatch(final Path file)
    {
        final String name = file.getFileName().toString();
        return Long.parseLong(name.substring("snapshot-".length(), name.length() - ".snap".length()));
    }

    @Test
    void aSubscriptionFromAKnownJournalIndexStartsRightAfterIt() throws Exception
    {
        try (Engine engine = Engine.start(config(), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            client.register(10, Role.MERCHANT);
            long last = 0;
            for (int i = 0; i < 100; i++)
            {
                last = client.deposit(10, 1 + i);
            }
            replies.await(last);
            final long batches = engine.batchSequence();
            // Where batch 40 is in the journal, as a snapshot would record it.
            final Map<Long, Long> indexes = new ConcurrentHashMap<>();
            try (Engine.Subscription all = engine.subscribe("all",
                (sequence, index, session, events, offset, length) -> indexes.put(sequence, index), 0))
            {
                awaitTrue(() -> indexes.size() == batches);
            }
            final List<Long> seen = Collections.synchronizedList(new ArrayList<>());
            try (Engine.Subscription from40 = engine.subscribe("from-40",
                (sequence, index, session, events, offset, length) -> seen.add(sequence), 40, indexes.get(40L)))
            {
                awaitTrue(() -> seen.size() >= batches - 40);
            }
            assertEquals(LongStream.rangeClosed(41, batches).boxed().toList(), List.copyOf(seen));
            assertThrows(IllegalArgumentException.class, () -> engine.subscribe("nowhere",
                (sequence, index, session, events, offset, length) -> { }, batches, indexes.get(batches) + 1_000_000));
        }
    }

    private static void awaitTrue(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "not within 10 s");
            Thread.sleep(5);
        }
    }

    @Test
    void everyConsumerSeesEveryBatchOnceInOrderEvenWhenLapped() throws Exception
    {
        final EngineConfig small = config().withBuffers(64 * 1024, 16 * 1024);
        try (Engine engine = Engine.start(small, SystemEpochClock.INSTANCE))
        {
            final ReplyCollector fast = new ReplyCollector();
            final ReplyCollector slow = new ReplyCollector();
            slow.slowDownBy(200_000);
            engine.subscribe("fast", fast, 0);
            final Engine.Subscription slowSubscription = engine.subscribe("slow", slow, 0);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            fast.await(client.world());
            client.register(10, Role.MERCHANT);
            long last = 0;
            for (int i = 0; i < 2_000; i++)
            {
                last = client.deposit(10, 1 + i);
            }
            fast.await(last);
            slow.await(last);
            final long batches = engine.batchSequence();
            assertInOrderWithoutGaps(fast, batches);
            assertInOrderWithoutGaps(slow, batches);
            assertTrue(slowSubscription.catchUps() > 0, "the slow consumer was lapped and read the journal");
        }
    }

    private static void assertInOrderWithoutGaps(final ReplyCollector collector, final long batches)
    {
        final List<Long> seen = new ArrayList<>(collector.sequences);
        assertEquals(batches, seen.size());
        for (int i = 0; i < seen.size(); i++)
        {
            assertEquals(i + 1, seen.get(i));
        }
    }

    private void deleteSnapshots() throws IOException
    {
        for (final Path file : snapshotFiles())
        {
            Files.delete(file);
        }
    }

    private List<Path> snapshotFiles() throws IOException
    {
        try (var files = Files.list(data.resolve("snapshots")))
        {
            return files.filter(path -> path.toString().endsWith(".snap")).toList();
        }
    }
}
