package org.p2px.codec;

/**
 * The terms of an ad as plain values, for whoever builds a CreateAd or UpdateAd command. Mutable and reusable:
 * a gateway thread or a benchmark keeps one and sets what it needs. Defaults: a FIXED, PUBLIC ad with a
 * 15-minute payment window, no counterparty gates and no auto-matching.
 */
public final class AdTermsSpec
{
    public PriceType priceType = PriceType.FIXED;
    public long price;
    public int marginBps;
    public long minFiat;
    public long maxFiat;
    public long paymentMethods;
    public int paymentWindowMinutes = 15;
    public int minKycLevel;
    public int minAccountAgeDays;
    public int minCompletedOrders;
    public int minCompletionRateBps;
    public int maxOpenOrdersPerTaker;
    public Visibility visibility = Visibility.PUBLIC;
    public boolean autoMatch;

    public AdTermsSpec fixed(final long price)
    {
        this.priceType = PriceType.FIXED;
        this.price = price;
        this.marginBps = 0;
        return this;
    }

    public AdTermsSpec floating(final int marginBps)
    {
        this.priceType = PriceType.FLOATING;
        this.price = 0;
        this.marginBps = marginBps;
        return this;
    }

    public AdTermsSpec limits(final long minFiat, final long maxFiat)
    {
        this.minFiat = minFiat;
        this.maxFiat = maxFiat;
        return this;
    }

    public AdTermsSpec paymentMethods(final long paymentMethods)
    {
        this.paymentMethods = paymentMethods;
        return this;
    }

    public AdTermsSpec paymentWindowMinutes(final int minutes)
    {
        this.paymentWindowMinutes = minutes;
        return this;
    }

    public AdTermsSpec gates(
        final int minKycLevel,
        final int minAccountAgeDays,
        final int minCompletedOrders,
        final int minCompletionRateBps)
    {
        this.minKycLevel = minKycLevel;
        this.minAccountAgeDays = minAccountAgeDays;
        this.minCompletedOrders = minCompletedOrders;
        this.minCompletionRateBps = minCompletionRateBps;
        return this;
    }

    public AdTermsSpec maxOpenOrdersPerTaker(final int max)
    {
        this.maxOpenOrdersPerTaker = max;
        return this;
    }

    public AdTermsSpec visibility(final Visibility visibility)
    {
        this.visibility = visibility;
        return this;
    }

    public AdTermsSpec autoMatch(final boolean autoMatch)
    {
        this.autoMatch = autoMatch;
        return this;
    }

    public AdTermsSpec copyFrom(final AdTermsSpec other)
    {
        priceType = other.priceType;
        price = other.price;
        marginBps = other.marginBps;
        minFiat = other.minFiat;
        maxFiat = other.maxFiat;
        paymentMethods = other.paymentMethods;
        paymentWindowMinutes = other.paymentWindowMinutes;
        minKycLevel = other.minKycLevel;
        minAccountAgeDays = other.minAccountAgeDays;
        minCompletedOrders = other.minCompletedOrders;
        minCompletionRateBps = other.minCompletionRateBps;
        maxOpenOrdersPerTaker = other.maxOpenOrdersPerTaker;
        visibility = other.visibility;
        autoMatch = other.autoMatch;
        return this;
    }

    /** Writes these terms; out-of-range numbers are clamped to the wire type, where the core rejects them. */
    public void encode(final AdTermsEncoder encoder)
    {
        encoder.priceType(priceType)
            .price(price)
            .marginBps(marginBps)
            .minFiat(minFiat)
            .maxFiat(maxFiat)
            .paymentMethods(paymentMethods)
            .paymentWindowMinutes(clampUnsigned(paymentWindowMinutes, 0xFFFF))
            .minKycLevel((short)clampUnsigned(minKycLevel, 0xFF))
            .minAccountAgeDays(clampUnsigned(minAccountAgeDays, 0xFFFF))
            .minCompletedOrders(minCompletedOrders)
            .minCompletionRateBps(clampUnsigned(minCompletionRateBps, 0xFFFF))
            .maxOpenOrdersPerTaker(clampUnsigned(maxOpenOrdersPerTaker, 0xFFFF))
            .visibility(visibility)
            .autoMatch(WireEnums.flag(autoMatch));
    }

    private static int clampUnsigned(final int value, final int max)
    {
        return Math.max(0, Math.min(value, max));
    }
}
