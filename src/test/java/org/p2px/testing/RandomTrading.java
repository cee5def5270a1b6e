package org.p2px.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.p2px.live.Command;
import org.p2px.live.LiveOrder;
import org.p2px.readmodel.UserAccount;
import org.p2px.server.CoreCommands;
import org.p2px.server.CoreReply;

/**
 * Seeded random trading straight through the engine client, for tests that compare what follows the event stream
 * (the read models, the book channel) with the live state: a market of its own with merchants holding plenty,
 * then steps that post ads, take them, run orders through their states, edit, top up, reduce, take offline,
 * close, and move the index price. A refused command is part of the run (the rules say no often).
 */
public final class RandomTrading
{
    private static final AtomicLong USER_IDS = new AtomicLong(8_000_000);

    private final CoreCommands core;
    private final Catalog catalog;
    private final SplittableRandom random;
    private final long admin;
    private final MarketInfo market;
    private final List<Long> users = new ArrayList<>();
    private final List<Long> ads = new ArrayList<>();
    private final List<Long> orders = new ArrayList<>();
    private long lastBatch;

    public RandomTrading(final CoreCommands core, final Catalog catalog, final SplittableRandom random,
        final int merchants)
    {
        this.core = core;
        this.catalog = catalog;
        this.random = random;
        this.admin = adminId();
        this.market = newMarket();
        send((p, b, o, c) -> p.setIndexPrice(b, o, c, 0, admin, market.id(), 9_300));
        for (int i = 0; i < merchants; i++)
        {
            final long user = USER_IDS.incrementAndGet();
            users.add(user);
            send((p, b, o, c) -> p.registerUser(b, o, c, 0, user, Role.MERCHANT, 2));
            send((p, b, o, c) -> p.deposit(b, o, c, 0, admin, user, market.asset().id(), 5_000_000_000L));
        }
    }

    public MarketInfo market()
    {
        return market;
    }

    public List<Long> users()
    {
        return users;
    }

    public List<Long> ads()
    {
        return ads;
    }

    public List<Long> orders()
    {
        return orders;
    }

    /** The batch of the last command sent. */
    public long lastBatch()
    {
        return lastBatch;
    }

    /** A random merchant. */
    public long anyUser()
    {
        return users.get(random.nextInt(users.size()));
    }

    public void step()
    {
        final long user = anyUser();
        final int choice = random.nextInt(100);
        try
        {
            if (choice < 12 || ads.isEmpty())
            {
                postAd(user);
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
                orderStep(orders.get(random.nextInt(orders.size())));
            }
            else if (choice < 95)
            {
                adStep(ads.get(random.nextInt(ads.size())));
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

    public long postAd(final long user)
    {
        final AdTermsSpec terms = random.nextBoolean()
            ? new AdTermsSpec().fixed(9_100 + random.nextInt(400)).limits(1_000, 100_000).paymentMethods(0b1111)
            : new AdTermsSpec().floating(random.nextInt(200) - 100).limits(1_000, 100_000).paymentMethods(0b0011);
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long quantity = 100_000_000L + random.nextInt(400) * 1_000_000L;
        final long adId = created(send((p, b, o, c) ->
            p.createAd(b, o, c, 0, user, market.id(), side, quantity, AdStatus.ONLINE, terms)));
        ads.add(adId);
        return adId;
    }

    private void orderStep(final long orderId)
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

    private void adStep(final long adId)
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

    public CoreReply send(final Command command)
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

    private MarketInfo newMarket()
    {
        final long adminId = admin;
        final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        catalog.defineAsset(adminId, "LA" + suffix, 6, false);
        catalog.defineAsset(adminId, "LF" + suffix, 2, true);
        return catalog.createMarket(adminId,
            new Catalog.MarketSpec("LA" + suffix, "LF" + suffix, 4, 1, 1_000, 10, 5, 0b1111));
    }

    public static long adminId()
    {
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findByUsername("admin").orElseThrow().id);
    }
}
