package org.p2px.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineConfig;
import org.p2px.engine.OfferResult;

class JournalToolTest
{
    @TempDir
    Path data;
    private long digest;

    @BeforeEach
    void journalATrade() throws Exception
    {
        try (Engine engine = Engine.start(EngineConfig.defaults(data), SystemEpochClock.INSTANCE))
        {
            final CommandProxy proxy = new CommandProxy();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
            long c = 0;
            send(engine, buffer, proxy.registerUser(buffer, 0, ++c, 0, 1, Role.ADMIN, 3));
            send(engine, buffer, proxy.defineAsset(buffer, 0, ++c, 0, 1, 1, 6, false));
            send(engine, buffer, proxy.defineAsset(buffer, 0, ++c, 0, 1, 100, 2, true));
            send(engine, buffer, proxy.createMarket(buffer, 0, ++c, 0, 1, 1, 1, 100, 4, 1, 1_000, 10, 0, 0b11));
            send(engine, buffer, proxy.registerUser(buffer, 0, ++c, 0, 10, Role.MERCHANT, 2));
            send(engine, buffer, proxy.registerUser(buffer, 0, ++c, 0, 20, Role.USER, 1));
            send(engine, buffer, proxy.deposit(buffer, 0, ++c, 0, 1, 10, 1, 500_000_000));
            send(engine, buffer, proxy.createAd(buffer, 0, ++c, 0, 10, 1, Side.SELL, 100_000_000, AdStatus.ONLINE,
                new AdTermsSpec().fixed(9_200).limits(1_000, 100_000).paymentMethods(0b11)));
            send(engine, buffer, proxy.takeAd(buffer, 0, ++c, 0, 20, 1, 9_200, true, 0, 0));
            send(engine, buffer, proxy.withdraw(buffer, 0, ++c, 0, 1, 10, 1, -5));
            while (engine.batchSequence() < 10)
            {
                Thread.sleep(1);
            }
            digest = engine.digest();
        }
    }

    private static void send(final Engine engine, final UnsafeBuffer buffer, final int length)
    {
        assertEquals(OfferResult.ACCEPTED, engine.publisher().offer(7, buffer, 0, length));
    }

    private String run(final int expectedExit, final String... args)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int exit = new JournalTool(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        final String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, output);
        return output;
    }

    @Test
    void verifyReplaysEverythingAndPrintsTheDigestAndTheInvariantCheck()
    {
        final String output = run(0, "verify", data.toString());
        assertTrue(output.contains("replayed 10 batches"), output);
        assertTheLiveState(output);
    }

    /** The output shows the digest the engine had, and invariants that hold. */
    private void assertTheLiveState(final String output)
    {
        assertTrue(output.contains(String.format("digest %016x", digest)), output);
        assertTrue(output.contains("invariants hold"), output);
    }

    @Test
    void dumpFiltersByOrderByUserAndByPosition()
    {
        final String order = run(0, "dump", data.toString(), "--order", "1");
        assertTrue(order.contains("[OrderOpened]"), order);
        assertTrue(order.contains("1 batches printed"), order);

        final String user = run(0, "dump", data.toString(), "--user", "20");
        assertTrue(user.contains("[UserRegistered]") && user.contains("[OrderOpened]"), user);
        assertFalse(user.contains("[MarketCreated]"), user);

        final String rejected = run(0, "dump", data.toString(), "--limit", "1", "--from-time", "0", "--user", "1");
        assertTrue(rejected.contains("1 batches printed"), rejected);

        final String all = run(0, "dump", data.toString());
        assertTrue(all.contains("errorCode=INVALID_AMOUNT"), "the rejected withdrawal is journaled: " + all);
        assertTrue(all.contains("10 batches printed"), all);
    }

    @Test
    void snapshotsAreListedWithTheirDigest()
    {
        final String output = run(0, "snapshots", data.toString());
        assertTrue(output.contains("valid"), output);
        assertTrue(output.contains(String.format("digest=%016x", digest)), output);
    }

    @Test
    void recoverStartsFromTheNewestSnapshotAsTheServerDoes()
    {
        final String output = run(0, "recover", data.toString());
        assertTrue(output.contains("recovered to batch 10: the snapshot of batch 10, then 0 journal batches"), output);
        assertTheLiveState(output);
    }

    @Test
    void backupCopiesTheSnapshotsAndTheJournalThenRecoversTheCopy(@TempDir final Path backups)
    {
        final Path backup = backups.resolve("backup");
        final String output = run(0, "backup", data.toString(), backup.toString());
        assertTrue(output.contains("copied 1 snapshots and the journal"), output);
        assertTrue(output.contains("recovered to batch 10"), output);
        assertTheLiveState(output);
        assertTrue(run(2, "backup", data.toString(), backup.toString()).contains("exists"), "never over a backup");
    }

    @Test
    void badArgumentsExplainUsage()
    {
        assertTrue(run(2, "dump").contains("usage"));
        assertTrue(run(2, "explode", data.toString()).contains("usage"));
        assertTrue(run(2, "dump", data.toString(), "--order").contains("missing value"));
        assertTrue(run(2, "backup", data.toString()).contains("usage"));
    }
}
