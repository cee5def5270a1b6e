package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p2px.codec.CommandAdapter;

/**
 * The core is a deterministic state machine: its journal of event batches rebuilds it exactly, and the same
 * commands always produce the same events. One journaled random run (a {@link SimulationDriver} that records every
 * command, every batch and the live digest after each command) is replayed four ways: whole, in random chunks that
 * span many batches, by feeding its commands to a second live core, and by rebuilding a core from the first half
 * of the journal and letting it decide the second half live.
 *
 * <p>Seed and length: {@code -Dp2px.sim.seed=N} (shared with {@link RandomizedSimulationTest}) and
 * {@code -Dp2px.replay.commands=N}.
 */
class ReplayDeterminismTest
{
    private static final long COMMANDS = Long.getLong("p2px.replay.commands", 40_000);
    private static SimulationDriver run;

    @BeforeAll
    static void journaledRun()
    {
        final long seed = Long.getLong("p2px.sim.seed", RandomizedSimulationTest.DEFAULT_SEED);
        System.out.println("p2px replay determinism: seed " + seed + ", " + COMMANDS + " commands");
        run = new SimulationDriver(seed, CoreConfig.defaults(), true);
        run.fullCheckCommands = 2_000;
        run.checkEvery = 200;
        run.setUp();
        run.run(COMMANDS);
        run.deepCheck();
        assertTrue(run.tracker.ordersOpened > COMMANDS / 20, "the journaled run opened too few orders to mean much");
    }

    @Test
    void aFreshCoreThatAppliesEveryBatchHasTheLiveDigest()
    {
        final TradingCore replayed = new TradingCore(run.config);
        for (int i = 0; i < run.journalCount; i++)
        {
            replayed.apply(run.eventJournal, run.batchOffsets[i], run.batchLengths[i]);
        }
        assertEquals(run.core.digest(), replayed.digest());
        assertEquals(run.digests[run.journalCount - 1], replayed.digest());
        assertEquals(null, replayed.checkInvariants());
    }

    @Test
    void replayingInChunksMatchesTheLiveDigestAtEveryChunkBoundary()
    {
        final SplittableRandom rng = new SplittableRandom(run.seed);
        final TradingCore replayed = new TradingCore(run.config);
        int next = 0;
        int chunks = 0;
        while (next < run.journalCount)
        {
            final int last = Math.min(run.journalCount - 1, next + rng.nextInt(rng.nextBoolean() ? 3 : 700));
            final int offset = run.batchOffsets[next];
            final int length = run.batchOffsets[last] + run.batchLengths[last] - offset;
            replayed.apply(run.eventJournal, offset, length);
            assertEquals(run.digests[last], replayed.digest(), "digest after replaying batches up to #" + last);
            next = last + 1;
            chunks++;
        }
        assertTrue(chunks > 50);
        assertEquals(run.core.digest(), replayed.digest());
    }

    @Test
    void twoLiveCoresFedTheSameCommandsEmitTheSameBytes()
    {
        final TradingCore second = new TradingCore(run.config);
        final CommandAdapter adapter = new CommandAdapter(second);
        for (int i = 0; i < run.journalCount; i++)
        {
            adapter.onCommand(run.commandJournal, run.commandOffsets[i], run.commandLengths[i]);
            assertSameBatch(i, second);
        }
        assertEquals(run.core.digest(), second.digest());
    }

    @Test
    void aCoreRebuiltFromHalfTheJournalDecidesTheRestAsTheOriginalDid()
    {
        final TradingCore rebuilt = new TradingCore(run.config);
        final int half = run.journalCount / 2;
        for (int i = 0; i < half; i++)
        {
            rebuilt.apply(run.eventJournal, run.batchOffsets[i], run.batchLengths[i]);
        }
        assertEquals(run.digests[half - 1], rebuilt.digest());
        // Books, deadline queue and pools are not in the digest; deciding the rest proves they were rebuilt too.
        final CommandAdapter adapter = new CommandAdapter(rebuilt);
        for (int i = half; i < run.journalCount; i++)
        {
            adapter.onCommand(run.commandJournal, run.commandOffsets[i], run.commandLengths[i]);
            assertSameBatch(i, rebuilt);
        }
        assertEquals(run.core.digest(), rebuilt.digest());
    }

    private static void assertSameBatch(final int index, final TradingCore core)
    {
        final int length = core.batchLength();
        assertEquals(run.batchLengths[index], length, "length of batch #" + index);
        final DirectBuffer expected = new UnsafeBuffer(run.eventJournal, run.batchOffsets[index], length);
        final DirectBuffer actual = new UnsafeBuffer(core.batchBuffer(), 0, length);
        if (expected.compareTo(actual) != 0)
        {
            throw new AssertionError("batch #" + index + " differs from the original run's");
        }
    }
}
