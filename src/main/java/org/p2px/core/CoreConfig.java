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

    public CoreConfig
    {
        if (restrictionStepsMs.length == 0 || restrictionStepsMs.length > MAX_RESTRICTION_STEPS || maxPrePayCancels < 0 || maxPostPayCancels < 0 || adEditLimit < 1 ||
            maxSplitOrders < 1 || maxCrossingOrders < 1 || minPaymentWindowMinutes < 1 ||
            maxUnpaidOrdersPerTaker < 1 || maxUnpaidOrdersNewTaker < 1 || newTakerCompletedOrders < 0 ||
            maxPriceDeviationBps < 0 || maxOpenAdsPerUser < 1 ||
            maxPaymentWindowMinutes < minPaymentWindowMinutes)
        {
            throw new IllegalArgumentException("invalid core configuration: " + this);
        }
        restrictionStepsMs = restrictionStepsMs.clone();
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
