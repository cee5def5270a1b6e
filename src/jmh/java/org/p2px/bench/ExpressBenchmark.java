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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * Express over a varied book: the core picks the best ad (price, then time) that the taker may take for the
 * whole amount, stepping over ads whose payment methods, limits or KYC gate do not fit (with these shapes, 2.7
 * ads looked at per match on the SELL book, 5.1 on the BUY book, the one taken included). One operation is one
 * express that matched; each benchmark then finishes the order inside the same operation so that the book
 * stays as it was.
 *
 * <ul>
 *   <li>{@code buyThenCancel}: 2 commands per operation. Express BUY over {@code ads} SELL ads, then the buyer
 *   cancels: the escrow and quantity go back to the ad, so the book is exactly the same after every
 *   operation. 4,096 takers in strict rotation and 12 s of simulated time per operation keep every taker at
 *   no more than 2 cancels in any 24 h, under the limit of 3.</li>
 *   <li>{@code sellThenRelease}: 3 commands per operation. Express SELL over {@code ads} BUY ads (10^11 USDT
 *   each, never emptied), the buying merchant marks paid, the taker releases.</li>
 * </ul>
 * A Tick every 64 operations drains the deadlines of finished orders (not counted as an operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class ExpressBenchmark
{
    private static final int ADS_PER_MERCHANT = 10;
    private static final int TAKERS = 4_096;
    private static final long FIRST_MERCHANT = 1_000;
    private static final long FIRST_TAKER = 1_000_000;
    private static final long SELL_AD_QUANTITY = 100_000_000L * CoreDriver.USDT_UNIT;
    private static final long BUY_AD_QUANTITY = 100_000_000_000L * CoreDriver.USDT_UNIT;
    private static final long TAKER_BALANCE = 100_000_000L * CoreDriver.USDT_UNIT;
    private static final long CANCEL_STEP_MS = 12_000;
    private static final long STEP_MS = 1_000;
    private static final int TICK_EVERY = 64;
    private static final int WARM_UP_OPERATIONS = 50_000;

    /** Ads on the side the taker meets. */
    @Param({ "10000" })
    public int ads;

    private CoreDriver driver;
    private SplittableRandom random;
    private int nextTaker;
    private int operations;

    @Setup(Level.Trial)
    public void setUp()
    {
        driver = new CoreDriver().standardWorld();
        driver.core.preallocate(2 * ads + 1_024, 4_096);
        final SplittableRandom shapes = new SplittableRandom(11);
        final int merchants = (ads + ADS_PER_MERCHANT - 1) / ADS_PER_MERCHANT;
        for (int m = 0; m < merchants; m++)
        {
            final long seller = FIRST_MERCHANT + 2L * m;
            final long buyer = seller + 1;
            driver.registerUser(seller, Role.MERCHANT, 2);
            driver.registerUser(buyer, Role.MERCHANT, 2);
            driver.deposit(seller, ADS_PER_MERCHANT * CoreDriver.reservationFor(SELL_AD_QUANTITY));
            for (int a = 0; a < ADS_PER_MERCHANT && m * ADS_PER_MERCHANT + a < ads; a++)
            {
                AdShapes.varied(driver.terms, shapes);
                driver.createAd(seller, Side.SELL, SELL_AD_QUANTITY);
                AdShapes.varied(driver.terms, shapes);
                driver.createAd(buyer, Side.BUY, BUY_AD_QUANTITY);
            }
        }
        for (int t = 0; t < TAKERS; t++)
        {
            driver.registerUser(FIRST_TAKER + t, Role.USER, 1);
            driver.deposit(FIRST_TAKER + t, TAKER_BALANCE);
        }
        driver.requireClean("setup");

        random = new SplittableRandom(42);
        // One after the other, not interleaved: the strict rotation of cancelling takers must hold throughout.
        for (int i = 0; i < WARM_UP_OPERATIONS; i++)
        {
            buyThenCancel();
        }
        for (int i = 0; i < WARM_UP_OPERATIONS; i++)
        {
            sellThenRelease();
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
    public void buyThenCancel()
    {
        final CoreDriver driver = this.driver;
        final long taker = nextTaker();
        driver.now += CANCEL_STEP_MS;
        final long orderId = driver.express(taker, Side.BUY, AdShapes.takerFiat(random), takerMethods());
        driver.cancel(taker, orderId);
        tickNow();
    }

    @Benchmark
    public void sellThenRelease()
    {
        final CoreDriver driver = this.driver;
        final long taker = nextTaker();
        driver.now += STEP_MS;
        final long orderId = driver.express(taker, Side.SELL, AdShapes.takerFiat(random), takerMethods());
        final long buyer = driver.openedBuyerIds[0];
        driver.now += STEP_MS;
        driver.markPaid(buyer, orderId);
        driver.now += STEP_MS;
        driver.release(taker, orderId);
        tickNow();
    }

    /** One method three times in four (as a person paying with one app would), else any of the four. */
    private long takerMethods()
    {
        final int draw = random.nextInt(4 * CoreDriver.METHOD_COUNT);
        return draw < 3 * CoreDriver.METHOD_COUNT ? 1L << (draw % CoreDriver.METHOD_COUNT) : CoreDriver.ALL_METHODS;
    }

    private long nextTaker()
    {
        final long taker = FIRST_TAKER + nextTaker;
        nextTaker = (nextTaker + 1) % TAKERS;
        return taker;
    }

    private void tickNow()
    {
        if (++operations % TICK_EVERY == 0)
        {
            driver.tick();
        }
    }
}
