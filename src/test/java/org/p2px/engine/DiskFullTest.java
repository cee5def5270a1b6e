package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Role;

/**
 * Fills a real file system under the journal: a small tmpfs mounted for the test (it needs the right to mount,
 * which the CI machine's root has; elsewhere the test is skipped). The engine must stop taking commands with
 * SERVICE_UNAVAILABLE, keep everything it acknowledged, and after the space returns and a restart hold exactly
 * the acknowledged deposits.
 */
class DiskFullTest
{
    private static final long USER = 10;
    private static final long DEPOSIT = 1_000;
    private static final String OFFER_REFUSED = "UNAVAILABLE when offered";

    @TempDir
    Path parent;
    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception
    {
        mount = Files.createDirectory(parent.resolve("small-disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=12m", "p2px-disk-full-test", mount.toString()) == 0;
        Assumptions.assumeTrue(mounted, "this test mounts a tmpfs and needs the right to (root)");
    }

    @AfterEach
    void unmount() throws Exception
    {
        if (mounted)
        {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aDiskRunningLowStopsCommandsBeforeAnyAppendFailsAndResumesWhenSpaceReturns() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults(mount.resolve("data")).withSnapshots(0, Duration.ZERO)
            .withMinFreeDisk(4L * 1024 * 1024);
        final long acknowledged;
        try (Engine engine = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            final Filling filling = fillUntilRefused(engine);
            acknowledged = filling.acknowledged;
            assertRefusedUndecided(filling.firstRefusal);
            assertEquals(EngineStatus.NO_SPACE, engine.status(), "not ready: no append has failed");
            assertEquals(acknowledged * DEPOSIT, balance(engine), "a refused command was not decided");

            assertEquals(0, run("mount", "-o", "remount,size=256m", mount.toString()), "space returns");
            awaitStatus(engine, EngineStatus.READY);
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies-after", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 50_000_000);
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.deposit(USER, DEPOSIT)), "taken again");
        }
        try (Engine restarted = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            assertEquals((acknowledged + 1) * DEPOSIT, balance(restarted), "every acknowledged deposit, nothing more");
        }
    }

    /**
     * Without the watch (or with a disk filled faster than it looks), the append itself fails: the engine stops,
     * and a restart holds every acknowledged deposit. The one command in flight when the append failed was answered
     * SERVICE_UNAVAILABLE but may have reached the journal (docs/reliability.md says so).
     */
    @Test
    void anAppendOnAFullDiskStopsTheEngineAndLosesNothingAcknowledged() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults(mount.resolve("data")).withSnapshots(0, Duration.ZERO)
            .withMinFreeDisk(0);
        final long acknowledged;
        try (Engine engine = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            final Filling filling = fillUntilRefused(engine);
            acknowledged = filling.acknowledged;
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE.name(), filling.firstRefusal, "the first refusal");
            assertEquals(EngineStatus.FAILED, engine.status());
        }
        assertEquals(0, run("mount", "-o", "remount,size=256m", mount.toString()), "space returns");
        try (Engine restarted = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            assertEquals(EngineStatus.READY, restarted.status());
            final long recovered = balance(restarted);
            assertTrue(recovered == acknowledged * DEPOSIT || recovered == (acknowledged + 1) * DEPOSIT,
                "every acknowledged deposit and at most the one in flight: " + recovered / DEPOSIT + " of " +
                    acknowledged);
            final ReplyCollector replies = new ReplyCollector();
            restarted.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(restarted.publisher(), 50_000_000);
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.deposit(USER, DEPOSIT)), "trading goes on");
        }
    }

    /**
     * The watch may stop the engine while a window of deposits is on the ring (those are answered
     * SERVICE_UNAVAILABLE) or between two windows (then the next offer itself is refused, which a gateway answers
     * SERVICE_UNAVAILABLE too): which one happens depends on the machine's speed, and both leave the command undecided.
     */
    private static void assertRefusedUndecided(final String firstRefusal)
    {
        assertTrue(ErrorCode.SERVICE_UNAVAILABLE.name().equals(firstRefusal) || OFFER_REFUSED.equals(firstRefusal),
            "the first refusal: " + firstRefusal);
    }

    private record Filling(long acknowledged, String firstRefusal)
    {
    }

    /** Deposits in windows of a thousand, each window awaited at its last answer (answers come in order). */
    private static Filling fillUntilRefused(final Engine engine) throws InterruptedException
    {
        final ReplyCollector replies = new ReplyCollector();
        engine.subscribe("replies", replies, Engine.CURRENT);
        final TestGateway client = new TestGateway(engine.publisher(), 1);
        replies.await(client.world());
        assertEquals(ReplyCollector.ACCEPTED, replies.await(client.register(USER, Role.MERCHANT)));
        long acknowledged = 0;
        String refusal = null;
        long first = client.lastCorrelationId() + 1;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (refusal == null && System.nanoTime() < deadline)
        {
            long last = first - 1;
            try
            {
                for (int i = 0; i < 1_000; i++)
                {
                    last = client.deposit(USER, DEPOSIT);
                }
            }
            catch (final IllegalStateException unavailable)
            {
                refusal = OFFER_REFUSED;
            }
            if (last >= first)
            {
                replies.await(last);
            }
            for (long id = first; id <= last; id++)
            {
                final String answer = replies.answers.get(id);
                if (ReplyCollector.ACCEPTED.equals(answer))
                {
                    assertEquals(null, refusal, "nothing is accepted after a refusal");
                    acknowledged++;
                }
                else if (refusal == null || OFFER_REFUSED.equals(refusal))
                {
                    refusal = answer;
                }
            }
            first = last + 1;
        }
        System.out.println("DiskFullTest: " + acknowledged + " deposits acknowledged, then " + refusal);
        assertTrue(acknowledged > 1_000, "the disk held more than a few deposits: " + acknowledged);
        return new Filling(acknowledged, refusal);
    }

    private static void awaitStatus(final Engine engine, final EngineStatus expected) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.status() != expected && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        assertEquals(expected, engine.status());
    }

    private static long balance(final Engine engine)
    {
        return engine.<Long>query(core -> core.available(USER, TestGateway.USDT));
    }

    private static int run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        final int exit = process.waitFor();
        if (exit != 0)
        {
            System.out.println(String.join(" ", command) + ": " + output.trim());
        }
        return exit;
    }
}
