/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.bench;

import java.util.SplittableRandom;

import org.p2px.codec.AdTermsSpec;

/**
 * The shapes of ads the benchmarks post, drawn from a seeded {@link SplittableRandom} so that every run builds
 * the same books. Prices sit in a band around the 0.9200 EUR index: fixed ones on 200 ticks from 0.9150 to
 * 0.9349, floating ones within 100 bps of the index.
 */
final class AdShapes
{
    static final long LOWEST_FIXED_PRICE = 9150;
    static final int FIXED_PRICE_LEVELS = 200;
    static final int MAX_MARGIN_BPS = 100;
    private static final long[] MIN_FIAT_EUR = { 10, 20, 50, 100 };
    private static final long[] MAX_FIAT_EUR = { 500, 1_000, 2_000, 5_000 };

    private AdShapes()
    {
    }

    /** Terms any taker meets: no gates, every payment method, limits 10 to 5,000 EUR, fixed or floating. */
    static AdTermsSpec open(final AdTermsSpec terms, final SplittableRandom random, final int floatingPercent)
    {
        return open(terms, random, floatingPercent, 0);
    }

    /** As {@link #open(AdTermsSpec, SplittableRandom, int)}, with the price band moved by {@code offsetTicks}. */
    static AdTermsSpec open(
        final AdTermsSpec terms, final SplittableRandom random, final int floatingPercent, final int offsetTicks)
    {
        price(terms, random, floatingPercent, offsetTicks);
        terms.limits(10 * CoreDriver.EUR_UNIT, 5_000 * CoreDriver.EUR_UNIT)
            .paymentMethods(CoreDriver.ALL_METHODS)
            .paymentWindowMinutes(15)
            .gates(0, 0, 0, 0)
            .autoMatch(false);
        return terms;
    }

    /**
     * Terms as a varied book has them: 1 to 4 payment methods, limits from {10..100} to {500..5,000} EUR, a KYC
     * level 2 gate on one ad in five, 20% floating; payment windows 15 to 60 minutes.
     */
    static AdTermsSpec varied(final AdTermsSpec terms, final SplittableRandom random)
    {
        return varied(terms, random, 0);
    }

    /** As {@link #varied(AdTermsSpec, SplittableRandom)}, with the price band moved by {@code offsetTicks}. */
    static AdTermsSpec varied(final AdTermsSpec terms, final SplittableRandom random, final int offsetTicks)
    {
        price(terms, random, 20, offsetTicks);
        terms.limits(
                MIN_FIAT_EUR[random.nextInt(MIN_FIAT_EUR.length)] * CoreDriver.EUR_UNIT,
                MAX_FIAT_EUR[random.nextInt(MAX_FIAT_EUR.length)] * CoreDriver.EUR_UNIT)
            .paymentMethods(1 + random.nextInt((int)CoreDriver.ALL_METHODS))
            .paymentWindowMinutes(15 + 15 * random.nextInt(4))
            .gates(random.nextInt(5) == 0 ? 2 : 0, 0, 0, 0)
            .autoMatch(false);
        return terms;
    }

    /** A fiat amount a taker asks for: 10 to 1,000 EUR in whole euros. */
    static long takerFiat(final SplittableRandom random)
    {
        return (10 + random.nextInt(991)) * CoreDriver.EUR_UNIT;
    }

    /** A fixed price in the band, or a margin that lands in it at the 0.9200 index (1 tick is about 1 bp). */
    private static void price(
        final AdTermsSpec terms, final SplittableRandom random, final int floatingPercent, final int offsetTicks)
    {
        if (random.nextInt(100) < floatingPercent)
        {
            terms.floating(random.nextInt(2 * MAX_MARGIN_BPS + 1) - MAX_MARGIN_BPS + offsetTicks);
        }
        else
        {
            terms.fixed(LOWEST_FIXED_PRICE + offsetTicks + random.nextInt(FIXED_PRICE_LEVELS));
        }
    }
}
