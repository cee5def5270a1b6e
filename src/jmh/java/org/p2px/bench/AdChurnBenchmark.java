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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * Ad churn on a live book: each cycle posts one ad, edits one (UpdateAd with new price, limits and methods, so
 * it moves in the book), and closes one, three commands; one operation is one command.
 *
 * <p>Steady state: the book holds {@code liveAds} ads at all times, kept in a ring in posting order: a cycle
 * posts at the tail, edits the ad half-way along the ring, and closes the oldest. Every ad is thus edited
 * exactly once in its life, far under the limit of 10 edits per 5 minutes, whatever the pace of simulated time
 * (one second per command). Owners rotate over 500 merchants, so each holds the same number of live ads and its
 * SELL reservations stay bounded by its deposit. Sides, fixed or floating prices, methods, limits and gates are
 * drawn from a seeded random.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class AdChurnBenchmark
{
    private static final int MERCHANTS = 500;
    private static final long FIRST_MERCHANT = 1_000;
    private static final long MAX_AD_USDT = 100_000;
    private static final long STEP_MS = 1_000;
    private static final int WARM_UP_CYCLES = 100_000;

    /** Ads in the book at all times. */
    @Param({ "10000" })
    public int liveAds;

    private CoreDriver driver;
    private SplittableRandom random;
    private long[] ringAds;
    private long[] ringOwners;
    private int head;
    private int nextOwner;

    @Setup(Level.Trial)
    public void setUp()
    {
        driver = new CoreDriver().standardWorld();
        driver.core.preallocate(2 * liveAds, 1_024);
        final long perMerchant = (liveAds + MERCHANTS - 1) / MERCHANTS + 1;
        for (int m = 0; m < MERCHANTS; m++)
        {
            driver.registerUser(FIRST_MERCHANT + m, Role.MERCHANT, 2);
            driver.deposit(
                FIRST_MERCHANT + m, perMerchant * CoreDriver.reservationFor(MAX_AD_USDT * CoreDriver.USDT_UNIT));
        }
        ringAds = new long[liveAds + 1];
        ringOwners = new long[liveAds + 1];
        random = new SplittableRandom(42);
        for (int i = 0; i < liveAds; i++)
        {
            post(i);
        }
        driver.requireClean("setup");

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

    private void cycle()
    {
        final int size = ringAds.length;
        post((head + liveAds) % size);
        final int middle = (head + liveAds / 2) % size;
        driver.now += STEP_MS;
        AdShapes.varied(driver.terms, random);
        driver.updateAd(ringOwners[middle], ringAds[middle]);
        driver.now += STEP_MS;
        driver.closeAd(ringOwners[head], ringAds[head]);
        head = (head + 1) % size;
    }

    private void post(final int slot)
    {
        final long owner = FIRST_MERCHANT + nextOwner;
        nextOwner = (nextOwner + 1) % MERCHANTS;
        AdShapes.varied(driver.terms, random);
        driver.now += STEP_MS;
        ringAds[slot] = driver.createAd(owner, random.nextBoolean() ? Side.SELL : Side.BUY,
            (1_000 + random.nextLong(MAX_AD_USDT - 1_000 + 1)) * CoreDriver.USDT_UNIT);
        ringOwners[slot] = owner;
    }
}
