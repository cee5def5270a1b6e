package org.p2px.projector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.EventHandler;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.live.Command;
import org.p2px.server.CoreCommands;
import org.p2px.server.CoreReply;

/**
 * Drives one round of trading through the running engine, the way the gateways do (through {@link CoreCommands}):
 * a seller with a fixed ad (with an auto-reply) and a floating ad, a buyer, an index update, one order completed,
 * one cancelled by the buyer, one cancelled at the seller's request after a rejected request, blocks, and ad edits.
 */
final class TradeScript
{
    /** System lines each order of a round gets: opened, paid, completed / opened, cancelled / opened, 4 more. */
    static final int[] SYSTEM_LINES = { 3, 2, 5 };
    static final String AUTO_REPLY = "Hello! Pay by SEPA and mark the order paid.";
    private static final AtomicLong USER_IDS = new AtomicLong(7_000_000);

    private final CoreCommands core;
    private final long adminId;
    private final MarketInfo market;
    private long lastBatch;

    /** What a round made. */
    record Round(long seller, long buyer, long fixedAd, long floatingAd, List<Long> orders, long index)
    {
    }

    TradeScript(final CoreCommands core, final long adminId, final MarketInfo market)
    {
        this.core = core;
        this.adminId = adminId;
        this.market = market;
    }

    long lastBatch()
    {
        return lastBatch;
    }

    Round round(final int number)
    {
        final long seller = USER_IDS.incrementAndGet();
        final long buyer = USER_IDS.incrementAndGet();
        final int assetId = market.asset().id();
        final int marketId = market.id();
        send((p, b, o, c) -> p.registerUser(b, o, c, 0, seller, Role.MERCHANT, 2));
        send((p, b, o, c) -> p.registerUser(b, o, c, 0, buyer, Role.USER, 1));
        send((p, b, o, c) -> p.deposit(b, o, c, 0, adminId, seller, assetId, 1_000_000_000L));
        final AdTermsSpec fixed = new AdTermsSpec().fixed(9_200).limits(1_000, 100_000).paymentMethods(0b1111);
        final long fixedAd = created(send((p, b, o, c) ->
            p.createAd(b, o, c, 0, seller, marketId, Side.SELL, 300_000_000L, AdStatus.ONLINE, fixed)));
        QuarkusTransaction.requiringNew().run(() ->
        {
            final AdTextEntity texts = new AdTextEntity();
            texts.adId = fixedAd;
            texts.terms = "SEPA only.";
            texts.autoReply = AUTO_REPLY;
            texts.persist();
        });
        // Before the floating ad: a market without an index price refuses one.
        final long index = 9_300 + number;
        send((p, b, o, c) -> p.setIndexPrice(b, o, c, 0, adminId, marketId, index));
        final AdTermsSpec floating = new AdTermsSpec().floating(50).limits(1_000, 100_000).paymentMethods(0b0011);
        final long floatingAd = created(send((p, b, o, c) ->
            p.createAd(b, o, c, 0, seller, marketId, Side.SELL, 100_000_000L, AdStatus.ONLINE, floating)));

        final long completed = opened(send((p, b, o, c) -> p.takeAd(b, o, c, 0, buyer, fixedAd, 9_200, true, 0, 0)));
        send((p, b, o, c) -> p.markPaid(b, o, c, 0, buyer, completed));
        send((p, b, o, c) -> p.release(b, o, c, 0, seller, completed));
        final long cancelled = opened(send((p, b, o, c) -> p.takeAd(b, o, c, 0, buyer, fixedAd, 4_600, true, 0, 0)));
        send((p, b, o, c) -> p.cancelOrder(b, o, c, 0, buyer, cancelled));
        final long requested = opened(send((p, b, o, c) -> p.takeAd(b, o, c, 0, buyer, fixedAd, 2_000, true, 1, 0)));
        send((p, b, o, c) -> p.requestCancel(b, o, c, 0, seller, requested));
        send((p, b, o, c) -> p.reviewCancelRequest(b, o, c, 0, buyer, requested, false));
        send((p, b, o, c) -> p.requestCancel(b, o, c, 0, seller, requested));
        send((p, b, o, c) -> p.reviewCancelRequest(b, o, c, 0, buyer, requested, true));

        send((p, b, o, c) -> p.blockUser(b, o, c, 0, buyer, adminId));
        send((p, b, o, c) -> p.blockUser(b, o, c, 0, seller, adminId));
        send((p, b, o, c) -> p.unblockUser(b, o, c, 0, buyer, adminId));
        send((p, b, o, c) -> p.changeAdQuantity(b, o, c, 0, seller, fixedAd, -10_000_000L));
        send((p, b, o, c) -> p.setAdStatus(b, o, c, 0, seller, fixedAd, AdStatus.OFFLINE));
        send((p, b, o, c) -> p.setAdStatus(b, o, c, 0, seller, fixedAd, AdStatus.CLOSED));
        return new Round(seller, buyer, fixedAd, floatingAd, List.of(completed, cancelled, requested), index);
    }

    private CoreReply send(final Command encoder)
    {
        final CoreReply reply = core.send(encoder);
        lastBatch = reply.batchSequence();
        return reply;
    }

    private static long created(final CoreReply reply)
    {
        final List<Long> ids = new ArrayList<>();
        reply.replay(new EventHandler()
        {
            @Override
            public void onAdCreated(final AdCreatedDecoder event)
            {
                ids.add(event.adId());
            }
        });
        return ids.get(0);
    }

    private static long opened(final CoreReply reply)
    {
        final List<Long> ids = new ArrayList<>();
        reply.replay(new EventHandler()
        {
            @Override
            public void onOrderOpened(final OrderOpenedDecoder event)
            {
                ids.add(event.orderId());
            }
        });
        return ids.get(0);
    }
}
