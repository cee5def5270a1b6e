/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * Exchange-style crossing of opted-in ads. A merchant posts an autoMatch BUY ad priced above the opted-in SELL
 * book; the core pairs it with the best resting SELL ad (price, then time) at the resting ad's price, which
 * fills the BUY ad in one order. The buyer marks paid, the seller releases, and the buyer closes the spent ad:
 * four commands per crossing. {@code perCrossing} reports crossings per second, {@code perCommand} commands per
 * second.
 *
 * <p>Steady state: 1,000 resting autoMatch SELL ads (fixed prices 0.9200 to 0.9299, 5 x 10^9 USDT each) from 100
 * merchants; 100 buying merchants in rotation post BUY ads of 50 to 300 USDT at 0.9300 to 0.9399. Should the
 * best SELL ad ever run short, the BUY ad fills across two and both orders are finished the same way. One
 * second of simulated time per command; a Tick every 256 crossings drains finished orders' deadlines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class CrossingBenchmark
{
    private static final int SELLERS = 100;
    private static final int ADS_PER_SELLER = 10;
    private static final int BUYERS = 100;
    private static final long FIRST_SELLER = 1_000;
    private static final long FIRST_BUYER = 10_000;
    private static final long SELL_AD_QUANTITY = 5_000_000_000L * CoreDriver.USDT_UNIT;
    private static final long LOWEST_SELL_PRICE = 9200;
    private static final long LOWEST_BUY_PRICE = 9300;
    private static final int PRICE_SPREAD = 100;
    private static final long STEP_MS = 1_000;
    private static final int TICK_EVERY = 256;
    private static final int WARM_UP_CROSSINGS = 50_000;

    private CoreDriver driver;
    private SplittableRandom random;
    private int nextBuyer;
    private int crossings;
    private final long[] orderIds = new long[CoreDriver.MAX_OPENED];
    private final long[] sellerIds = new long[CoreDriver.MAX_OPENED];

    @Setup(Level.Trial)
    public void setUp()
    {
        driver = new CoreDriver().standardWorld();
        driver.core.preallocate(SELLERS * ADS_PER_SELLER + 1_024, 1_024);
        final SplittableRandom shapes = new SplittableRandom(13);
        for (int s = 0; s < SELLERS; s++)
        {
            final long seller = FIRST_SELLER + s;
            driver.registerUser(seller, Role.MERCHANT, 2);
            driver.deposit(seller, ADS_PER_SELLER * CoreDriver.reservationFor(SELL_AD_QUANTITY));
            for (int a = 0; a < ADS_PER_SELLER; a++)
            {
                autoMatchTerms(LOWEST_SELL_PRICE + shapes.nextInt(PRICE_SPREAD));
                driver.createAd(seller, Side.SELL, SELL_AD_QUANTITY);
            }
        }
        for (int b = 0; b < BUYERS; b++)
        {
            driver.registerUser(FIRST_BUYER + b, Role.MERCHANT, 2);
        }
        driver.requireClean("setup");

        random = new SplittableRandom(42);
        for (int i = 0; i < WARM_UP_CROSSINGS; i++)
        {
            crossing();
        }
        driver.requireClean("warm-up check");
    }

    @Setup(Level.Iteration)
    public void markAllocation()
    {
        driver.markAllocation();
    }

    @TearDown(Level.Iteration)
    public void check()
    {
        System.out.println(driver.allocationSinceMark());
        driver.requireClean("after iteration");
    }

    @Benchmark
    public void perCrossing()
    {
        crossing();
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void perCommand()
    {
        crossing();
    }

    private void crossing()
    {
        final CoreDriver driver = this.driver;
        final long buyer = FIRST_BUYER + nextBuyer;
        nextBuyer = (nextBuyer + 1) % BUYERS;
        autoMatchTerms(LOWEST_BUY_PRICE + random.nextInt(PRICE_SPREAD));
        driver.now += STEP_MS;
        final long adId = driver.createAd(buyer, Side.BUY, (50 + random.nextInt(251)) * CoreDriver.USDT_UNIT);
        final int opened = driver.openedCount;
        if (opened == 0)
        {
            driver.anomaly("an autoMatch BUY ad above the SELL book crossed nothing");
        }
        for (int i = 0; i < opened; i++)
        {
            orderIds[i] = driver.openedOrderIds[i];
            sellerIds[i] = driver.openedSellerIds[i];
        }
        driver.now += STEP_MS;
        for (int i = 0; i < opened; i++)
        {
            driver.markPaid(buyer, orderIds[i]);
        }
        driver.now += STEP_MS;
        for (int i = 0; i < opened; i++)
        {
            driver.release(sellerIds[i], orderIds[i]);
        }
        driver.now += STEP_MS;
        driver.closeAd(buyer, adId);
        if (++crossings % TICK_EVERY == 0)
        {
            driver.tick();
        }
    }

    private void autoMatchTerms(final long price)
    {
        driver.terms.fixed(price)
            .limits(10 * CoreDriver.EUR_UNIT, 5_000 * CoreDriver.EUR_UNIT)
            .paymentMethods(CoreDriver.ALL_METHODS)
            .gates(0, 0, 0, 0)
            .autoMatch(true);
    }
}
