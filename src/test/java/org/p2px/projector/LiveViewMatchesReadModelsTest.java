package org.p2px.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.EventHandler;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.core.AdSnapshot;
import org.p2px.core.UserSnapshot;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.live.Command;
import org.p2px.live.LiveOrder;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserAccount;
import org.p2px.server.CoreCommands;
import org.p2px.server.CoreReply;

/**
 * The live view against the read models: after a seeded random run of trading (ads posted, edited, topped up,
 * taken, paid, released, cancelled, appealed, switched off and closed; index moves), every order, ad, balance and
 * book side the view answers with equals what the projector wrote. Seed: {@code -Dp2px.live.seed=N}.
 */
@QuarkusTest
class LiveViewMatchesReadModelsTest
{
    private static final long WAIT_MS = 30_000;
    private static final int STEPS = Integer.getInteger("p2px.live.steps", 400);
    private static final AtomicLong USER_IDS = new AtomicLong(8_000_000);

    @Inject
    CoreCommands core;
    @Inject
    Projector projector;
    @Inject
    Catalog catalog;
    @Inject
    ViewMapper views;

    private final List<Long> users = new ArrayList<>();
    private final List<Long> ads = new ArrayList<>();
    private final List<Long> orders = new ArrayList<>();
    private long lastBatch;

    @Test
    void afterASeededRandomRunTheViewEqualsTheReadModels()
    {
        final long seed = Long.getLong("p2px.live.seed", 20_261_204L);
        System.out.println("LiveViewMatchesReadModelsTest seed " + seed + " (-Dp2px.live.seed=" + seed + ")");
        final SplittableRandom random = new SplittableRandom(seed);
        final MarketInfo market = market();
        final long admin = adminId();
        send((p, b, o, c) -> p.setIndexPrice(b, o, c, 0, admin, market.id(), 9_300));
        for (int i = 0; i < 6; i++)
        {
            final long user = USER_IDS.incrementAndGet();
            users.add(user);
            send((p, b, o, c) -> p.registerUser(b, o, c, 0, user, Role.MERCHANT, 2));
            send((p, b, o, c) -> p.deposit(b, o, c, 0, admin, user, market.asset().id(), 5_000_000_000L));
        }
        for (int step = 0; step < STEPS; step++)
        {
            step(random, market, admin);
        }
        assertTrue(projector.awaitProjected(lastBatch, WAIT_MS), "the projector reaches batch " + lastBatch);

        QuarkusTransaction.requiringNew().run(() ->
        {
            for (final long orderId : orders)
            {
                final LiveOrder live = core.read(state -> state.order(orderId));
                assertNotNull(live, "order " + orderId);
                assertEquals(views.order(OrderRow.<OrderRow>findById(orderId)), views.order(live), "order " + orderId);
            }
            for (final long adId : ads)
            {
                final AdSnapshot live = core.read(state -> state.ad(adId));
                assertNotNull(live, "ad " + adId);
                assertEquals(views.ad(AdRow.<AdRow>findById(adId)), views.ad(live), "ad " + adId);
            }
            for (final long userId : users)
            {
                final UserSnapshot live = core.read(state -> state.user(userId));
                final List<BalanceView> rows = BalanceRow.<BalanceRow>list("userId = ?1 and (available <> 0 or " +
                    "locked <> 0) order by assetId", userId).stream().map(views::balance).toList();
                assertEquals(rows, views.balances(live), "balances of " + userId);
            }
            for (final Side side : Side.values())
            {
                if (side == Side.NULL_VAL)
                {
                    continue;
                }
                final List<Long> book = core.read(state -> state.book(market.id(), side, 0, -1, 0, 1_000)).stream()
                    .map(AdSnapshot::adId).sorted().toList();
                final List<Long> listed = AdRow.<AdRow>list("marketId = ?1 and side = ?2 and status = 'ONLINE' and " +
                    "visibility = 'PUBLIC' and remaining > 0 order by id", market.id(), side.name())
                    .stream().map(row -> row.id).toList();
                assertEquals(listed, book, side + " book");
            }
        });
        assertTrue(orders.size() > 10, "the run opened orders: " + orders.size());
    }

    private void step(final SplittableRandom random, final MarketInfo market, final long admin)
    {
        final long user = users.get(random.nextInt(users.size()));
        final int choice = random.nextInt(100);
        try
        {
            if (choice < 12 || ads.isEmpty())
            {
                postAd(random, market, user);
            }
            else if (choice < 40)
            {
                final long adId = ads.get(random.nextInt(ads.size()));
                final long fiat = 1_000 + random.nextInt(40_000);
                opened(send((p, b, o, c) -> p.takeAd(b, o, c, 0, user, adId, fiat, true, 0, 0)));
            }
            else if (choice < 45)
            {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long fiat = 1_000 + random.nextInt(60_000);
                final boolean split = random.nextBoolean();
                opened(send((p, b, o, c) -> p.express(b, o, c, 0, user, market.id(), side, fiat, true, 0b1111L, 0, split, 0)));
            }
            else if (choice < 80 && !orders.isEmpty())
            {
                orderStep(random, orders.get(random.nextInt(orders.size())));
            }
            else if (choice < 95)
            {
                adStep(random, ads.get(random.nextInt(ads.size())));
            }
            else
            {
                final long index = 9_000 + random.nextInt(600);
                send((p, b, o, c) -> p.setIndexPrice(b, o, c, 0, admin, market.id(), index));
            }
        }
        catch (final ApiException refused)
        {
            // A rule said no (not your order, not enough left, wrong state): the view and the rows must still agree.
        }
    }

    private void postAd(final SplittableRandom random, final MarketInfo market, final long user)
    {
        final AdTermsSpec terms = random.nextBoolean()
            ? new AdTermsSpec().fixed(9_100 + random.nextInt(400)).limits(1_000, 100_000).paymentMethods(0b1111)
            : new AdTermsSpec().floating(random.nextInt(200) - 100).limits(1_000, 100_000).paymentMethods(0b0011);
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long quantity = 100_000_000L + random.nextInt(400) * 1_000_000L;
        ads.add(created(send((p, b, o, c) ->
            p.createAd(b, o, c, 0, user, market.id(), side, quantity, AdStatus.ONLINE, terms))));
    }

    private void orderStep(final SplittableRandom random, final long orderId)
    {
        final LiveOrder order = core.read(state -> state.order(orderId));
        final long buyer = order.order().buyerId();
        final long seller = order.order().sellerId();
        switch (random.nextInt(6))
        {
            case 0, 1 -> send((p, b, o, c) -> p.markPaid(b, o, c, 0, buyer, orderId));
            case 2 -> send((p, b, o, c) -> p.release(b, o, c, 0, seller, orderId));
            case 3 -> send((p, b, o, c) -> p.cancelOrder(b, o, c, 0, buyer, orderId));
            case 4 -> send((p, b, o, c) -> p.appeal(b, o, c, 0, random.nextBoolean() ? buyer : seller, orderId));
            default -> send((p, b, o, c) -> p.withdrawAppeal(b, o, c, 0, buyer, orderId));
        }
    }

    private void adStep(final SplittableRandom random, final long adId)
    {
        final AdSnapshot ad = core.read(state -> state.ad(adId));
        final long owner = ad.ownerId();
        switch (random.nextInt(5))
        {
            case 0 -> send((p, b, o, c) -> p.changeAdQuantity(b, o, c, 0, owner, adId, 50_000_000L));
            case 1 -> send((p, b, o, c) -> p.changeAdQuantity(b, o, c, 0, owner, adId, -20_000_000L));
            case 2 -> send((p, b, o, c) -> p.setAdStatus(b, o, c, 0, owner, adId, AdStatus.OFFLINE));
            case 3 -> send((p, b, o, c) -> p.setAdStatus(b, o, c, 0, owner, adId, AdStatus.ONLINE));
            default -> send((p, b, o, c) -> p.setAdStatus(b, o, c, 0, owner, adId,
                random.nextInt(4) == 0 ? AdStatus.CLOSED : AdStatus.ONLINE));
        }
    }

    private CoreReply send(final Command command)
    {
        final CoreReply reply = core.send(command);
        lastBatch = reply.batchSequence();
        return reply;
    }

    private void opened(final CoreReply reply)
    {
        reply.replay(new EventHandler()
        {
            @Override
            public void onOrderOpened(final OrderOpenedDecoder event)
            {
                orders.add(event.orderId());
            }
        });
    }

    private static long created(final CoreReply reply)
    {
        final long[] adId = { 0 };
        reply.replay(new EventHandler()
        {
            @Override
            public void onAdCreated(final AdCreatedDecoder event)
            {
                adId[0] = event.adId();
            }
        });
        return adId[0];
    }

    private MarketInfo market()
    {
        final long adminId = adminId();
        final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        catalog.defineAsset(adminId, "LA" + suffix, 6, false);
        catalog.defineAsset(adminId, "LF" + suffix, 2, true);
        return catalog.createMarket(adminId,
            new Catalog.MarketSpec("LA" + suffix, "LF" + suffix, 4, 1, 1_000, 10, 5, 0b1111));
    }

    private static long adminId()
    {
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findByUsername("admin").orElseThrow().id);
    }
}
