package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.Role;
import org.p2px.core.CoreConfig;
import org.p2px.core.RulesCodec;

/**
 * The configured rules reach the journal at start when they differ from the configured rules it last recorded, and
 * only then: a restart with the same configuration adds nothing (and leaves an admin's change in force), a replay
 * (with or without a snapshot) runs by the journaled rules, and a change of configuration is journaled on the next
 * start.
 */
class EngineRulesTest
{
    @TempDir
    Path data;

    @Test
    void theConfiguredRulesAreJournaledAtStartWhenTheyChange()
    {
        final CoreConfig custom = CoreConfig.defaults().withUnpaidOrderLimits(9, 4);
        final EngineConfig config = EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO).withRules(custom);
        final long journaled;
        try (Engine engine = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            journaled = engine.batchSequence();
            assertEquals(1, journaled, "one RulesSet batch on an empty journal");
            assertTrue(RulesCodec.same(custom, engine.<CoreConfig>query(core -> core.rules())));
        }
        try (Engine engine = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            assertEquals(journaled, engine.batchSequence(), "the same rules again: nothing journaled");
            assertTrue(RulesCodec.same(custom, engine.<CoreConfig>query(core -> core.rules())), "replayed");
        }
        try (Engine engine = Engine.start(config.withRules(CoreConfig.defaults()), SystemEpochClock.INSTANCE))
        {
            assertEquals(journaled + 1, engine.batchSequence(), "back to the defaults, journaled");
            assertTrue(RulesCodec.same(CoreConfig.defaults(), engine.<CoreConfig>query(core -> core.rules())));
        }
    }

    @Test
    void anAdminsChangeOutlivesRestartsWithTheSameConfigurationButNotAChangedOne() throws InterruptedException
    {
        final CoreConfig configured = CoreConfig.defaults().withUnpaidOrderLimits(9, 4);
        final CoreConfig admins = CoreConfig.defaults().withMaxPriceDeviationBps(1_234);
        final CoreConfig reconfigured = CoreConfig.defaults().withUnpaidOrderLimits(5, 2);
        // Snapshots on: the clean shutdown writes one, so the later starts load the configured rules from it.
        final EngineConfig config = EngineConfig.defaults(data).withRules(configured);
        final long changed;
        try (Engine engine = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway admin = new TestGateway(engine.publisher(), 1);
            admin.register(TestGateway.ADMIN, Role.ADMIN);
            admin.offer(admin.proxy().setRules(admin.buffer(), 0, admin.nextCorrelationId(), 0, TestGateway.ADMIN,
                out -> RulesCodec.encode(admins, out)));
            changed = 3;
            awaitBatch(engine, changed);
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (replies.answers.size() < 2 && System.nanoTime() < deadline)
            {
                Thread.sleep(5); // the replies' subscriber runs on a thread of its own
            }
            assertEquals(Map.of(1L, ReplyCollector.ACCEPTED, 2L, ReplyCollector.ACCEPTED), replies.answers,
                "commands decided after the configured rules were journaled at start (by the core's thread)");
            assertTrue(RulesCodec.same(admins, engine.<CoreConfig>query(core -> core.rules())), "the admin's rules");
            assertTrue(RulesCodec.same(configured, engine.<CoreConfig>query(core -> core.configuredRules())));
        }
        for (int restart = 0; restart < 2; restart++)
        {
            try (Engine engine = Engine.start(config, SystemEpochClock.INSTANCE))
            {
                assertEquals(changed, engine.batchSequence(), "the same configuration: nothing journaled");
                assertTrue(RulesCodec.same(admins, engine.<CoreConfig>query(core -> core.rules())),
                    "the admin's rules stay in force");
                assertTrue(RulesCodec.same(configured, engine.<CoreConfig>query(core -> core.configuredRules())));
            }
        }
        try (Engine engine = Engine.start(config.withRules(reconfigured), SystemEpochClock.INSTANCE))
        {
            assertEquals(changed + 1, engine.batchSequence(), "a changed configuration is journaled");
            assertTrue(RulesCodec.same(reconfigured, engine.<CoreConfig>query(core -> core.rules())));
            assertTrue(RulesCodec.same(reconfigured, engine.<CoreConfig>query(core -> core.configuredRules())));
        }
    }

    private static void awaitBatch(final Engine engine, final long batch) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.batchSequence() < batch)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("batch " + batch + " not journaled; at " + engine.batchSequence());
            }
            Thread.sleep(5);
        }
    }
}
