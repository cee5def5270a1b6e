/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.agrona.collections.Long2LongHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * A realistic mix of every kind of trading command, in steady state; one operation is one command. Each
 * invocation sends exactly one command, chosen the way a live market interleaves them: trades are started by
 * new flows and finished later by follow-ups (mark paid, release, cancel, close, unblock) that wait in a FIFO
 * queue of about {@value #PENDING_TARGET} steps, so around a thousand orders are open at any moment.
 *
 * <p>New flows, per 1,000: take a SELL ad 250 and a BUY ad 100 (take, paid, release); express buy 150 and
 * express sell 50 (express, paid, release); express buy then cancel 30; crossing 50 (autoMatch BUY ad, close,
 * paid, release); ad churn 300 (post, edit or close, in turn); index update 30; deposit 15; withdrawal 15; block
 * 10 (then unblock). Plus a Tick every 1,000 commands; a deposit and top-up whenever a standing SELL ad has given
 * 10^7 USDT; and a close and a fresh post whenever a churned ad has less than 2,000 USDT left, as a merchant's
 * bot would do. The warm-up in {@link #setUp()} prints the resulting command mix.
 *
 * <p>The world: a ring of 4,000 churned ads with varied terms (methods, limits, KYC gates, 20% floating) at the
 * top of both books; behind them 2,000 standing SELL ads and 2,000 standing BUY ads (open terms, 30% floating,
 * never emptied), the BUY side priced below the SELL side; 200 resting autoMatch SELL ads; 8,192 takers picked at
 * random and 8,192 cancelling takers in rotation (about 1.4 cancels each per 24 h, and never a fourth: a taker
 * with 3 in the window is given a plain express buy instead, so the cancel limit never restricts anyone). An
 * express looks at about 4 ads per match, the one it takes included. Simulated time moves 100 ms per command,
 * which keeps every follow-up well inside the payment and release windows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class MixedWorkloadBenchmark
{
    static final int PENDING_TARGET = 1_024;
    private static final long STEP_MS = 100;
    private static final int TICK_EVERY = 1_000;
    private static final int WARM_UP_COMMANDS = 2_000_000;
    private static final long HOUR_MS = 60L * 60 * 1_000;
    private static final long DAY_MS = 24 * HOUR_MS;

    private static final int STANDING_MERCHANTS = 200;
    private static final int STANDING_ADS_PER_MERCHANT = 10;
    private static final int STANDING_ADS = STANDING_MERCHANTS * STANDING_ADS_PER_MERCHANT;
    private static final int CROSS_SELLERS = 50;
    private static final int CROSS_ADS_PER_SELLER = 4;
    private static final int CROSS_SELL_ADS = CROSS_SELLERS * CROSS_ADS_PER_SELLER;
    private static final int CROSS_BUYERS = 100;
    private static final int CHURN_MERCHANTS = 200;
    private static final int CHURN_ADS = 4_000;
    private static final int TAKERS = 8_192;
    private static final int CANCELLERS = 8_192;

    private static final long FIRST_SELL_MERCHANT = 1_000;
    private static final long FIRST_BUY_MERCHANT = 2_000;
    private static final long FIRST_CROSS_SELLER = 3_000;
    private static final long FIRST_CROSS_BUYER = 4_000;
    private static final long FIRST_CHURN_MERCHANT = 5_000;
    private static final long FIRST_TAKER = 100_000;
    private static final long FIRST_CANCELLER = 200_000;

    private static final long STANDING_SELL_QUANTITY = 1_000_000_000L * CoreDriver.USDT_UNIT;
    private static final long STANDING_BUY_QUANTITY = 100_000_000_000L * CoreDriver.USDT_UNIT;
    private static final long CROSS_SELL_QUANTITY = 5_000_000_000L * CoreDriver.USDT_UNIT;
    private static final long TOP_UP_AT = 10_000_000L * CoreDriver.USDT_UNIT;
    private static final long TAKER_BALANCE = 100_000_000L * CoreDriver.USDT_UNIT;
    private static final long MAX_CHURN_AD_USDT = 100_000;
    /** A churned ad with less left than this is closed by its owner and replaced by a fresh one. */
    private static final long CHURN_AD_LOW = 2_000 * CoreDriver.USDT_UNIT;
    /** Churn merchants' deposit: covers their live SELL ads and what express takes from them over any run. */
    private static final long CHURN_MERCHANT_BALANCE = 1_000_000_000L * CoreDriver.USDT_UNIT;
    /** BUY ads are priced below SELL ads, as merchants keep a spread. */
    private static final int BUY_BAND_OFFSET_TICKS = -200;
    /**
     * Standing ads (open terms, never emptied) sit this far behind the churned ads (varied terms), so that the top
     * of each book is made of churned ads and an express looks at several before it matches.
     */
    private static final int STANDING_BEHIND_TICKS = 40;

    // Flows, by their share of new flows per 1,000.
    private static final int[] FLOW_WEIGHTS = { 250, 100, 150, 50, 30, 50, 300, 30, 15, 15, 10 };
    private static final String[] FLOW_NAMES = { "TakeAd (SELL ad)", "TakeAd (BUY ad)", "Express BUY",
        "Express SELL", "Express BUY (to be cancelled)", "CreateAd autoMatch BUY (crossing)",
        "ad churn: CreateAd, UpdateAd or close", "SetIndexPrice", "Deposit", "Withdraw", "BlockUser" };
    private static final String[] STEP_NAMES = { "MarkPaid", "Release", "CancelOrder",
        "SetAdStatus CLOSED (crossed ad)",
        "UnblockUser", "Deposit (for a top-up)", "ChangeAdQuantity (top-up)", "SetAdStatus CLOSED (ad run low)",
        "CreateAd (replacing it)" };
    private static final int TAKE_SELL_AD = 0;
    private static final int TAKE_BUY_AD = 1;
    private static final int EXPRESS_BUY = 2;
    private static final int EXPRESS_SELL = 3;
    private static final int EXPRESS_BUY_CANCEL = 4;
    private static final int CROSS = 5;
    private static final int CHURN = 6;
    private static final int INDEX = 7;
    private static final int DEPOSIT = 8;
    private static final int WITHDRAW = 9;
    private static final int BLOCK = 10;

    // Follow-up steps.
    private static final int MARK_PAID = 0;
    private static final int RELEASE = 1;
    private static final int CANCEL = 2;
    private static final int CLOSE_AD = 3;
    private static final int UNBLOCK = 4;
    private static final int TOP_UP_DEPOSIT = 5;
    private static final int TOP_UP = 6;
    private static final int CLOSE_LOW_AD = 7;
    private static final int REPOST = 8;

    private CoreDriver driver;
    private SplittableRandom random;
    private final int[] flowTable = new int[1_000];

    /** Ads whose consumption is tracked for top-ups: standing SELL, standing BUY, then autoMatch SELL ads. */
    private long firstTrackedAd;
    private final long[] trackedOwners = new long[2 * STANDING_ADS + CROSS_SELL_ADS];
    private final long[] consumed = new long[2 * STANDING_ADS + CROSS_SELL_ADS];

    private final long[] churnAds = new long[CHURN_ADS + 1];
    private final long[] churnOwners = new long[CHURN_ADS + 1];
    /** What each churned ad has left as far as the orders seen opening on it tell (a lower bound). */
    private final long[] churnLeft = new long[CHURN_ADS + 1];
    /** Ring slot of each live churned ad, by ad id. */
    private final Long2LongHashMap churnSlots = new Long2LongHashMap(4 * CHURN_ADS, 0.5f, -1);
    private int churnHead;
    private int churnStep;
    private int nextChurnOwner;

    /** The times of each canceller's last three express-then-cancel flows, used in turn. */
    private final long[] cancelTimes = new long[3 * CANCELLERS];
    private final byte[] cancelTurns = new byte[CANCELLERS];
    private int nextCanceller;
    private int nextBlocker;
    private int nextCrossBuyer;
    private long index = CoreDriver.INDEX_PRICE;
    private long invocations;

    private final StepQueue pending = new StepQueue(4 * PENDING_TARGET);
    private final StepQueue urgent = new StepQueue(64);
    /** Commands sent per kind (flows and steps), for the printed mix. */
    private final long[] mix = new long[FLOW_WEIGHTS.length + STEP_NAMES.length + 1];

    @Setup(Level.Trial)
    public void setUp()
    {
        driver = new CoreDriver().standardWorld();
        driver.core.preallocate(2 * (2 * STANDING_ADS + CROSS_SELL_ADS + CHURN_ADS), 8_192);
        int weight = 0;
        for (int flow = 0; flow < FLOW_WEIGHTS.length; flow++)
        {
            for (int i = 0; i < FLOW_WEIGHTS[flow]; i++)
            {
                flowTable[weight++] = flow;
            }
        }
        if (weight != flowTable.length)
        {
            throw new IllegalStateException("flow weights add up to " + weight + ", not 1000");
        }
        buildWorld(new SplittableRandom(17));
        driver.requireClean("setup");

        random = new SplittableRandom(42);
        for (int i = 0; i < WARM_UP_COMMANDS; i++)
        {
            command();
        }
        driver.requireClean("warm-up check");
        printMix();
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
    public void perCommand()
    {
        command();
    }

    private void buildWorld(final SplittableRandom shapes)
    {
        final CoreDriver driver = this.driver;
        for (int m = 0; m < STANDING_MERCHANTS; m++)
        {
            driver.registerUser(FIRST_SELL_MERCHANT + m, Role.MERCHANT, 2);
            driver.deposit(FIRST_SELL_MERCHANT + m,
                STANDING_ADS_PER_MERCHANT * CoreDriver.reservationFor(STANDING_SELL_QUANTITY));
            driver.registerUser(FIRST_BUY_MERCHANT + m, Role.MERCHANT, 2);
        }
        for (int i = 0; i < STANDING_ADS; i++)
        {
            AdShapes.open(driver.terms, shapes, 30, STANDING_BEHIND_TICKS);
            track(i, FIRST_SELL_MERCHANT + i / STANDING_ADS_PER_MERCHANT, Side.SELL, STANDING_SELL_QUANTITY);
        }
        for (int i = 0; i < STANDING_ADS; i++)
        {
            AdShapes.open(driver.terms, shapes, 30, BUY_BAND_OFFSET_TICKS - STANDING_BEHIND_TICKS);
            track(STANDING_ADS + i, FIRST_BUY_MERCHANT + i / STANDING_ADS_PER_MERCHANT, Side.BUY,
                STANDING_BUY_QUANTITY);
        }
        for (int s = 0; s < CROSS_SELLERS; s++)
        {
            driver.registerUser(FIRST_CROSS_SELLER + s, Role.MERCHANT, 2);
            driver.deposit(
                FIRST_CROSS_SELLER + s, CROSS_ADS_PER_SELLER * CoreDriver.reservationFor(CROSS_SELL_QUANTITY));
        }
        for (int i = 0; i < CROSS_SELL_ADS; i++)
        {
            autoMatchTerms(9_200 + shapes.nextInt(100));
            track(2 * STANDING_ADS + i, FIRST_CROSS_SELLER + i / CROSS_ADS_PER_SELLER, Side.SELL, CROSS_SELL_QUANTITY);
        }
        for (int b = 0; b < CROSS_BUYERS; b++)
        {
            driver.registerUser(FIRST_CROSS_BUYER + b, Role.MERCHANT, 2);
        }
        for (int m = 0; m < CHURN_MERCHANTS; m++)
        {
            driver.registerUser(FIRST_CHURN_MERCHANT + m, Role.MERCHANT, 2);
            driver.deposit(FIRST_CHURN_MERCHANT + m, CHURN_MERCHANT_BALANCE);
        }
        for (int t = 0; t < TAKERS; t++)
        {
            driver.registerUser(FIRST_TAKER + t, Role.USER, 1 + (t & 1));
            driver.deposit(FIRST_TAKER + t, TAKER_BALANCE);
        }
        for (int c = 0; c < CANCELLERS; c++)
        {
            driver.registerUser(FIRST_CANCELLER + c, Role.USER, 1);
        }
        for (int i = 0; i < CHURN_ADS; i++)
        {
            postChurnAd(i, shapes);
        }
        Arrays.fill(cancelTimes, Long.MIN_VALUE / 2);
    }

    /** Posts one of the standing or autoMatch ads; they get consecutive ids, which the top-up relies on. */
    private void track(final int slot, final long owner, final Side side, final long quantity)
    {
        final long adId = driver.createAd(owner, side, quantity);
        if (slot == 0)
        {
            firstTrackedAd = adId;
        }
        if (adId != firstTrackedAd + slot)
        {
            throw new IllegalStateException("standing ads did not get consecutive ids: " + adId);
        }
        trackedOwners[slot] = owner;
    }

    private void command()
    {
        final CoreDriver driver = this.driver;
        driver.now += STEP_MS;
        if (!urgent.isEmpty())
        {
            step(urgent);
        }
        else if (++invocations % TICK_EVERY == 0)
        {
            mix[mix.length - 1]++;
            driver.tick();
        }
        else if (pending.size() >= PENDING_TARGET)
        {
            step(pending);
        }
        else
        {
            flow(flowTable[random.nextInt(flowTable.length)]);
        }
    }

    private void flow(final int flow)
    {
        final CoreDriver driver = this.driver;
        final SplittableRandom random = this.random;
        mix[flow]++;
        switch (flow)
        {
            case TAKE_SELL_AD, TAKE_BUY_AD ->
            {
                final int slot = (flow == TAKE_SELL_AD ? 0 : STANDING_ADS) + random.nextInt(STANDING_ADS);
                final long taker = FIRST_TAKER + random.nextInt(TAKERS);
                final long orderId = driver.take(taker, firstTrackedAd + slot, AdShapes.takerFiat(random),
                    random.nextInt(CoreDriver.METHOD_COUNT));
                afterOpened();
                final boolean takerBuys = flow == TAKE_SELL_AD;
                pending.add(MARK_PAID, orderId, takerBuys ? taker : trackedOwners[slot],
                    takerBuys ? trackedOwners[slot] : taker);
            }
            case EXPRESS_BUY, EXPRESS_SELL ->
            {
                final long taker = FIRST_TAKER + random.nextInt(TAKERS);
                final long orderId = driver.express(taker, flow == EXPRESS_BUY ? Side.BUY : Side.SELL,
                    AdShapes.takerFiat(random), takerMethods());
                afterOpened();
                pending.add(MARK_PAID, orderId, driver.openedBuyerIds[0], driver.openedSellerIds[0]);
            }
            case EXPRESS_BUY_CANCEL -> expressThenCancel();
            case CROSS -> cross();
            case CHURN -> churn();
            case INDEX ->
            {
                index = Math.max(9_100, Math.min(9_300, index + random.nextInt(11) - 5));
                driver.setIndex(index);
            }
            case DEPOSIT -> driver.deposit(FIRST_TAKER + random.nextInt(TAKERS), 1_000 * CoreDriver.USDT_UNIT);
            case WITHDRAW -> driver.withdraw(FIRST_TAKER + random.nextInt(TAKERS), 500 * CoreDriver.USDT_UNIT);
            case BLOCK ->
            {
                final long blocker = FIRST_TAKER + nextBlocker;
                final long blocked = FIRST_CHURN_MERCHANT + nextBlocker % CHURN_MERCHANTS;
                nextBlocker = (nextBlocker + 1) % TAKERS;
                driver.block(blocker, blocked);
                pending.add(UNBLOCK, blocker, blocked, 0);
            }
            default -> throw new IllegalStateException("no flow " + flow);
        }
    }

    /**
     * A rotating canceller buys by express and will cancel, unless its third-latest cancel is less than 25 h
     * old (the hour covers the wait before the cancel is sent): then the flow becomes a plain express buy.
     */
    private void expressThenCancel()
    {
        final int canceller = nextCanceller;
        nextCanceller = (nextCanceller + 1) % CANCELLERS;
        final int slot = 3 * canceller + cancelTurns[canceller];
        if (cancelTimes[slot] > driver.now - DAY_MS - HOUR_MS)
        {
            mix[EXPRESS_BUY_CANCEL]--;
            flow(EXPRESS_BUY);
            return;
        }
        cancelTimes[slot] = driver.now;
        cancelTurns[canceller] = (byte)((cancelTurns[canceller] + 1) % 3);
        final long taker = FIRST_CANCELLER + canceller;
        final long orderId = driver.express(taker, Side.BUY, AdShapes.takerFiat(random), takerMethods());
        afterOpened();
        pending.add(CANCEL, orderId, taker, 0);
    }

    private void cross()
    {
        final CoreDriver driver = this.driver;
        final long buyer = FIRST_CROSS_BUYER + nextCrossBuyer;
        nextCrossBuyer = (nextCrossBuyer + 1) % CROSS_BUYERS;
        autoMatchTerms(9_400 + random.nextInt(100));
        final long adId = driver.createAd(buyer, Side.BUY, (50 + random.nextInt(251)) * CoreDriver.USDT_UNIT);
        if (driver.openedCount == 0)
        {
            driver.anomaly("an autoMatch BUY ad above the autoMatch SELL book crossed nothing");
        }
        for (int i = 0; i < driver.openedCount; i++)
        {
            pending.add(MARK_PAID, driver.openedOrderIds[i], buyer, driver.openedSellerIds[i]);
        }
        afterOpened();
        urgent.add(CLOSE_AD, adId, buyer, 0);
    }

    /** Posts at the ring's tail, edits the ad half-way along, or closes the oldest: one of the three per call. */
    private void churn()
    {
        final int size = churnAds.length;
        switch (churnStep++ % 3)
        {
            case 0 -> postChurnAd((churnHead + CHURN_ADS) % size, random);
            case 1 ->
            {
                final int middle = (churnHead + CHURN_ADS / 2) % size;
                final Side side = sideOfChurnSlot(middle);
                AdShapes.varied(driver.terms, random, side == Side.BUY ? BUY_BAND_OFFSET_TICKS : 0);
                driver.updateAd(churnOwners[middle], churnAds[middle]);
            }
            default ->
            {
                churnSlots.remove(churnAds[churnHead]);
                driver.closeAd(churnOwners[churnHead], churnAds[churnHead]);
                churnHead = (churnHead + 1) % size;
            }
        }
    }

    private void postChurnAd(final int slot, final SplittableRandom random)
    {
        final long owner = FIRST_CHURN_MERCHANT + nextChurnOwner;
        nextChurnOwner = (nextChurnOwner + 1) % CHURN_MERCHANTS;
        final Side side = sideOfChurnSlot(slot);
        AdShapes.varied(driver.terms, random, side == Side.BUY ? BUY_BAND_OFFSET_TICKS : 0);
        final long quantity = (5_000 + random.nextLong(MAX_CHURN_AD_USDT - 5_000 + 1)) * CoreDriver.USDT_UNIT;
        churnAds[slot] = driver.createAd(owner, side, quantity);
        churnOwners[slot] = owner;
        churnLeft[slot] = quantity;
        churnSlots.put(churnAds[slot], slot);
    }

    /** Even ring slots hold SELL ads, odd ones BUY ads, so an edit knows the side of the ad it edits. */
    private static Side sideOfChurnSlot(final int slot)
    {
        return (slot & 1) == 0 ? Side.SELL : Side.BUY;
    }

    private void step(final StepQueue queue)
    {
        final CoreDriver driver = this.driver;
        final int kind = queue.peekKind();
        final long a = queue.peekA();
        final long b = queue.peekB();
        final long c = queue.peekC();
        queue.poll();
        mix[FLOW_WEIGHTS.length + kind]++;
        switch (kind)
        {
            case MARK_PAID ->
            {
                driver.markPaid(b, a);
                pending.add(RELEASE, a, c, 0);
            }
            case RELEASE -> driver.release(b, a);
            case CANCEL -> driver.cancel(b, a);
            case CLOSE_AD -> driver.closeAd(b, a);
            case UNBLOCK -> driver.unblock(a, b);
            case TOP_UP_DEPOSIT -> driver.deposit(b, c);
            case TOP_UP -> driver.changeQuantity(b, a, c);
            case CLOSE_LOW_AD -> driver.closeAd(b, a);
            case REPOST -> postChurnAd((int)a, random);
            default -> throw new IllegalStateException("no step " + kind);
        }
    }

    /**
     * Counts what the last command's orders took from tracked SELL ads, and tops up the ones that gave enough; a
     * churned ad that runs low is closed and replaced, as a merchant's bot would.
     */
    private void afterOpened()
    {
        final CoreDriver driver = this.driver;
        for (int i = 0; i < driver.openedCount; i++)
        {
            final long quantity = driver.openedQuantities[i];
            final long sellAdId = driver.openedSellAdIds[i];
            final long slot = sellAdId - firstTrackedAd;
            if (sellAdId != 0 && slot >= 0 && slot < consumed.length)
            {
                final int s = (int)slot;
                consumed[s] += quantity;
                if (consumed[s] >= TOP_UP_AT)
                {
                    urgent.add(TOP_UP_DEPOSIT, 0, trackedOwners[s], CoreDriver.reservationFor(consumed[s]) + 1);
                    urgent.add(TOP_UP, firstTrackedAd + s, trackedOwners[s], consumed[s]);
                    consumed[s] = 0;
                }
            }
            else
            {
                runningLow(sellAdId, quantity);
            }
            final long buyAdId = driver.openedBuyAdIds[i];
            if (buyAdId - firstTrackedAd < 0 || buyAdId - firstTrackedAd >= consumed.length)
            {
                runningLow(buyAdId, quantity);
            }
        }
    }

    private void runningLow(final long adId, final long quantity)
    {
        final long slot = adId == 0 ? -1 : churnSlots.get(adId);
        if (slot >= 0)
        {
            final int s = (int)slot;
            churnLeft[s] -= quantity;
            if (churnLeft[s] < CHURN_AD_LOW)
            {
                churnSlots.remove(adId);
                urgent.add(CLOSE_LOW_AD, adId, churnOwners[s], 0);
                urgent.add(REPOST, s, 0, 0);
            }
        }
    }

    private long takerMethods()
    {
        final int draw = random.nextInt(4 * CoreDriver.METHOD_COUNT);
        return draw < 3 * CoreDriver.METHOD_COUNT ? 1L << (draw % CoreDriver.METHOD_COUNT) : CoreDriver.ALL_METHODS;
    }

    private void autoMatchTerms(final long price)
    {
        driver.terms.fixed(price)
            .limits(10 * CoreDriver.EUR_UNIT, 5_000 * CoreDriver.EUR_UNIT)
            .paymentMethods(CoreDriver.ALL_METHODS)
            .gates(0, 0, 0, 0)
            .autoMatch(true);
    }

    private void printMix()
    {
        long total = 0;
        for (final long count : mix)
        {
            total += count;
        }
        final StringBuilder text = new StringBuilder(String.format("%nCommand mix over %,d commands:%n", total));
        for (int i = 0; i < mix.length; i++)
        {
            final String name = i < FLOW_NAMES.length ? FLOW_NAMES[i] :
                i < FLOW_NAMES.length + STEP_NAMES.length ? STEP_NAMES[i - FLOW_NAMES.length] : "Tick";
            text.append(String.format("  %-40s %6.2f%%%n", name, 100.0 * mix[i] / total));
        }
        System.out.print(text);
    }

    /** A FIFO ring of steps: a kind and three longs each, in primitive arrays. */
    private static final class StepQueue
    {
        private final int[] kinds;
        private final long[] as;
        private final long[] bs;
        private final long[] cs;
        private final int mask;
        private long head;
        private long tail;

        StepQueue(final int capacity)
        {
            final int size = Integer.highestOneBit(capacity - 1) << 1;
            kinds = new int[size];
            as = new long[size];
            bs = new long[size];
            cs = new long[size];
            mask = size - 1;
        }

        void add(final int kind, final long a, final long b, final long c)
        {
            if (tail - head == kinds.length)
            {
                throw new IllegalStateException("step queue full");
            }
            final int i = (int)(tail++ & mask);
            kinds[i] = kind;
            as[i] = a;
            bs[i] = b;
            cs[i] = c;
        }

        boolean isEmpty()
        {
            return head == tail;
        }

        int size()
        {
            return (int)(tail - head);
        }

        int peekKind()
        {
            return kinds[(int)(head & mask)];
        }

        long peekA()
        {
            return as[(int)(head & mask)];
        }

        long peekB()
        {
            return bs[(int)(head & mask)];
        }

        long peekC()
        {
            return cs[(int)(head & mask)];
        }

        void poll()
        {
            head++;
        }
    }
}
