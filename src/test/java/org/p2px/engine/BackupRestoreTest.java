package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.Role;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.JournalReader;
import org.p2px.tools.DataBackup;

/**
 * Backup and restore as docs/operations.md tells them: {@link DataBackup} (the journal tool's {@code backup}) copies
 * the snapshots, then the journal, of a stopped or a running engine; the restore copies the backup into a fresh data
 * directory; an engine started there has the state the original had at the backup's last batch.
 */
class BackupRestoreTest
{
    private static final long MERCHANT = 10;
    private static final int TAKERS = 5;

    @TempDir
    Path data;
    @TempDir
    Path backups;

    private static EngineConfig config(final Path directory)
    {
        return EngineConfig.defaults(directory).withSnapshots(0, Duration.ZERO);
    }

    private static EngineConfig everyHundredBatches(final Path directory)
    {
        return EngineConfig.defaults(directory).withSnapshots(100, Duration.ZERO);
    }

    @Test
    void aBackupOfAStoppedEngineRestoresItsStateInAFreshDirectory() throws Exception
    {
        final long digest;
        final long batch;
        try (Engine engine = Engine.start(config(data), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            final TestGateway client = tradeAndSnapshot(engine, replies);
            completeTrades(client, replies, 4, 2);
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.take(11, 1, 9_200)), "an order left open");
            digest = engine.digest();
            batch = engine.batchSequence();
        } // a clean stop: the last snapshot covers everything

        final Path backup = backups.resolve("backup");
        final DataBackup.Copied copied = DataBackup.copy(data, backup);
        assertEquals(2, copied.snapshots(), "the one taken mid-way and the one taken at the stop");
        final Path restored = restore(backup);

        try (Engine engine = Engine.start(config(restored), SystemEpochClock.INSTANCE))
        {
            assertEquals(batch, engine.batchSequence());
            assertEquals(digest, engine.digest());
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1_000);
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.markPaid(11, 6)), "the open order goes on");
        }
    }

    @Test
    void aBackupTakenWhileTheEngineTradesRestoresTheStateOfItsLastBatch() throws Exception
    {
        final Path backup = backups.resolve("backup");
        final long before;
        final long after;
        try (Engine engine = Engine.start(everyHundredBatches(data), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            final TestGateway client = tradeAndSnapshot(engine, replies);

            final AtomicBoolean trading = new AtomicBoolean(true);
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread trader = new Thread(() -> tradeUntilStopped(client, replies, trading, failure), "trader");
            trader.start();
            awaitBatch(engine, engine.batchSequence() + 300);
            before = engine.batchSequence();
            DataBackup.copy(data, backup);
            after = engine.batchSequence();
            awaitBatch(engine, after + 100);
            trading.set(false);
            trader.join();
            assertNull(failure.get());
        }

        final Path restored = restore(backup);
        try (Engine engine = Engine.start(everyHundredBatches(restored), SystemEpochClock.INSTANCE))
        {
            final long batch = engine.batchSequence();
            assertTrue(batch >= before && batch <= after,
                "the backup holds every batch journaled before it began, none after it ended: " + batch);
            assertTrue(engine.recoverySummary().contains("after a snapshot"), engine.recoverySummary());
            assertEquals(digestAt(data, batch), engine.digest(), "the original's state at batch " + batch);
        }
    }

    @Test
    void aCopyTakenWhileABatchIsBeingAppendedEndsBeforeItAndTakesNewBatches() throws Exception
    {
        final long batch;
        try (Engine engine = Engine.start(config(data), SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            openTheMarket(new TestGateway(engine.publisher(), 1), replies);
            batch = engine.batchSequence();
        }
        final Path backup = backups.resolve("backup");
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(data.resolve("journal"))
                .rollCycle(RollCycles.FAST_HOURLY).build();
            ExcerptAppender appender = queue.createAppender())
        {
            // An append caught half way: its header written (not complete) and the queue's write lock held.
            final DocumentContext append = appender.writingDocument();
            append.wire().bytes().writeLong(batch + 1).writeLong(TestGateway.SESSION).writeLong(0);
            DataBackup.copy(data, backup);
            append.rollbackOnClose();
            append.close();
        }

        final Path restored = restore(backup);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        {
            try (Engine engine = Engine.start(config(restored), SystemEpochClock.INSTANCE))
            {
                assertEquals(batch, engine.batchSequence(), "the half-written batch is not there");
                final ReplyCollector replies = new ReplyCollector();
                engine.subscribe("replies", replies, Engine.CURRENT);
                final TestGateway client = new TestGateway(engine.publisher(), 1_000);
                assertEquals(ReplyCollector.ACCEPTED, replies.await(client.register(MERCHANT + TAKERS + 1, Role.USER)));
                engine.closeWithoutSnapshot();
            }
        }, "no wait for the lock the copied journal holds");
        try (Engine engine = Engine.start(config(restored), SystemEpochClock.INSTANCE))
        {
            assertEquals(batch + 1, engine.batchSequence(), "the batch appended after the copy's end reads back");
        }
    }

    /** Opens the market, completes orders 1 to 3, then takes a snapshot: the one in the middle of the journal. */
    private static TestGateway tradeAndSnapshot(final Engine engine, final ReplyCollector replies)
        throws InterruptedException
    {
        engine.subscribe("replies", replies, Engine.CURRENT);
        final TestGateway client = new TestGateway(engine.publisher(), 1);
        openTheMarket(client, replies);
        completeTrades(client, replies, 1, 3);
        engine.snapshotNow();
        return client;
    }

    private static void openTheMarket(final TestGateway client, final ReplyCollector replies) throws InterruptedException
    {
        replies.await(client.world());
        assertEquals(ReplyCollector.ACCEPTED, replies.await(client.register(MERCHANT, Role.MERCHANT)));
        assertEquals(ReplyCollector.ACCEPTED, replies.await(client.deposit(MERCHANT, 1_000_000_000_000L)));
        assertEquals(ReplyCollector.ACCEPTED, replies.await(client.sellAd(MERCHANT, 900_000_000_000L)));
        for (int i = 1; i <= TAKERS; i++)
        {
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.register(MERCHANT + i, Role.USER)));
        }
    }

    /** Orders {@code firstOrder} on, each taken, paid and released, by the takers in turn. */
    private static void completeTrades(
        final TestGateway client, final ReplyCollector replies, final long firstOrder, final int count)
        throws InterruptedException
    {
        for (long order = firstOrder; order < firstOrder + count; order++)
        {
            final long taker = MERCHANT + 1 + order % TAKERS;
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.take(taker, 1, 9_200)));
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.markPaid(taker, order)));
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.release(MERCHANT, order)));
        }
    }

    /** Deposits and complete trades, as fast as they are answered, until told to stop. */
    private static void tradeUntilStopped(
        final TestGateway client, final ReplyCollector replies, final AtomicBoolean trading,
        final AtomicReference<Throwable> failure)
    {
        try
        {
            for (long order = 4; trading.get(); order++)
            {
                for (int i = 0; i < 10; i++)
                {
                    client.deposit(MERCHANT + 1 + i % TAKERS, 1_000 + i);
                }
                completeTrades(client, replies, order, 1);
            }
        }
        catch (final Throwable ex)
        {
            failure.set(ex);
        }
    }

    private static void awaitBatch(final Engine engine, final long batch) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (engine.batchSequence() < batch)
        {
            assertTrue(System.nanoTime() < deadline, "batch " + batch + " not reached");
            Thread.sleep(1);
        }
    }

    /** The restore: the backup's files copied into a new, empty data directory. */
    private Path restore(final Path backup) throws Exception
    {
        final Path restored = backups.resolve("restored");
        try (Stream<Path> files = Files.walk(backup))
        {
            for (final Path file : files.toList())
            {
                final Path target = restored.resolve(backup.relativize(file).toString());
                if (Files.isDirectory(file))
                {
                    Files.createDirectories(target);
                }
                else
                {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return restored;
    }

    /** The state digest after the journal's batches 1 to {@code batch}, replayed into an empty core. */
    private static long digestAt(final Path data, final long batch)
    {
        final TradingCore core = new TradingCore(CoreConfig.defaults());
        final long[] applied = { 0 };
        try (ChronicleJournal journal = ChronicleJournal.openReadOnly(data.resolve("journal"));
            JournalReader reader = journal.reader(JournalReader.START))
        {
            while (applied[0] < batch && reader.poll((index, sequence, session, events, offset, length) ->
            {
                if (sequence <= batch)
                {
                    core.apply(events, offset, length);
                    applied[0] = sequence;
                }
            }, 1) > 0)
            {
                // replaying up to the batch
            }
        }
        assertEquals(batch, applied[0]);
        return core.digest();
    }
}
