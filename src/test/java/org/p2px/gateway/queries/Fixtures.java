package org.p2px.gateway.queries;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.auth.AccessTokens;
import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.BlockRow;
import org.p2px.readmodel.FeedbackRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;
import org.p2px.readmodel.UserStatsRow;
import org.p2px.server.CoreCommands;

/**
 * Read-model rows written the way the projector writes them, so these tests need no trading. Users are inserted
 * straight into the users table (the core never hears of them, so no projector ever writes rows for them), ads
 * and orders get ids far above what the core hands out, and every test makes its own rows.
 */
final class Fixtures
{
    /** Market USDT-like asset at 6 decimals, EUR-like fiat at 2, prices at 2. */
    static final int ASSET_SCALE = 6;
    static final int FIAT_SCALE = 2;
    static final int PRICE_SCALE = 2;
    /** 0.92 at price scale 2. */
    static final long INDEX_PRICE = 92;

    private static final AtomicLong IDS = new AtomicLong(
        1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1_000);
    private static MarketInfo market;

    private Fixtures()
    {
    }

    /** A user with a token, as a signed-in person of that role. */
    record TestUser(long id, String username, String token)
    {
    }

    static long nextId()
    {
        return IDS.incrementAndGet();
    }

    static String uniqueName()
    {
        return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static TestUser user(final UserRole role)
    {
        return user(role, Instant.now());
    }

    static TestUser user(final UserRole role, final Instant createdAt)
    {
        final UserAccount user = new UserAccount();
        user.username = uniqueName();
        user.passwordHash = "-";
        user.role = role;
        user.kycLevel = 1;
        user.createdAt = createdAt;
        QuarkusTransaction.requiringNew().run(user::persist);
        return new TestUser(user.id, user.username, Arc.container().instance(AccessTokens.class).get().issue(user));
    }

    static TestUser user()
    {
        return user(UserRole.USER);
    }

    /**
     * The market these tests share (defined once through the core, as an admin does), with an index price. Its
     * rows are read-only to the tests.
     */
    static synchronized MarketInfo market()
    {
        if (market == null)
        {
            final Catalog catalog = Arc.container().instance(Catalog.class).get();
            final long admin = adminId();
            final String suffix = uniqueName().substring(1, 7).toUpperCase();
            catalog.defineAsset(admin, "QC" + suffix, ASSET_SCALE, false);
            catalog.defineAsset(admin, "QF" + suffix, FIAT_SCALE, true);
            // SEPA (bit 0) and REVOLUT (bit 3).
            market = catalog.createMarket(admin, new Catalog.MarketSpec("QC" + suffix, "QF" + suffix, PRICE_SCALE, 1,
                1000, 10, 20, 0b1001));
            final int marketId = market.id();
            core().send((proxy, buffer, offset, correlationId) ->
                proxy.setIndexPrice(buffer, offset, correlationId, 0, admin, marketId, INDEX_PRICE));
        }
        return market;
    }

    static long adminId()
    {
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findByUsername("admin").orElseThrow().id);
    }

    static CoreCommands core()
    {
        return Arc.container().instance(CoreCommands.class).get();
    }

    /** An ONLINE PUBLIC FIXED SELL ad of {@code ownerId}: 0.93, 150 of the asset left, limits 10.00 to 500.00. */
    static AdRow ad(final long ownerId, final Consumer<AdRow> changes)
    {
        final AdRow ad = new AdRow();
        ad.id = nextId();
        ad.ownerId = ownerId;
        ad.marketId = market().id();
        ad.side = "SELL";
        ad.status = "ONLINE";
        ad.priceType = "FIXED";
        ad.fixedPrice = 93;
        ad.price = 93L;
        ad.remaining = 150_000_000;
        ad.minFiat = 1000;
        ad.maxFiat = 50000;
        ad.reserved = ad.remaining;
        ad.paymentMethods = 0b1001;
        ad.paymentWindowMinutes = 15;
        ad.visibility = "PUBLIC";
        ad.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ad.updatedAt = ad.createdAt;
        changes.accept(ad);
        QuarkusTransaction.requiringNew().run(ad::persist);
        return ad;
    }

    static void adText(final long adId, final String terms, final String autoReply)
    {
        final AdTextEntity text = new AdTextEntity();
        text.adId = adId;
        text.terms = terms;
        text.autoReply = autoReply;
        QuarkusTransaction.requiringNew().run(text::persist);
    }

    /** A PENDING_PAYMENT order: 100 of the asset for 93.00 by REVOLUT, made now. */
    static OrderRow order(final long buyerId, final long sellerId, final Consumer<OrderRow> changes)
    {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final OrderRow order = new OrderRow();
        order.id = nextId();
        order.marketId = market().id();
        order.state = "PENDING_PAYMENT";
        order.buyerId = buyerId;
        order.sellerId = sellerId;
        order.makerId = sellerId;
        order.takerId = buyerId;
        order.sellAdId = nextId();
        order.price = 93;
        order.quantity = 100_000_000;
        order.fiatAmount = 9300;
        order.buyerFee = 200_000;
        order.sellerFee = 100_000;
        order.paymentMethod = 3;
        order.createdAt = now;
        order.payBy = now.plus(Duration.ofMinutes(15));
        order.updatedAt = now;
        changes.accept(order);
        QuarkusTransaction.requiringNew().run(order::persist);
        return order;
    }

    static OrderRow completedOrder(final long buyerId, final long sellerId)
    {
        return order(buyerId, sellerId, order ->
        {
            order.state = "COMPLETED";
            order.finishedAt = order.createdAt.plusSeconds(600);
        });
    }

    static OrderRow disputedOrder(final long buyerId, final long sellerId, final Instant disputedAt)
    {
        return order(buyerId, sellerId, order ->
        {
            order.state = "DISPUTED";
            order.paidAt = disputedAt.minusSeconds(3600);
            order.appellantId = buyerId;
            order.disputedAt = disputedAt;
        });
    }

    static void balance(final long userId, final int assetId, final long available, final long locked)
    {
        final BalanceRow row = new BalanceRow();
        row.userId = userId;
        row.assetId = assetId;
        row.available = available;
        row.locked = locked;
        QuarkusTransaction.requiringNew().run(row::persist);
    }

    static void block(final long blockerId, final long blockedId, final Instant at)
    {
        final BlockRow row = new BlockRow();
        row.blockerId = blockerId;
        row.blockedId = blockedId;
        row.createdAt = at;
        QuarkusTransaction.requiringNew().run(row::persist);
    }

    static void stats(final long userId, final Consumer<UserStatsRow> changes)
    {
        final UserStatsRow row = new UserStatsRow();
        row.userId = userId;
        row.updatedAt = Instant.now();
        changes.accept(row);
        QuarkusTransaction.requiringNew().run(row::persist);
    }

    static void feedback(final long orderId, final long fromUserId, final long toUserId, final boolean positive,
        final Instant at)
    {
        final FeedbackRow row = new FeedbackRow();
        row.orderId = orderId;
        row.fromUserId = fromUserId;
        row.toUserId = toUserId;
        row.positive = positive;
        row.comment = positive ? "fast" : "slow";
        row.createdAt = at;
        QuarkusTransaction.requiringNew().run(row::persist);
    }

    /** The asset and fiat ids of the shared market. */
    static int assetId()
    {
        return market().asset().id();
    }

    static int fiatId()
    {
        return market().fiat().id();
    }
}
