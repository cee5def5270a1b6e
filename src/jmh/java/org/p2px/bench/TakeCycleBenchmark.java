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
 * The plain trade: a taker takes a named SELL ad for a fiat amount, marks it paid, and the merchant releases.
 * Three commands per cycle; {@code perCommand} reports commands per second, {@code perCycle} trades per second.
 *
 * <p>Steady state: 1,000 SELL ads (half fixed, half floating) from 100 funded merchants, each ad holding 10^9
 * USDT so that no run empties one; 1,000 takers picked at random, so no per-user limit is ever approached; every
 * order completes within its cycle. Time moves 100 ms per command, and a Tick every 256 cycles drains the
 * payment and release deadlines of finished orders (one extra command per 768, about 0.1%, not counted as an
 * operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class TakeCycleBenchmark
{
    private static final int MERCHANTS = 100;
    private static final int ADS_PER_MERCHANT = 10;
    private static final int TAKERS = 1_000;
    private static final long FIRST_MERCHANT = 1_000;
    private static final long FIRST_TAKER = 100_000;
    private static final long AD_QUANTITY = 1_000_000_000L * CoreDriver.USDT_UNIT;
    private static final long STEP_MS = 100;
    private static final int TICK_EVERY_CYCLES = 256;
    private static final int WARM_UP_CYCLES = 50_000;

    private CoreDriver driver;
    private SplittableRandom random;
    private final long[] adIds = new long[MERCHANTS * ADS_PER_MERCHANT];
    private final long[] adOwners = new long[MERCHANTS * ADS_PER_MERCHANT];
    private int cycles;

    @Setup(Level.Trial)
    public void setUp()
    {
        driver = new CoreDriver().standardWorld();
        driver.core.preallocate(2 * adIds.length, 4_096);
        final SplittableRandom shapes = new SplittableRandom(7);
        for (int m = 0; m < MERCHANTS; m++)
        {
            final long merchant = FIRST_MERCHANT + m;
            driver.registerUser(merchant, Role.MERCHANT, 2);
            driver.deposit(merchant, ADS_PER_MERCHANT * CoreDriver.reservationFor(AD_QUANTITY));
            for (int a = 0; a < ADS_PER_MERCHANT; a++)
            {
                final int index = m * ADS_PER_MERCHANT + a;
                AdShapes.open(driver.terms, shapes, 50);
                adIds[index] = driver.createAd(merchant, Side.SELL, AD_QUANTITY);
                adOwners[index] = merchant;
            }
        }
        for (int t = 0; t < TAKERS; t++)
        {
            driver.registerUser(FIRST_TAKER + t, Role.USER, 1);
        }
        driver.requireClean("setup");

        random = new SplittableRandom(42);
        for (int i = 0; i < WARM_UP_CYCLES; i++)
        {
            cycle();
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
    @OperationsPerInvocation(3)
    public void perCommand()
    {
        cycle();
    }

    @Benchmark
    public void perCycle()
    {
        cycle();
    }

    private void cycle()
    {
        final CoreDriver driver = this.driver;
        final int ad = random.nextInt(adIds.length);
        final long taker = FIRST_TAKER + random.nextInt(TAKERS);
        driver.now += STEP_MS;
        final long orderId =
            driver.take(taker, adIds[ad], AdShapes.takerFiat(random), random.nextInt(CoreDriver.METHOD_COUNT));
        driver.now += STEP_MS;
        driver.markPaid(taker, orderId);
        driver.now += STEP_MS;
        driver.release(adOwners[ad], orderId);
        if (++cycles % TICK_EVERY_CYCLES == 0)
        {
            driver.tick();
        }
    }
}
