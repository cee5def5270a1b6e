/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.bench;

import java.lang.management.ManagementFactory;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.CommandAdapter;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.MessageHeaderDecoder;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;

/**
 * Drives a {@link TradingCore} through the binary path the engine uses: every command is encoded by
 * {@link CommandProxy} into one reused buffer and decoded by {@link CommandAdapter} into the core. After each
 * command the first event of the batch is read: a {@code CommandRejected} is counted (with the first one kept
 * for the report), because a benchmark that measures rejections measures nothing. Commands that open orders or
 * create ads also walk their batch to learn the ids the core assigned.
 *
 * <p>The world is the one of the core's test harness: USDT (scale 6) against EUR (scale 2) in market 1, prices
 * with 4 decimals (0.9200 EUR = 9200, tick 1), a 10 EUR minimum order, maker fee 10 bps, taker fee 0, payment
 * methods SEPA, WISE, REVOLUT and ZELLE (bits 0 to 3). Time only moves when a benchmark moves {@link #now}.
 */
final class CoreDriver
{
    static final long ADMIN = 1;
    static final int USDT = 1;
    static final int EUR = 100;
    static final int MARKET = 1;
    static final int METHOD_COUNT = 4;
    static final long ALL_METHODS = 0b1111;
    static final long START = 1_750_000_000_000L;
    static final long USDT_UNIT = 1_000_000L;
    static final long EUR_UNIT = 100L;
    static final long INDEX_PRICE = 9200;
    static final int MAKER_FEE_BPS = 10;
    /** Most orders one command is expected to open in these benchmarks. */
    static final int MAX_OPENED = 16;

    final TradingCore core;
    final AdTermsSpec terms = new AdTermsSpec();
    /** The time stamped on the next command, in epoch milliseconds. */
    long now = START;

    /** Orders the last command opened: ids, buyers, sellers, BUY and SELL ads (0 for a taker), quantities. */
    int openedCount;
    final long[] openedOrderIds = new long[MAX_OPENED];
    final long[] openedBuyerIds = new long[MAX_OPENED];
    final long[] openedSellerIds = new long[MAX_OPENED];
    final long[] openedBuyAdIds = new long[MAX_OPENED];
    final long[] openedSellAdIds = new long[MAX_OPENED];
    final long[] openedQuantities = new long[MAX_OPENED];
    /** The ad the last CreateAd created, 0 if none. */
    long createdAdId;

    private final CommandProxy proxy = new CommandProxy();
    private final CommandAdapter adapter;
    private final MutableDirectBuffer command = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderOpenedDecoder orderOpened = new OrderOpenedDecoder();
    private final AdCreatedDecoder adCreated = new AdCreatedDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private long correlationId;

    private long markedBytes;
    private long markedCommands;

    private long commands;
    private long rejections;
    private long anomalies;
    private String firstProblem;

    CoreDriver()
    {
        // The workloads pick their takers at random and queue the follow-ups (mark paid) behind other flows, so a
        // taker may hold several unpaid orders for a while: the unpaid-order cap is a rule per person, not what
        // these benchmarks measure, and is raised out of their way. Every other rule is the default.
        core = new TradingCore(CoreConfig.defaults().withUnpaidOrderLimits(1_000, 1_000));
        adapter = new CommandAdapter(core);
    }

    /** Admin, USDT, EUR and market 1 with its index price at 0.9200 EUR. */
    CoreDriver standardWorld()
    {
        registerUser(ADMIN, Role.ADMIN, 3);
        send(proxy.defineAsset(command, 0, ++correlationId, now, ADMIN, USDT, 6, false));
        send(proxy.defineAsset(command, 0, ++correlationId, now, ADMIN, EUR, 2, true));
        send(proxy.createMarket(command, 0, ++correlationId, now, ADMIN, MARKET, USDT, EUR, 4, 1, 10 * EUR_UNIT,
            MAKER_FEE_BPS, 0, ALL_METHODS));
        setIndex(INDEX_PRICE);
        requireClean("standard world");
        return this;
    }

    /** What a SELL ad of {@code quantity} reserves: the quantity plus the maker fee. */
    static long reservationFor(final long quantity)
    {
        return quantity + quantity * MAKER_FEE_BPS / 10_000;
    }

    // Commands. Each stamps {@link #now} and the next correlation id, sends, and checks the outcome.

    void registerUser(final long userId, final Role role, final int kyc)
    {
        send(proxy.registerUser(command, 0, ++correlationId, now, userId, role, kyc));
    }

    void deposit(final long userId, final long amount)
    {
        send(proxy.deposit(command, 0, ++correlationId, now, ADMIN, userId, USDT, amount));
    }

    void withdraw(final long userId, final long amount)
    {
        send(proxy.withdraw(command, 0, ++correlationId, now, ADMIN, userId, USDT, amount));
    }

    void setIndex(final long price)
    {
        send(proxy.setIndexPrice(command, 0, ++correlationId, now, ADMIN, MARKET, price));
    }

    /** Posts an ad with {@link #terms}; returns its id (0 if rejected). Orders it crossed are in opened*. */
    long createAd(final long ownerId, final Side side, final long quantity)
    {
        if (send(proxy.createAd(command, 0, ++correlationId, now, ownerId, MARKET, side, quantity, AdStatus.ONLINE,
            terms)))
        {
            readBatch();
        }
        else
        {
            openedCount = 0;
            createdAdId = 0;
        }
        return createdAdId;
    }

    /** Replaces an ad's terms with {@link #terms}. */
    void updateAd(final long ownerId, final long adId)
    {
        send(proxy.updateAd(command, 0, ++correlationId, now, ownerId, adId, terms));
    }

    void closeAd(final long ownerId, final long adId)
    {
        send(proxy.setAdStatus(command, 0, ++correlationId, now, ownerId, adId, AdStatus.CLOSED));
    }

    void changeQuantity(final long ownerId, final long adId, final long delta)
    {
        send(proxy.changeAdQuantity(command, 0, ++correlationId, now, ownerId, adId, delta));
    }

    /** Takes an ad for a fiat amount; expects exactly one order, found in opened* and returned. */
    long take(final long takerId, final long adId, final long fiatAmount, final int method)
    {
        readOpened(send(proxy.takeAd(command, 0, ++correlationId, now, takerId, adId, fiatAmount, true, method, 0)));
        return expectOneOrder("TakeAd");
    }

    /** Express for a fiat amount without split or price limit; expects exactly one order, returned. */
    long express(final long takerId, final Side side, final long fiatAmount, final long methods)
    {
        readOpened(send(proxy.express(
            command, 0, ++correlationId, now, takerId, MARKET, side, fiatAmount, true, methods, 0, false, 0)));
        return expectOneOrder("Express");
    }

    void markPaid(final long buyerId, final long orderId)
    {
        send(proxy.markPaid(command, 0, ++correlationId, now, buyerId, orderId));
    }

    void release(final long sellerId, final long orderId)
    {
        send(proxy.release(command, 0, ++correlationId, now, sellerId, orderId));
    }

    void cancel(final long buyerId, final long orderId)
    {
        send(proxy.cancelOrder(command, 0, ++correlationId, now, buyerId, orderId));
    }

    void block(final long actorId, final long userId)
    {
        send(proxy.blockUser(command, 0, ++correlationId, now, actorId, userId));
    }

    void unblock(final long actorId, final long userId)
    {
        send(proxy.unblockUser(command, 0, ++correlationId, now, actorId, userId));
    }

    void tick()
    {
        send(proxy.tick(command, 0, ++correlationId, now));
    }

    // Health.

    /** Starts counting what this thread allocates; call at the start of a measurement iteration. */
    void markAllocation()
    {
        markedCommands = commands;
        markedBytes = threads.getCurrentThreadAllocatedBytes();
    }

    /**
     * What this thread allocated per command since {@link #markAllocation()}, as a line for the report. Unlike
     * JMH's gc.alloc.rate.norm, which divides the allocation of every thread of the JVM (the harness's
     * included) by the operations, this counts only the thread that drives the core.
     */
    String allocationSinceMark()
    {
        final long bytes = threads.getCurrentThreadAllocatedBytes() - markedBytes;
        final long sent = commands - markedCommands;
        return String.format("core thread allocated %,d bytes over %,d commands: %.4f B/command",
            bytes, sent, sent == 0 ? 0.0 : (double)bytes / sent);
    }

    /** Counts a benchmark's own finding (e.g. a command that opened an unexpected number of orders). */
    void anomaly(final String description)
    {
        if (anomalies++ == 0 && firstProblem == null)
        {
            firstProblem = description;
        }
    }

    /**
     * Throws unless every command so far was accepted and did what the benchmark expected, and the core's
     * invariants (conservation, no negative balance, books consistent) hold.
     */
    void requireClean(final String when)
    {
        if (rejections != 0 || anomalies != 0)
        {
            throw new IllegalStateException(when + ": " + rejections + " of " + commands + " commands rejected, " +
                anomalies + " anomalies; first: " + firstProblem);
        }
        final String violation = core.checkInvariants();
        if (violation != null)
        {
            throw new IllegalStateException(when + ": invariant violated: " + violation);
        }
    }

    private boolean send(final int length)
    {
        adapter.onCommand(command, 0, length);
        commands++;
        final MutableDirectBuffer batch = core.batchBuffer();
        header.wrap(batch, 0);
        if (header.templateId() != CommandRejectedDecoder.TEMPLATE_ID)
        {
            return true;
        }
        if (rejections++ == 0 && firstProblem == null)
        {
            rejected.wrap(batch, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            firstProblem = "command template " + rejected.commandTemplateId() + " by actor " + rejected.actorId() +
                " at command #" + commands + " rejected with " + rejected.errorCode();
        }
        return false;
    }

    private void readOpened(final boolean accepted)
    {
        if (accepted)
        {
            readBatch();
        }
        else
        {
            openedCount = 0;
        }
    }

    /** Walks the last batch for OrderOpened and AdCreated events. */
    private void readBatch()
    {
        openedCount = 0;
        createdAdId = 0;
        final MutableDirectBuffer batch = core.batchBuffer();
        final int end = core.batchLength();
        int offset = 0;
        while (offset + MessageHeaderDecoder.ENCODED_LENGTH <= end)
        {
            header.wrap(batch, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            final int templateId = header.templateId();
            if (templateId == OrderOpenedDecoder.TEMPLATE_ID)
            {
                orderOpened.wrap(batch, body, header.blockLength(), header.version());
                if (openedCount < MAX_OPENED)
                {
                    openedOrderIds[openedCount] = orderOpened.orderId();
                    openedBuyerIds[openedCount] = orderOpened.buyerId();
                    openedSellerIds[openedCount] = orderOpened.sellerId();
                    openedBuyAdIds[openedCount] = orderOpened.buyAdId();
                    openedSellAdIds[openedCount] = orderOpened.sellAdId();
                    openedQuantities[openedCount] = orderOpened.quantity();
                }
                openedCount++;
            }
            else if (templateId == AdCreatedDecoder.TEMPLATE_ID)
            {
                createdAdId = adCreated.wrap(batch, body, header.blockLength(), header.version()).adId();
            }
            offset = body + header.blockLength();
        }
        if (openedCount > MAX_OPENED)
        {
            anomaly("a command opened " + openedCount + " orders, more than " + MAX_OPENED);
            openedCount = MAX_OPENED;
        }
    }

    private long expectOneOrder(final String what)
    {
        if (openedCount == 1)
        {
            return openedOrderIds[0];
        }
        if (openedCount != 0)
        {
            anomaly(what + " opened " + openedCount + " orders instead of one");
        }
        return 0;
    }
}
