package org.p2px.core;

/**
 * The trading rules an operator can change. Defaults follow the product model (docs/product.md) and are listed
 * with the rules in docs/trading-rules.md; every duration is in milliseconds because time reaches the core as
 * epoch milliseconds inside commands.
 *
 * @param releaseWindowMs           how long a seller has to release after the buyer marked paid.
 * @param appealWaitMs              how long after marking paid either side may appeal.
 * @param minPaymentWindowMinutes   shortest payment window an ad may set.
 * @param maxPaymentWindowMinutes   longest payment window an ad may set.
 * @param maxPaymentMethodsPerAd    how many payment methods one ad may accept.
 * @param adEditLimit               edits allowed per ad within {@code adEditWindowMs}.
 * @param adEditWindowMs            the sliding window of the edit limit.
 * @param postingMinKycLevel        posting threshold for non-merchants: KYC level.
 * @param postingMinAccountAgeMs    posting threshold: account age.
 * @param postingMinCompletedOrders posting threshold: completed orders, all time.
 * @param postingMinCompletionBps   posting threshold: 30-day completion rate in basis points.
 * @param maxPrePayCancels          cancels before payment allowed within {@code cancelWindowMs}; one more restricts.
 * @param maxPostPayCancels         cancels after marking paid allowed within the window; one more restricts.
 * @param cancelWindowMs            the sliding window of the cancel limits.
 * @param restrictionStepsMs        restriction lengths, escalating on each repeat; the last one repeats.
 * @param restrictionResetMs        time without a restriction after which escalation starts over.
 * @param maxMarginBps              largest absolute margin of a floating ad.
 * @param maxFeeBps                 largest maker or taker fee a market may charge.
 * @param maxSplitOrders            most orders one express request with allowSplit may open.
 * @param maxCrossingOrders         most orders one command may open by crossing opted-in ads: what a command
 *                                  does stays bounded, and a pair still crossed when it is reached crosses on the
 *                                  next post, edit, going online or index update.
 * @param maxUnpaidOrdersPerTaker   orders a taker may have waiting for its own payment, across all ads, before it
 *                                  may take (buy) again: nobody holds many merchants' coins without paying.
 * @param maxUnpaidOrdersNewTaker   the same for a taker with fewer than {@code newTakerCompletedOrders}
 *                                  completed orders: a fresh account cannot lock much liquidity.
 * @param newTakerCompletedOrders   completed orders from which a taker is no longer new.
 * @param maxPriceDeviationBps      how far a FIXED price may lie from the market's index price, either way, in
 *                                  basis points of the index (0: no band); no band while the market has no index.
 * @param maxOpenAdsPerUser         ads (ONLINE or OFFLINE) one user may have at once; closing one makes room.
 */
public record CoreConfig(
    long releaseWindowMs,
    long appealWaitMs,
    int minPaymentWindowMinutes,
    int maxPaymentWindowMinutes,
    int maxPaymentMethodsPerAd,
    int adEditLimit,
    long adEditWindowMs,
    int postingMinKycLevel,
    long postingMinAccountAgeMs,
    int postingMinCompletedOrders,
    int postingMinCompletionBps,
    int maxPrePayCancels,
    int maxPostPayCancels,
    long cancelWindowMs,
    long[] restrictionStepsMs,
    long restrictionResetMs,
    int maxMarginBps,
    int maxFeeBps,
    int maxSplitOrders,
    int maxCrossingOrders,
    int maxUnpaidOrdersPerTaker,
    int maxUnpaidOrdersNewTaker,
    int newTakerCompletedOrders,
    int maxPriceDeviationBps,
    int maxOpenAdsPerUser)
{
    /** Restriction steps a rule set may have (the wire form holds this many). */
    public static final int MAX_RESTRICTION_STEPS = 8;
    public static final long MINUTE_MS = 60_000L;
    public static final long HOUR_MS = 60 * MINUTE_MS;
    public static final long DAY_MS = 24 * HOUR_MS;

    /** The highest KYC level a user can have (levels 0 to 3). */
    public static final int MAX_KYC_LEVEL = 3;
    /** All of an amount, in basis points: a fee or a margin at this size would take or give everything. */
    public static final int WHOLE_BPS = 10_000;

    /**
     * What the core needs to run at all; rules journaled before {@link #checkBounds} existed may be odd but are
     * replayed as they were decided.
     *
     * @throws IllegalArgumentException naming every rule out of its range, with its value.
     */
    public CoreConfig
    {
        final RuleChecks check = new RuleChecks();
        check.atLeast("minPaymentWindowMinutes", minPaymentWindowMinutes, 1);
        check.atLeast("maxPaymentWindowMinutes", maxPaymentWindowMinutes, minPaymentWindowMinutes);
        check.atLeast("adEditLimit", adEditLimit, 1);
        check.atLeast("maxPrePayCancels", maxPrePayCancels, 0);
        check.atLeast("maxPostPayCancels", maxPostPayCancels, 0);
        check.within("restrictionSteps (count)", restrictionStepsMs.length, 1, MAX_RESTRICTION_STEPS);
        check.atLeast("maxSplitOrders", maxSplitOrders, 1);
        check.atLeast("maxCrossingOrders", maxCrossingOrders, 1);
        check.atLeast("maxUnpaidOrdersPerTaker", maxUnpaidOrdersPerTaker, 1);
        check.atLeast("maxUnpaidOrdersNewTaker", maxUnpaidOrdersNewTaker, 1);
        check.atLeast("newTakerCompletedOrders", newTakerCompletedOrders, 0);
        check.atLeast("maxPriceDeviationBps", maxPriceDeviationBps, 0);
        check.atLeast("maxOpenAdsPerUser", maxOpenAdsPerUser, 1);
        check.throwIfAny();
        restrictionStepsMs = restrictionStepsMs.clone();
    }

    /**
     * The ranges new rules must keep, checked when an admin sets them and when the configuration is read: nothing
     * zero that must take time, no threshold nobody can reach (KYC above {@link #MAX_KYC_LEVEL}, a rate above
     * 100 %), and no fee or margin of the whole amount or more (a fee above it would leave a buyer a negative
     * balance).
     *
     * @throws IllegalArgumentException naming every rule out of its range, with its value.
     */
    public CoreConfig checkBounds()
    {
        final RuleChecks check = new RuleChecks();
        check.atLeast("releaseWindow", releaseWindowMs, 1);
        check.atLeast("appealWait", appealWaitMs, 0);
        check.atLeast("maxPaymentMethodsPerAd", maxPaymentMethodsPerAd, 1);
        check.atLeast("adEditWindow", adEditWindowMs, 1);
        check.within("postingMinKycLevel", postingMinKycLevel, 0, MAX_KYC_LEVEL);
        check.atLeast("postingMinAccountAge", postingMinAccountAgeMs, 0);
        check.atLeast("postingMinCompletedOrders", postingMinCompletedOrders, 0);
        check.within("postingMinCompletionBps", postingMinCompletionBps, 0, WHOLE_BPS);
        check.atLeast("cancelWindow", cancelWindowMs, 1);
        for (final long step : restrictionStepsMs)
        {
            check.atLeast("restrictionSteps", step, 1);
        }
        check.atLeast("restrictionReset", restrictionResetMs, 0);
        check.within("maxMarginBps", maxMarginBps, 0, WHOLE_BPS - 1);
        check.within("maxFeeBps", maxFeeBps, 0, WHOLE_BPS);
        check.within("maxPriceDeviationBps", maxPriceDeviationBps, 0, WHOLE_BPS - 1);
        check.throwIfAny();
        return this;
    }

    /**
     * The rules a journal starts with, before its first RulesSet: what every replay and replica begins from. They
     * are the defaults, which every journal written before the rules became configurable was decided by.
     */
    public static CoreConfig genesis()
    {
        return defaults();
    }

    /** The defaults docs/trading-rules.md lists. */
    public static CoreConfig defaults()
    {
        return new CoreConfig(
            30 * MINUTE_MS,
            10 * MINUTE_MS,
            15,
            180,
            5,
            10,
            5 * MINUTE_MS,
            1,
            30 * DAY_MS,
            20,
            8_000,
            3,
            1,
            DAY_MS,
            new long[]{ 15 * MINUTE_MS, 30 * MINUTE_MS, HOUR_MS, 4 * HOUR_MS, DAY_MS },
            30 * DAY_MS,
            5_000,
            1_000,
            16,
            64,
            5,
            2,
            3,
            5_000,
            100);
    }

    /** These rules with other limits on a taker's unpaid orders. */
    public CoreConfig withUnpaidOrderLimits(final int perTaker, final int perNewTaker)
    {
        return with(perTaker, perNewTaker, maxPriceDeviationBps);
    }

    /** These rules with another price band (0: none). */
    public CoreConfig withMaxPriceDeviationBps(final int bps)
    {
        return with(maxUnpaidOrdersPerTaker, maxUnpaidOrdersNewTaker, bps);
    }

    private CoreConfig with(final int unpaidPerTaker, final int unpaidPerNewTaker, final int priceBandBps)
    {
        return new CoreConfig(releaseWindowMs, appealWaitMs, minPaymentWindowMinutes, maxPaymentWindowMinutes,
            maxPaymentMethodsPerAd, adEditLimit, adEditWindowMs, postingMinKycLevel, postingMinAccountAgeMs,
            postingMinCompletedOrders, postingMinCompletionBps, maxPrePayCancels, maxPostPayCancels, cancelWindowMs,
            restrictionStepsMs, restrictionResetMs, maxMarginBps, maxFeeBps, maxSplitOrders, maxCrossingOrders,
            unpaidPerTaker, unpaidPerNewTaker, newTakerCompletedOrders, priceBandBps, maxOpenAdsPerUser);
    }

    public long restrictionMs(final int level)
    {
        return restrictionStepsMs[Math.min(level, restrictionStepsMs.length - 1)];
    }
}
