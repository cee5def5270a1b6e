package org.p2px.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import org.p2px.projector.ProjectionProgress;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.ErrorCode;
import org.p2px.gateway.view.AdView;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.BlockedUserView;
import org.p2px.gateway.view.FeedbackView;
import org.p2px.gateway.view.MarketView;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.PageView;
import org.p2px.gateway.view.ProfileView;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.BlockRow;
import org.p2px.readmodel.FeedbackRow;
import org.p2px.readmodel.IndexPriceRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserStatsRow;
import org.p2px.server.CoreCommands;

/**
 * The queries of both gateways, answered from the read models the projector keeps. Read-only: nothing here
 * writes, so nothing here needs a transaction; a request context is enough for the database session, and is
 * opened here when the caller (a WebSocket message, say) has none.
 */
@ApplicationScoped
@ActivateRequestContext
public class ReadModels
{
    public static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> AD_STATUSES = Set.of("ONLINE", "OFFLINE", "CLOSED");
    private static final Set<String> ORDER_STATES =
        Set.of("PENDING_PAYMENT", "PAID", "DISPUTED", "COMPLETED", "CANCELLED", "EXPIRED");
    private static final int RATE_DECIMALS = 4;
    private static final long CATCH_UP_MS = 2_000;

    private final Catalog catalog;
    private final RowViews views;
    private final Usernames usernames;
    private final OrderAccess access;
    private final Instance<Presence> presence;
    private final Instance<ProjectionProgress> projection;
    private final CoreCommands core;

    public ReadModels(
        final Catalog catalog, final RowViews views, final Usernames usernames, final OrderAccess access,
        final Instance<Presence> presence, final Instance<ProjectionProgress> projection, final CoreCommands core)
    {
        this.projection = projection;
        this.core = core;
        this.catalog = catalog;
        this.views = views;
        this.usernames = usernames;
        this.access = access;
        this.presence = presence;
    }

    public List<MarketView> markets()
    {
        final Map<Integer, Long> indexPrices = IndexPriceRow.<IndexPriceRow>listAll().stream()
            .collect(Collectors.toMap(row -> row.marketId, row -> row.price));
        return catalog.markets().stream().map(market -> views.market(market, indexPrices.get(market.id()))).toList();
    }

    /** UNKNOWN_MARKET for a symbol the catalogue does not know. */
    public MarketView market(final String symbol)
    {
        final MarketInfo market = catalog.market(symbol);
        final IndexPriceRow index = IndexPriceRow.findById(market.id());
        return views.market(market, index == null ? null : index.price);
    }

    /**
     * An ad by id. A PRIVATE ad only by its owner unless {@code byLink} (the caller came with its link); a CLOSED
     * ad only by its owner, and an ad of someone who blocked the caller, or whom the caller blocked, not at all: to
     * others they are UNKNOWN_AD.
     */
    public AdView ad(final long adId, final Caller callerOrNull, final boolean byLink)
    {
        final AdRow row = AdRow.findById(adId);
        if (row == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_AD);
        }
        final boolean owner = callerOrNull != null && callerOrNull.userId() == row.ownerId;
        final boolean blocked = callerOrNull != null && blocked(callerOrNull.userId(), row.ownerId);
        if (!owner && ("CLOSED".equals(row.status) || blocked || ("PRIVATE".equals(row.visibility) && !byLink)))
        {
            throw ApiException.of(ErrorCode.UNKNOWN_AD);
        }
        return views.ad(row, usernames.of(row.ownerId), AdTextEntity.findById(adId));
    }

    /** The user's ads, newest first, optionally of one status (ONLINE, OFFLINE, CLOSED). */
    public List<AdView> myAds(final long userId, final String statusOrNull)
    {
        catchUp();
        final List<AdRow> rows;
        if (statusOrNull == null)
        {
            rows = AdRow.list("ownerId = ?1 order by id desc", userId);
        }
        else
        {
            rows = AdRow.list("ownerId = ?1 and status = ?2 order by id desc", userId,
                checked(statusOrNull, AD_STATUSES, "status"));
        }
        if (rows.isEmpty())
        {
            return List.of();
        }
        final List<Long> adIds = rows.stream().map(row -> row.id).toList();
        final Map<Long, AdTextEntity> texts = AdTextEntity.<AdTextEntity>list("adId in ?1", adIds).stream()
            .collect(Collectors.toMap(text -> text.adId, Function.identity()));
        final String ownerName = usernames.of(userId);
        return rows.stream().map(row -> views.ad(row, ownerName, texts.get(row.id))).toList();
    }

    /**
     * The user's orders as buyer or seller, newest first; optionally of one state, and created in [from, to).
     */
    public PageView<OrderView> myOrders(
        final long userId, final String stateOrNull, final Instant fromOrNull, final Instant toOrNull, final int page,
        final int size)
    {
        final PageRequest request = PageRequest.of(page, size, MAX_PAGE_SIZE);
        catchUp();
        final StringBuilder query = new StringBuilder("(buyerId = :user or sellerId = :user)");
        final Parameters parameters = Parameters.with("user", userId);
        if (stateOrNull != null)
        {
            query.append(" and state = :state");
            parameters.and("state", checked(stateOrNull, ORDER_STATES, "state"));
        }
        if (fromOrNull != null)
        {
            query.append(" and createdAt >= :from");
            parameters.and("from", fromOrNull);
        }
        if (toOrNull != null)
        {
            query.append(" and createdAt < :to");
            parameters.and("to", toOrNull);
        }
        query.append(" order by createdAt desc, id desc");
        return orders(OrderRow.find(query.toString(), parameters), request);
    }

    /** UNKNOWN_ORDER, or NOT_ORDER_PARTY for anyone but its parties and staff. */
    public OrderView order(final Caller caller, final long orderId)
    {
        final OrderRow row = access.order(orderId);
        if (!OrderAccess.isParty(row, caller.userId()) && !access.isStaff(caller))
        {
            throw ApiException.of(ErrorCode.NOT_ORDER_PARTY);
        }
        return views.order(row, usernames.of(List.of(row.buyerId, row.sellerId)));
    }

    /** Every asset the user has held, by asset id. */
    public List<BalanceView> balances(final long userId)
    {
        return BalanceRow.<BalanceRow>list("userId = ?1 order by assetId", userId).stream()
            .map(views::balance).toList();
    }

    /** A user's public profile; UNKNOWN_USER. A user who never traded has zero counts and null rates. */
    public ProfileView profile(final long userId)
    {
        final UserAccount user = user(userId);
        final UserStatsRow stats = UserStatsRow.findById(userId);
        final long feedbackCount = FeedbackRow.count("toUserId", userId);
        final long positive = FeedbackRow.count("toUserId = ?1 and positive = true", userId);
        final boolean online = presence.isResolvable() && presence.get().isOnline(userId);
        final long ageDays = Math.max(0, Duration.between(user.createdAt, Instant.now()).toDays());
        if (stats == null)
        {
            return new ProfileView(userId, user.username, user.role.name(), 0, 0, null, null, null,
                rate(positive, feedbackCount), feedbackCount, ageDays, online, user.createdAt);
        }
        return new ProfileView(userId, user.username, user.role.name(), stats.completedOrders, stats.completed30D,
            rate(stats.completed30D, (long)stats.completed30D + stats.failed30D),
            averageSeconds(stats.payTimeTotalMs, stats.payCount),
            averageSeconds(stats.releaseTimeTotalMs, stats.releaseCount),
            rate(positive, feedbackCount), feedbackCount, ageDays, online, user.createdAt);
    }

    /** The ratings a user received, newest first; UNKNOWN_USER. */
    public PageView<FeedbackView> feedbackFor(final long userId, final int page, final int size)
    {
        final PageRequest request = PageRequest.of(page, size, MAX_PAGE_SIZE);
        user(userId);
        final PanacheQuery<FeedbackRow> query =
            FeedbackRow.find("toUserId = ?1 order by createdAt desc, orderId desc", userId);
        final List<FeedbackRow> rows = query.page(request.page(), request.size()).list();
        final Map<Long, String> names = usernames.of(rows.stream().map(row -> row.fromUserId).toList());
        return new PageView<>(rows.stream().map(row -> RowViews.feedback(row, names)).toList(), request.page(),
            request.size(), query.count());
    }

    /** The users this user blocked, most recent first. */
    public List<BlockedUserView> blockList(final long userId)
    {
        catchUp();
        final List<BlockRow> rows = BlockRow.list("blockerId = ?1 order by createdAt desc, blockedId", userId);
        final Map<Long, String> names = usernames.of(rows.stream().map(row -> row.blockedId).toList());
        return rows.stream().map(row -> RowViews.blocked(row, names)).toList();
    }

    /** The disputed orders waiting for an arbiter, the longest waiting first; NOT_ARBITER for anyone but staff. */
    public PageView<OrderView> disputes(final Caller caller, final int page, final int size)
    {
        if (!access.isStaff(caller))
        {
            throw ApiException.of(ErrorCode.NOT_ARBITER, "Only arbiters and admins see the disputes.");
        }
        final PageRequest request = PageRequest.of(page, size, MAX_PAGE_SIZE);
        catchUp();
        return orders(OrderRow.find("state = 'DISPUTED' order by disputedAt, id"), request);
    }

    private PageView<OrderView> orders(final PanacheQuery<OrderRow> query, final PageRequest request)
    {
        final List<OrderRow> rows = query.page(request.page(), request.size()).list();
        final List<Long> parties = new ArrayList<>();
        rows.forEach(row ->
        {
            parties.add(row.buyerId);
            parties.add(row.sellerId);
        });
        final Map<Long, String> names = usernames.of(parties);
        return new PageView<>(rows.stream().map(row -> views.order(row, names)).toList(), request.page(),
            request.size(), query.count());
    }

    /**
     * Waits (at most {@link #CATCH_UP_MS}) until the read models hold every batch the live view has applied, so a
     * history query shows what the trading calls already answered. Under load this is the projector's lag.
     */
    private void catchUp()
    {
        if (projection.isResolvable())
        {
            projection.get().awaitProjected(core.appliedSequence(), CATCH_UP_MS);
        }
    }

    private static UserAccount user(final long userId)
    {
        final UserAccount user = UserAccount.findById(userId);
        if (user == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_USER);
        }
        return user;
    }

    private static boolean blocked(final long userId, final long otherId)
    {
        return BlockRow.count("(blockerId = ?1 and blockedId = ?2) or (blockerId = ?2 and blockedId = ?1)",
            userId, otherId) > 0;
    }

    private static String checked(final String value, final Set<String> allowed, final String field)
    {
        if (!allowed.contains(value))
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                field + " must be one of " + allowed.stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
        return value;
    }

    /** {@code part / whole} as a decimal string, rounded down so that a rate is never overstated; null for 0/0. */
    static String rate(final long part, final long whole)
    {
        if (whole == 0)
        {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_DECIMALS, RoundingMode.DOWN)
            .stripTrailingZeros().toPlainString();
    }

    private static Long averageSeconds(final long totalMs, final long count)
    {
        return count == 0 ? null : totalMs / count / 1000;
    }
}
