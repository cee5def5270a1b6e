package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.core.CoreConfig;
import org.p2px.core.RulesCodec;

/**
 * The configured rules reach the journal at start when they differ from the rules in force, and only then: a
 * restart with the same configuration adds nothing, a replay (with or without a snapshot) runs by the journaled
 * rules, and a change of configuration is journaled on the next start.
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
}
