package org.p2px.core;

import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.RulesDecoder;
import org.p2px.codec.RulesEncoder;

/** The trading rules ({@link CoreConfig}) to and from their SBE form in commands, events and snapshots. */
public final class RulesCodec
{
    /** Restriction steps the wire form holds. */
    public static final int MAX_RESTRICTION_STEPS = RulesEncoder.restrictionStepsMsLength();

    private RulesCodec()
    {
    }

    public static void encode(final CoreConfig rules, final RulesEncoder out)
    {
        final long[] steps = rules.restrictionStepsMs();
        if (steps.length > MAX_RESTRICTION_STEPS)
        {
            throw new IllegalArgumentException("at most " + MAX_RESTRICTION_STEPS + " restriction steps");
        }
        out.releaseWindowMs(rules.releaseWindowMs())
            .appealWaitMs(rules.appealWaitMs())
            .minPaymentWindowMinutes(rules.minPaymentWindowMinutes())
            .maxPaymentWindowMinutes(rules.maxPaymentWindowMinutes())
            .maxPaymentMethodsPerAd(rules.maxPaymentMethodsPerAd())
            .adEditLimit(rules.adEditLimit())
            .adEditWindowMs(rules.adEditWindowMs())
            .postingMinKycLevel(rules.postingMinKycLevel())
            .postingMinAccountAgeMs(rules.postingMinAccountAgeMs())
            .postingMinCompletedOrders(rules.postingMinCompletedOrders())
            .postingMinCompletionBps(rules.postingMinCompletionBps())
            .maxPrePayCancels(rules.maxPrePayCancels())
            .maxPostPayCancels(rules.maxPostPayCancels())
            .cancelWindowMs(rules.cancelWindowMs())
            .restrictionStepCount((short)steps.length)
            .restrictionResetMs(rules.restrictionResetMs())
            .maxMarginBps(rules.maxMarginBps())
            .maxFeeBps(rules.maxFeeBps())
            .maxSplitOrders(rules.maxSplitOrders())
            .maxCrossingOrders(rules.maxCrossingOrders())
            .maxUnpaidOrdersPerTaker(rules.maxUnpaidOrdersPerTaker())
            .maxUnpaidOrdersNewTaker(rules.maxUnpaidOrdersNewTaker())
            .newTakerCompletedOrders(rules.newTakerCompletedOrders())
            .maxPriceDeviationBps(rules.maxPriceDeviationBps())
            .maxOpenAdsPerUser(rules.maxOpenAdsPerUser());
        for (int i = 0; i < MAX_RESTRICTION_STEPS; i++)
        {
            out.restrictionStepsMs(i, i < steps.length ? steps[i] : 0);
        }
    }

    /** @throws IllegalArgumentException for rules the core cannot run with (CoreConfig's checks). */
    public static CoreConfig decode(final RulesDecoder in)
    {
        final int count = in.restrictionStepCount();
        if (count > MAX_RESTRICTION_STEPS)
        {
            throw new IllegalArgumentException("at most " + MAX_RESTRICTION_STEPS + " restriction steps");
        }
        final long[] steps = new long[count];
        for (int i = 0; i < count; i++)
        {
            steps[i] = in.restrictionStepsMs(i);
        }
        return new CoreConfig(in.releaseWindowMs(), in.appealWaitMs(), in.minPaymentWindowMinutes(),
            in.maxPaymentWindowMinutes(), in.maxPaymentMethodsPerAd(), in.adEditLimit(), in.adEditWindowMs(),
            in.postingMinKycLevel(), in.postingMinAccountAgeMs(), in.postingMinCompletedOrders(),
            in.postingMinCompletionBps(), in.maxPrePayCancels(), in.maxPostPayCancels(), in.cancelWindowMs(), steps,
            in.restrictionResetMs(), in.maxMarginBps(), in.maxFeeBps(), in.maxSplitOrders(), in.maxCrossingOrders(),
            in.maxUnpaidOrdersPerTaker(), in.maxUnpaidOrdersNewTaker(), in.newTakerCompletedOrders(),
            in.maxPriceDeviationBps(), in.maxOpenAdsPerUser());
    }

    /** Value equality, as their wire forms (the record's own equality compares the steps array by identity). */
    public static boolean same(final CoreConfig a, final CoreConfig b)
    {
        return Arrays.equals(bytes(a), bytes(b));
    }

    /** A digest of the rules' values, for the state digest. */
    static long digest(final CoreConfig rules)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes(rules));
        long hash = 9;
        for (int at = 0; at + Long.BYTES <= buffer.capacity(); at += Long.BYTES)
        {
            hash = Digests.mix(hash, buffer.getLong(at));
        }
        return hash;
    }

    private static byte[] bytes(final CoreConfig rules)
    {
        final byte[] bytes = new byte[RulesEncoder.ENCODED_LENGTH];
        encode(rules, new RulesEncoder().wrap(new UnsafeBuffer(bytes), 0));
        return bytes;
    }
}
