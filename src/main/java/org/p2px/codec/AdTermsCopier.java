package org.p2px.codec;

/**
 * Copies ad terms from a decoded command into an event being encoded, field by field, without allocating.
 */
public final class AdTermsCopier
{
    private AdTermsCopier()
    {
    }

    public static void copy(final AdTermsDecoder from, final AdTermsEncoder to)
    {
        to.priceType(WireEnums.priceType(from.priceTypeRaw()))
            .price(from.price())
            .marginBps(from.marginBps())
            .minFiat(from.minFiat())
            .maxFiat(from.maxFiat())
            .paymentMethods(from.paymentMethods())
            .paymentWindowMinutes(from.paymentWindowMinutes())
            .minKycLevel(from.minKycLevel())
            .minAccountAgeDays(from.minAccountAgeDays())
            .minCompletedOrders(from.minCompletedOrders())
            .minCompletionRateBps(from.minCompletionRateBps())
            .maxOpenOrdersPerTaker(from.maxOpenOrdersPerTaker())
            .visibility(WireEnums.visibility(from.visibilityRaw()))
            .autoMatch(WireEnums.flag(WireEnums.flag(from.autoMatchRaw())));
    }
}
