package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.ADMIN;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.RulesDecoder;
import org.p2px.codec.RulesEncoder;
import org.p2px.codec.RulesWriter;
import org.p2px.codec.Side;

/**
 * The trading rules are state: an admin (or the server at start, actor 0) sets them with a command, the RulesSet
 * event carries them, every later command is decided by them, and replays and snapshots keep them.
 */
class TradingRulesTest
{
    private static final long MERCHANT = 10;
    private static final long USER = 20;

    private CoreHarness h;

    @BeforeEach
    void givenTheStandardWorld()
    {
        h = new CoreHarness().standardWorld();
        h.merchant(MERCHANT, 1_000);
        h.user(USER, 0);
    }

    @AfterEach
    void stateIsSoundAndReplayable()
    {
        h.assertSoundAndReplayable();
    }

    @Test
    void anAdminsNewRulesDecideTheNextCommand()
    {
        ok(h.setRules(ADMIN, defaultsWith(out -> out.maxOpenAdsPerUser(1))));
        assertEquals(List.of("RulesSet"), h.events());
        assertEquals(1, h.state().config.maxOpenAdsPerUser());
        ok(h.createAd(MERCHANT, Side.SELL, 10 * CoreHarness.USDT_UNIT, org.p2px.codec.AdStatus.ONLINE, terms(9_200)));
        assertEquals(ErrorCode.TOO_MANY_ADS,
            h.createAd(MERCHANT, Side.SELL, 10 * CoreHarness.USDT_UNIT, org.p2px.codec.AdStatus.ONLINE, terms(9_200)));
    }

    @Test
    void theServerItselfMaySetThemAtStart()
    {
        ok(h.setRules(0, out -> RulesCodec.encode(CoreConfig.defaults().withUnpaidOrderLimits(7, 3), out)));
        assertEquals(List.of("RulesSet", "ConfiguredRulesSet"), h.events(), "the server's own: also the configured");
        assertEquals(7, h.state().config.maxUnpaidOrdersPerTaker());
        assertEquals(7, h.state().configuredRules.maxUnpaidOrdersPerTaker());
    }

    @Test
    void anAdminsChangeLeavesTheConfiguredRulesAsTheyWere()
    {
        final CoreConfig configured = CoreConfig.defaults().withUnpaidOrderLimits(7, 3);
        ok(h.setRules(0, out -> RulesCodec.encode(configured, out)));
        ok(h.setRules(ADMIN, out -> RulesCodec.encode(CoreConfig.defaults().withMaxPriceDeviationBps(1_234), out)));
        assertEquals(List.of("RulesSet"), h.events());
        assertEquals(1_234, h.state().config.maxPriceDeviationBps());
        assertTrue(RulesCodec.same(configured, h.state().configuredRules), "what a start compares its configuration with");
    }

    @Test
    void aSnapshotKeepsTheConfiguredRulesAndItsDigestCoversThem()
    {
        ok(h.setRules(0, out -> RulesCodec.encode(CoreConfig.defaults().withUnpaidOrderLimits(7, 3), out)));
        ok(h.setRules(ADMIN, out -> RulesCodec.encode(CoreConfig.defaults(), out)));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 20]);
        final int length = h.core.writeSnapshot(buffer, 0);
        final TradingCore loaded = TradingCore.fromSnapshot(CoreConfig.genesis(), buffer, 0, length);
        assertTrue(RulesCodec.same(h.state().configuredRules, loaded.configuredRules()), "the snapshot's configured");
        assertTrue(RulesCodec.same(CoreConfig.defaults(), loaded.rules()), "and the admin's in force");
        assertEquals(h.core.digest(), loaded.digest());

        ok(h.setRules(0, out -> RulesCodec.encode(CoreConfig.defaults(), out)));
        assertTrue(RulesCodec.same(CoreConfig.defaults(), h.state().config), "the same rules in force as loaded");
        assertTrue(h.core.digest() != loaded.digest(), "the digest covers the configured rules");
    }

    @Test
    void nobodyElseMayAndNothingChanges()
    {
        final long digest = h.core.digest();
        assertEquals(ErrorCode.NOT_ADMIN, h.setRules(USER, out -> RulesCodec.encode(CoreConfig.defaults(), out)));
        assertEquals(List.of(), h.events());
        assertEquals(digest, h.core.digest());
    }

    @Test
    void rulesTheCoreCannotRunWithAreRefused()
    {
        final long digest = h.core.digest();
        assertEquals(ErrorCode.INVALID_RULES,
            h.setRules(ADMIN, defaultsWith(out -> out.adEditLimit(0))));
        assertEquals(ErrorCode.INVALID_RULES,
            h.setRules(ADMIN, defaultsWith(out -> out.restrictionStepCount((short)0))));
        assertEquals(ErrorCode.INVALID_RULES, h.setRules(ADMIN, defaultsWith(out -> out.maxPaymentWindowMinutes(10))));
        assertEquals(digest, h.core.digest());
    }

    @Test
    void rulesOutOfTheirRangesAreRefusedAndNothingChanges()
    {
        final long digest = h.core.digest();
        // A fee above the whole amount left a buyer a negative balance (and a server that would not start again).
        assertEquals(ErrorCode.INVALID_RULES, h.setRules(ADMIN, defaultsWith(out -> out.maxFeeBps(20_000))));
        assertEquals(ErrorCode.INVALID_RULES, h.setRules(ADMIN, defaultsWith(out -> out.releaseWindowMs(0))));
        assertEquals(ErrorCode.INVALID_RULES, h.setRules(ADMIN, defaultsWith(out -> out.maxMarginBps(-5))));
        assertEquals(ErrorCode.INVALID_RULES, h.setRules(ADMIN, defaultsWith(out -> out.postingMinKycLevel(9))));
        assertEquals(ErrorCode.INVALID_RULES,
            h.setRules(ADMIN, defaultsWith(out -> out.postingMinCompletionBps(20_000))));
        assertEquals(ErrorCode.INVALID_RULES, h.setRules(0, defaultsWith(out -> out.maxFeeBps(10_001))));
        assertEquals(digest, h.core.digest());
        ok(h.setRules(ADMIN, defaultsWith(out -> out.maxFeeBps(10_000))));
    }

    @Test
    void oddRulesAlreadyJournaledStillReplayButNoMarketChargesTheWholeAmountOrMore()
    {
        // Rules an older server let through (no bounds then) are replayed as decided...
        final UnsafeBuffer wire = new UnsafeBuffer(new byte[1024]);
        defaultsWith(out -> out.maxFeeBps(20_000)).write(new RulesEncoder().wrap(wire, 0));
        final CoreConfig odd = RulesCodec.decode(new RulesDecoder().wrap(wire, 0));
        final CoreHarness old = new CoreHarness(odd).standardWorld();
        assertEquals(20_000, old.state().config.maxFeeBps());
        // ...but a market above the whole amount is refused all the same.
        assertEquals(ErrorCode.INVALID_FEE, old.createMarket(ADMIN, 7, CoreHarness.USDT, CoreHarness.EUR, 4, 1,
            10 * CoreHarness.EUR_UNIT, 15_000, 0, 0b1111));
        ok(old.createMarket(ADMIN, 8, CoreHarness.USDT, CoreHarness.EUR, 4, 1, 10 * CoreHarness.EUR_UNIT, 10_000, 0,
            0b1111));
        old.assertSoundAndReplayable();
    }

    @Test
    void fewerAllowedCancelsKeepTheNewestAndRestrictOnTheNextOne()
    {
        // Rules that allow 1 cancel before paying instead of 3, then back to 3: each user's ring keeps the newest.
        ok(h.setRules(ADMIN, defaultsWith(out -> out.maxPrePayCancels(1))));
        assertEquals(2, h.state().users.get(USER).prePayCancels.capacity());
        ok(h.setRules(ADMIN, out -> RulesCodec.encode(CoreConfig.defaults(), out)));
        assertEquals(4, h.state().users.get(USER).prePayCancels.capacity());
    }

    /** The defaults with one field changed after encoding them. */
    private static RulesWriter defaultsWith(final java.util.function.Consumer<RulesEncoder> change)
    {
        return out ->
        {
            RulesCodec.encode(CoreConfig.defaults(), out);
            change.accept(out);
        };
    }

    @Test
    void aSnapshotKeepsTheRulesAndItsDigestCoversThem()
    {
        ok(h.setRules(ADMIN, out -> RulesCodec.encode(CoreConfig.defaults().withMaxPriceDeviationBps(1_234), out)));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 20]);
        final int length = h.core.writeSnapshot(buffer, 0);
        final TradingCore loaded = TradingCore.fromSnapshot(CoreConfig.genesis(), buffer, 0, length);
        assertTrue(RulesCodec.same(h.state().config, loaded.rules()), "the snapshot's rules");
        assertEquals(h.core.digest(), loaded.digest());

        ok(h.setRules(ADMIN, out -> RulesCodec.encode(CoreConfig.defaults(), out)));
        assertTrue(h.core.digest() != loaded.digest(), "the digest covers the rules");
    }
}
