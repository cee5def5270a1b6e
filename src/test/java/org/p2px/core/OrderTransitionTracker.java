package org.p2px.core;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;
import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdQuantityChangedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdStatusChangedDecoder;
import org.p2px.codec.AdUpdatedDecoder;
import org.p2px.codec.AppealWithdrawnDecoder;
import org.p2px.codec.AssetDefinedDecoder;
import org.p2px.codec.CancelReason;
import org.p2px.codec.CancelRequestRejectedDecoder;
import org.p2px.codec.CancelRequestedDecoder;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.DepositedDecoder;
import org.p2px.codec.DuplicateClientOrderDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventHandler;
import org.p2px.codec.IndexPriceSetDecoder;
import org.p2px.codec.MarketCreatedDecoder;
import org.p2px.codec.OrderCancelledDecoder;
import org.p2px.codec.OrderCompletedDecoder;
import org.p2px.codec.OrderDisputedDecoder;
import org.p2px.codec.OrderExpiredDecoder;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.OrderPaidDecoder;
import org.p2px.codec.Role;
import org.p2px.codec.UserBlockedDecoder;
import org.p2px.codec.UserKycSetDecoder;
import org.p2px.codec.UserRegisteredDecoder;
import org.p2px.codec.UserRestrictedDecoder;
import org.p2px.codec.UserRoleSetDecoder;
import org.p2px.codec.UserUnblockedDecoder;
import org.p2px.codec.WireEnums;
import org.p2px.codec.WithdrawnDecoder;

/**
 * Follows a core through its events alone, the way a read model would, and fails (with an {@link AssertionError})
 * on anything a correct core could not have emitted: an order moving along an edge that docs/product.md does not
 * draw, anything happening to an order after a final state, a deadline firing early, an event outside an accepted
 * batch, a batch not opened by CommandAccepted or CommandRejected, ids out of sequence.
 *
 * <p>Legal order edges: PENDING_PAYMENT to PAID, CANCELLED (by the buyer, or the buyer accepting the seller's
 * request) or EXPIRED (at or after payBy); PAID to COMPLETED (released by the seller), CANCELLED (by the buyer,
 * or on the seller's accepted request) or DISPUTED (appeal by a party at or after appealableFrom, or the release
 * deadline passing); DISPUTED to COMPLETED or CANCELLED (by an arbiter) or PAID (its appellant withdrew).
 *
 * <p>From the events alone it also builds a model of what the core should hold, for
 * {@link SimulationDriver#deepCheck()} to compare: every balance (available and locked) and the fee account, each
 * ad's remaining, frozen, filled and reserved quantities, and per user the completed orders, the 30-day completion
 * rate, time-to-pay and time-to-release totals, and the cancel history; a cancel or an expiry that takes a buyer
 * over a cancel limit must be followed at once by exactly the restriction docs/trading-rules.md prescribes.
 *
 * <p>And it keeps what a simulation needs to pick meaningful commands: open orders by state, live ads, users with
 * their roles, KYC, restrictions and blocks, the index prices, and each ad's recent edits. The events of the last
 * batch are kept in arrays for per-command checks.
 */
final class OrderTransitionTracker implements EventHandler
{
    static final byte NONE = 0;
    static final byte PENDING = 1;
    static final byte PAID = 2;
    static final byte DISPUTED = 3;
    static final byte COMPLETED = 4;
    static final byte CANCELLED = 5;
    static final byte EXPIRED = 6;

    private static final String[] STATE_NAMES =
        { "NONE", "PENDING_PAYMENT", "PAID", "DISPUTED", "COMPLETED", "CANCELLED", "EXPIRED" };

    /** One open order as the events describe it. */
    static final class TrackedOrder
    {
        long id;
        int marketId;
        long buyAdId;
        long sellAdId;
        long makerId;
        long takerId;
        long buyerId;
        long sellerId;
        long price;
        long quantity;
        long fiatAmount;
        long buyerFee;
        long sellerFee;
        int paymentMethod;
        long clientOrderId;
        long openedAt;
        long payBy;
        long releaseBy;
        long appealableFrom;
        long appellantId;
        long paidAt;
        boolean cancelRequested;
        byte state;

        long escrow()
        {
            return quantity + sellerFee;
        }

        boolean isParty(final long userId)
        {
            return buyerId == userId || sellerId == userId;
        }
    }

    /**
     * The cancel-limit model of docs/trading-rules.md: cancels before and after payment within the window,
     * restriction until, escalation level, last restriction time; plus completed orders for the profile check.
     */
    static final class UserModel
    {
        long[] prePay = new long[8];
        int prePayCount;
        long[] postPay = new long[8];
        int postPayCount;
        long restrictedUntil;
        int level;
        long lastRestrictedAt;
        long completed;
        long payTimeTotal;
        long payCount;
        long releaseTimeTotal;
        long releaseCount;
        long[] completedDays = new long[16];
        int completedDayCount;
        long[] failedDays = new long[16];
        int failedDayCount;

        void completedOn(final long day)
        {
            completedDayCount = prune(completedDays, completedDayCount, day - RollingDays.DAYS);
            completedDays = add(completedDays, completedDayCount++, day);
        }

        void failedOn(final long day)
        {
            failedDayCount = prune(failedDays, failedDayCount, day - RollingDays.DAYS);
            failedDays = add(failedDays, failedDayCount++, day);
        }

        /** Completed / (completed + failed) over the 30 days ending today, in bps; 10000 with nothing. */
        int completionRateBps(final long today)
        {
            final long done = countAfter(completedDays, completedDayCount, today - RollingDays.DAYS);
            final long failed = countAfter(failedDays, failedDayCount, today - RollingDays.DAYS);
            return done + failed == 0 ? 10_000 : (int)(done * 10_000 / (done + failed));
        }

        static long[] add(final long[] times, final int count, final long time)
        {
            final long[] target = count == times.length ? Arrays.copyOf(times, count * 2) : times;
            target[count] = time;
            return target;
        }

        static int countAfter(final long[] times, final int count, final long since)
        {
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                if (times[i] > since)
                {
                    n++;
                }
            }
            return n;
        }

        /** Drops times at or before {@code since}: they can never count again. */
        static int prune(final long[] times, final int count, final long since)
        {
            int kept = 0;
            for (int i = 0; i < count; i++)
            {
                if (times[i] > since)
                {
                    times[kept++] = times[i];
                }
            }
            return kept;
        }
    }

    /** An ad's quantities as the events move them. */
    static final class AdModel
    {
        long ownerId;
        int assetId;
        long remaining;
        long frozen;
        long filled;
        long reserved;
        int makerFeeBps;
        /** Escrow held by the open orders of a SELL ad. */
        long openEscrow;

        /** docs/trading-rules.md: reserve for the remainder and for the open orders that may come back. */
        long reservationTarget(final long remainder)
        {
            final long whole = remainder + frozen;
            return whole + whole * makerFeeBps / 10_000 - openEscrow;
        }
    }

    /** A set of ids that can be sampled uniformly: swap-remove array plus an index map. */
    static final class IdPool
    {
        private long[] ids = new long[256];
        private final Long2LongHashMap index = new Long2LongHashMap(-1);
        private int size;

        void add(final long id)
        {
            if (index.get(id) != -1)
            {
                return;
            }
            if (size == ids.length)
            {
                ids = Arrays.copyOf(ids, size * 2);
            }
            index.put(id, size);
            ids[size++] = id;
        }

        void remove(final long id)
        {
            final long at = index.remove(id);
            if (at == -1)
            {
                return;
            }
            final long last = ids[--size];
            if (at != size)
            {
                ids[(int)at] = last;
                index.put(last, at);
            }
        }

        boolean contains(final long id)
        {
            return index.get(id) != -1;
        }

        int size()
        {
            return size;
        }

        long get(final int i)
        {
            return ids[i];
        }

        /** A uniformly drawn member, or {@code otherwise} when empty. */
        long pick(final SplittableRandom rng, final long otherwise)
        {
            return size == 0 ? otherwise : ids[rng.nextInt(size)];
        }
    }

    private final CoreConfig config;

    // The last batch.
    boolean accepted;
    ErrorCode rejection;
    long batchTime;
    int eventCount;
    int[] eventTemplates = new int[64];
    long[] eventOrderIds = new long[64];
    long[] eventArgs = new long[64];

    // Orders.
    private byte[] states = new byte[1 << 16];
    long lastOrderId;
    final Long2ObjectHashMap<TrackedOrder> open = new Long2ObjectHashMap<>();
    final IdPool pending = new IdPool();
    final IdPool paid = new IdPool();
    final IdPool disputed = new IdPool();
    final IdPool cancelRequests = new IdPool();

    // Ads.
    final IdPool liveAds = new IdPool();
    long lastAdId;
    private final Long2ObjectHashMap<long[]> adEdits = new Long2ObjectHashMap<>();

    // Users, markets.
    final IdPool users = new IdPool();
    final Long2LongHashMap roles = new Long2LongHashMap(0);
    final Long2LongHashMap kycLevels = new Long2LongHashMap(-1);
    final Long2LongHashMap restrictedUntil = new Long2LongHashMap(0);
    private final LongHashSet blocks = new LongHashSet();
    /** Current blocks as keys {@code blocker * BLOCK_KEY + blocked}, for drawing one to unblock. */
    final IdPool blockPairs = new IdPool();
    final Long2LongHashMap adStatuses = new Long2LongHashMap(0);
    final Long2LongHashMap registeredAt = new Long2LongHashMap(-1);
    /** First order opened per (taker, clientOrderId), keyed {@code taker * CLIENT_KEY + clientOrderId}. */
    final Long2LongHashMap clientOrders = new Long2LongHashMap(-1);
    final Long2LongHashMap indexPrices = new Long2LongHashMap(0);
    final LongHashSet assets = new LongHashSet();
    final LongHashSet markets = new LongHashSet();

    final Long2ObjectHashMap<UserModel> userModels = new Long2ObjectHashMap<>();
    /** Balances by the events: key {@code userId * 1024 + assetId}. */
    final Long2LongHashMap availableModel = new Long2LongHashMap(0);
    final Long2LongHashMap lockedModel = new Long2LongHashMap(0);
    final long[] feesModel = new long[1024];
    final Long2ObjectHashMap<AdModel> adModels = new Long2ObjectHashMap<>();
    private final Long2LongHashMap marketAssets = new Long2LongHashMap(0);
    private final Long2LongHashMap makerFees = new Long2LongHashMap(-1);
    private final Long2LongHashMap openByAdAndCounterparty = new Long2LongHashMap(0);
    private long expectedRestrictionUser;
    private long expectedRestrictionUntil;
    private int expectedRestrictionLevel;

    // Counters.
    final long[] eventsByTemplate = new long[256];
    long ordersOpened;
    long crossings;
    long completedByArbiter;
    long disputedByDeadline;
    long disputedByAppeal;
    long cancelledByBuyer;
    long cancelledBySellerRequest;
    long refundedByArbiter;
    long duplicates;
    long restrictions;
    long adsClosed;

    OrderTransitionTracker(final CoreConfig config)
    {
        this.config = config;
    }

    /** Forgets the last batch; call before decoding the next one. */
    void beginBatch()
    {
        accepted = false;
        rejection = null;
        eventCount = 0;
        expectedRestrictionUser = 0;
    }

    /** Call after decoding a batch: fails if the batch ended owing an event the model expected. */
    void endBatch()
    {
        if (expectedRestrictionUser != 0)
        {
            fail("user " + expectedRestrictionUser + " went over a cancel limit but was not restricted");
        }
    }

    byte stateOf(final long orderId)
    {
        return orderId > 0 && orderId < states.length ? states[(int)orderId] : NONE;
    }

    long today()
    {
        return Math.floorDiv(batchTime, CoreConfig.DAY_MS);
    }

    /** The user's ads not closed, from the events. */
    int openAdsOf(final long userId)
    {
        int count = 0;
        for (final AdModel ad : adModels.values())
        {
            if (ad.ownerId == userId)
            {
                count++;
            }
        }
        return count;
    }

    /** Orders a user took as the buyer and has not paid yet, from the events. */
    int unpaidTakesOf(final long userId)
    {
        int count = 0;
        for (final TrackedOrder order : open.values())
        {
            if (order.state == PENDING && order.takerId == userId && order.buyerId == userId)
            {
                count++;
            }
        }
        return count;
    }

    /** Open orders between an ad and one counterparty, from the events. */
    int openOrdersOn(final long adId, final long counterparty)
    {
        return (int)openByAdAndCounterparty.get(adId * BLOCK_KEY + counterparty);
    }

    private void countOpen(final TrackedOrder order, final int delta)
    {
        if (order.buyAdId != 0)
        {
            addOpen(order.buyAdId * BLOCK_KEY + order.sellerId, delta);
        }
        if (order.sellAdId != 0)
        {
            addOpen(order.sellAdId * BLOCK_KEY + order.buyerId, delta);
        }
    }

    private void addOpen(final long key, final int delta)
    {
        final long count = openByAdAndCounterparty.get(key) + delta;
        if (count == 0)
        {
            openByAdAndCounterparty.remove(key);
        }
        else
        {
            openByAdAndCounterparty.put(key, count);
        }
    }

    static String stateName(final byte state)
    {
        return STATE_NAMES[state];
    }

    boolean isBlockedEitherWay(final long one, final long other)
    {
        return blocks.contains(blockKey(one, other)) || blocks.contains(blockKey(other, one));
    }

    boolean hasBlocked(final long blocker, final long blocked)
    {
        return blocks.contains(blockKey(blocker, blocked));
    }

    Role roleOf(final long userId)
    {
        final long raw = roles.get(userId);
        return raw == 0 ? null : Role.get((short)raw);
    }

    boolean isRestricted(final long userId, final long now)
    {
        return now < restrictedUntil.get(userId);
    }

    /** Whether the core's edit limit refuses an edit of this ad at {@code now}: the model of RecentTimes. */
    boolean isEditRateLimited(final long adId, final long now)
    {
        final long[] edits = adEdits.get(adId);
        if (edits == null)
        {
            return false;
        }
        int count = 0;
        for (int i = 0; i < edits.length; i++)
        {
            if (edits[i] != Long.MIN_VALUE && edits[i] > now - config.adEditWindowMs())
            {
                count++;
            }
        }
        return count >= config.adEditLimit();
    }

    // Batch framing.

    @Override
    public void onCommandAccepted(final CommandAcceptedDecoder event)
    {
        if (eventCount != 0)
        {
            fail("CommandAccepted is not the first event of its batch");
        }
        accepted = true;
        batchTime = event.timestamp();
        note(event.sbeTemplateId(), 0, 0);
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        if (eventCount != 0)
        {
            fail("CommandRejected is not the only event of its batch");
        }
        rejection = event.errorCode();
        batchTime = event.timestamp();
        note(event.sbeTemplateId(), 0, 0);
    }

    // Reference data and users.

    @Override
    public void onAssetDefined(final AssetDefinedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.assetId());
        if (!assets.add(event.assetId()))
        {
            fail("asset " + event.assetId() + " defined twice");
        }
    }

    @Override
    public void onMarketCreated(final MarketCreatedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.marketId());
        if (!markets.add(event.marketId()))
        {
            fail("market " + event.marketId() + " created twice");
        }
        marketAssets.put(event.marketId(), event.assetId());
        makerFees.put(event.marketId(), event.makerFeeBps());
    }

    @Override
    public void onIndexPriceSet(final IndexPriceSetDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.marketId());
        if (event.price() <= 0 || !markets.contains(event.marketId()))
        {
            fail("index price " + event.price() + " set on market " + event.marketId());
        }
        indexPrices.put(event.marketId(), event.price());
    }

    @Override
    public void onUserRegistered(final UserRegisteredDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.userId());
        if (users.contains(event.userId()))
        {
            fail("user " + event.userId() + " registered twice");
        }
        users.add(event.userId());
        userModels.put(event.userId(), new UserModel());
        roles.put(event.userId(), event.role().value());
        kycLevels.put(event.userId(), event.kycLevel());
        registeredAt.put(event.userId(), batchTime);
    }

    @Override
    public void onUserRoleSet(final UserRoleSetDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.userId());
        requireUser(event.userId());
        roles.put(event.userId(), event.role().value());
    }

    @Override
    public void onUserKycSet(final UserKycSetDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.userId());
        requireUser(event.userId());
        kycLevels.put(event.userId(), event.kycLevel());
    }

    @Override
    public void onDeposited(final DepositedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.amount());
        requireUser(event.userId());
        if (event.amount() <= 0)
        {
            fail("deposit of " + event.amount());
        }
        addBalance(availableModel, event.userId(), event.assetId(), event.amount());
    }

    @Override
    public void onWithdrawn(final WithdrawnDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.amount());
        requireUser(event.userId());
        if (event.amount() <= 0)
        {
            fail("withdrawal of " + event.amount());
        }
        addBalance(availableModel, event.userId(), event.assetId(), -event.amount());
    }

    @Override
    public void onUserRestricted(final UserRestrictedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.userId());
        requireUser(event.userId());
        if (event.until() <= batchTime)
        {
            fail("user " + event.userId() + " restricted until " + event.until() + ", not after now " + batchTime);
        }
        if (expectedRestrictionUser != event.userId() || expectedRestrictionUntil != event.until() ||
            expectedRestrictionLevel != event.level())
        {
            fail("user " + event.userId() + " restricted until " + event.until() + " at level " + event.level() +
                "; the cancel-limit model expected " + (expectedRestrictionUser == 0 ? "no restriction" :
                "user " + expectedRestrictionUser + " until " + expectedRestrictionUntil + " at level " +
                expectedRestrictionLevel));
        }
        expectedRestrictionUser = 0;
        final UserModel model = userModels.get(event.userId());
        model.restrictedUntil = event.until();
        model.level = event.level();
        model.lastRestrictedAt = batchTime;
        model.prePayCount = 0;
        model.postPayCount = 0;
        restrictedUntil.put(event.userId(), event.until());
        restrictions++;
    }

    @Override
    public void onUserBlocked(final UserBlockedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.blockedId());
        if (event.blockerId() == event.blockedId() || !blocks.add(blockKey(event.blockerId(), event.blockedId())))
        {
            fail("user " + event.blockerId() + " blocked " + event.blockedId() + " again or itself");
        }
        blockPairs.add(blockKey(event.blockerId(), event.blockedId()));
    }

    @Override
    public void onUserUnblocked(final UserUnblockedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.blockedId());
        if (!blocks.remove(blockKey(event.blockerId(), event.blockedId())))
        {
            fail("user " + event.blockerId() + " unblocked " + event.blockedId() + " without a block");
        }
        blockPairs.remove(blockKey(event.blockerId(), event.blockedId()));
    }

    // Ads.

    @Override
    public void onAdCreated(final AdCreatedDecoder event)
    {
        final long adId = event.adId();
        effect(event.sbeTemplateId(), 0, adId);
        if (adId != lastAdId + 1)
        {
            fail("ad " + adId + " created after ad " + lastAdId);
        }
        requireUser(event.ownerId());
        if (event.quantity() <= 0 || event.reserved() < 0)
        {
            fail("ad " + adId + " created with quantity " + event.quantity() + " reserving " + event.reserved());
        }
        lastAdId = adId;
        liveAds.add(adId);
        final AdModel ad = new AdModel();
        ad.ownerId = event.ownerId();
        ad.assetId = (int)marketAssets.get(event.marketId());
        ad.makerFeeBps = (int)makerFees.get(event.marketId());
        ad.remaining = event.quantity();
        ad.reserved = event.reserved();
        adModels.put(adId, ad);
        lock(ad.ownerId, ad.assetId, ad.reserved);
        adStatuses.put(adId, event.status().value());
        final long[] edits = new long[config.adEditLimit()];
        Arrays.fill(edits, Long.MIN_VALUE);
        adEdits.put(adId, edits);
    }

    @Override
    public void onAdUpdated(final AdUpdatedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.adId());
        recordEdit(event.adId());
    }

    @Override
    public void onAdStatusChanged(final AdStatusChangedDecoder event)
    {
        final long adId = event.adId();
        effect(event.sbeTemplateId(), 0, adId);
        requireLiveAd(adId);
        if (event.status() == AdStatus.CLOSED)
        {
            final AdModel ad = adModels.remove(adId);
            lock(ad.ownerId, ad.assetId, -ad.reserved);
            liveAds.remove(adId);
            adEdits.remove(adId);
            adStatuses.remove(adId);
            adsClosed++;
        }
        else
        {
            if (adStatuses.get(adId) == event.status().value())
            {
                fail("ad " + adId + " changed to the status it already has: " + event.status());
            }
            adStatuses.put(adId, event.status().value());
            recordEdit(adId);
        }
    }

    @Override
    public void onAdQuantityChanged(final AdQuantityChangedDecoder event)
    {
        effect(event.sbeTemplateId(), 0, event.adId());
        recordEdit(event.adId());
        final AdModel ad = adModels.get(event.adId());
        ad.remaining += event.delta();
        ad.reserved += event.reservedDelta();
        lock(ad.ownerId, ad.assetId, event.reservedDelta());
        if (ad.remaining < 0 || ad.reserved < 0)
        {
            fail("ad " + event.adId() + " changed to " + ad.remaining + " remaining, " + ad.reserved + " reserved");
        }
    }

    // Orders.

    @Override
    public void onOrderOpened(final OrderOpenedDecoder event)
    {
        final long orderId = event.orderId();
        effect(event.sbeTemplateId(), orderId, 0);
        if (orderId != lastOrderId + 1)
        {
            fail("order " + orderId + " opened after order " + lastOrderId);
        }
        final TrackedOrder order = new TrackedOrder();
        order.id = orderId;
        order.marketId = event.marketId();
        order.buyAdId = event.buyAdId();
        order.sellAdId = event.sellAdId();
        order.makerId = event.makerId();
        order.takerId = event.takerId();
        order.buyerId = event.buyerId();
        order.sellerId = event.sellerId();
        order.price = event.price();
        order.quantity = event.quantity();
        order.fiatAmount = event.fiatAmount();
        order.buyerFee = event.buyerFee();
        order.sellerFee = event.sellerFee();
        order.paymentMethod = event.paymentMethod();
        order.clientOrderId = event.clientOrderId();
        order.openedAt = batchTime;
        order.payBy = event.payBy();
        order.state = PENDING;

        requireUser(order.buyerId);
        requireUser(order.sellerId);
        if (order.buyerId == order.sellerId)
        {
            fail("order " + orderId + " has the same buyer and seller " + order.buyerId);
        }
        if (!order.isParty(order.makerId) || !order.isParty(order.takerId) || order.makerId == order.takerId)
        {
            fail("order " + orderId + " has maker " + order.makerId + " and taker " + order.takerId);
        }
        if (order.buyAdId == 0 && order.sellAdId == 0)
        {
            fail("order " + orderId + " has no ad");
        }
        if ((order.buyAdId != 0 && !liveAds.contains(order.buyAdId)) ||
            (order.sellAdId != 0 && !liveAds.contains(order.sellAdId)))
        {
            fail("order " + orderId + " opened on a closed or unknown ad");
        }
        if (order.price <= 0 || order.quantity <= 0 || order.fiatAmount <= 0 || order.buyerFee < 0 ||
            order.sellerFee < 0 || order.buyerFee > order.quantity)
        {
            fail("order " + orderId + " opened with price " + order.price + ", quantity " + order.quantity +
                ", fiat " + order.fiatAmount + ", fees " + order.buyerFee + "/" + order.sellerFee);
        }
        final long window = order.payBy - batchTime;
        if (window < config.minPaymentWindowMinutes() * CoreConfig.MINUTE_MS ||
            window > config.maxPaymentWindowMinutes() * CoreConfig.MINUTE_MS || window % CoreConfig.MINUTE_MS != 0)
        {
            fail("order " + orderId + " has a payment window of " + window + " ms");
        }

        openMoney(order);
        lastOrderId = orderId;
        setState(orderId, PENDING);
        open.put(orderId, order);
        countOpen(order, 1);
        pending.add(orderId);
        ordersOpened++;
        if (order.buyAdId != 0 && order.sellAdId != 0)
        {
            crossings++;
        }
        if (order.clientOrderId != 0)
        {
            final long key = order.takerId * CLIENT_KEY + order.clientOrderId;
            if (clientOrders.get(key) == -1)
            {
                clientOrders.put(key, orderId);
            }
        }
    }

    @Override
    public void onOrderPaid(final OrderPaidDecoder event)
    {
        final TrackedOrder order = transition(event.sbeTemplateId(), event.orderId(), PAID, PENDING, PENDING, 0);
        if (batchTime >= order.payBy)
        {
            fail("order " + order.id + " marked paid at " + batchTime + ", at or after payBy " + order.payBy);
        }
        checkDeadlines(order, event.releaseBy(), event.appealableFrom());
        order.releaseBy = event.releaseBy();
        order.appealableFrom = event.appealableFrom();
        order.paidAt = batchTime;
        final UserModel buyer = userModels.get(order.buyerId);
        buyer.payTimeTotal += batchTime - order.openedAt;
        buyer.payCount++;
    }

    @Override
    public void onOrderCompleted(final OrderCompletedDecoder event)
    {
        final boolean byArbiter = WireEnums.flag(event.byArbiterRaw());
        final byte from = byArbiter ? DISPUTED : PAID;
        final TrackedOrder completed =
            transition(event.sbeTemplateId(), event.orderId(), COMPLETED, from, from, byArbiter ? 1 : 0);
        userModels.get(completed.buyerId).completed++;
        userModels.get(completed.sellerId).completed++;
        userModels.get(completed.buyerId).completedOn(today());
        userModels.get(completed.sellerId).completedOn(today());
        if (!byArbiter)
        {
            final UserModel seller = userModels.get(completed.sellerId);
            seller.releaseTimeTotal += batchTime - completed.paidAt;
            seller.releaseCount++;
        }
        completeMoney(completed);
        if (byArbiter)
        {
            completedByArbiter++;
        }
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        final CancelReason reason = event.reason();
        final long orderId = event.orderId();
        if (reason == CancelReason.BY_BUYER)
        {
            final boolean beforePayment = stateOf(orderId) == PENDING;
            final TrackedOrder order =
                transition(event.sbeTemplateId(), orderId, CANCELLED, PENDING, PAID, reason.value());
            cancelledByBuyer++;
            countCancel(order.buyerId, beforePayment);
        }
        else if (reason == CancelReason.SELLER_REQUEST_ACCEPTED)
        {
            if (!cancelRequests.contains(orderId))
            {
                fail("order " + orderId + " cancelled on a seller's request that was never made");
            }
            final TrackedOrder order =
                transition(event.sbeTemplateId(), orderId, CANCELLED, PENDING, PAID, reason.value());
            userModels.get(order.sellerId).failedOn(today());
            cancelledBySellerRequest++;
        }
        else if (reason == CancelReason.ARBITER_REFUND)
        {
            final TrackedOrder order =
                transition(event.sbeTemplateId(), orderId, CANCELLED, DISPUTED, DISPUTED, reason.value());
            userModels.get(order.buyerId).failedOn(today());
            refundedByArbiter++;
        }
        else
        {
            fail("order " + orderId + " cancelled for reason " + reason);
        }
    }

    @Override
    public void onOrderExpired(final OrderExpiredDecoder event)
    {
        final long orderId = event.orderId();
        final TrackedOrder order = open.get(orderId);
        if (order != null && batchTime < order.payBy)
        {
            fail("order " + orderId + " expired at " + batchTime + ", before payBy " + order.payBy);
        }
        final TrackedOrder expired = transition(event.sbeTemplateId(), orderId, EXPIRED, PENDING, PENDING, 0);
        countCancel(expired.buyerId, true);
    }

    /** Records a buyer's cancel (or expiry) and works out whether the core must now restrict the buyer. */
    private void countCancel(final long buyerId, final boolean beforePayment)
    {
        final UserModel model = userModels.get(buyerId);
        model.failedOn(today());
        final long since = batchTime - config.cancelWindowMs();
        model.prePayCount = UserModel.prune(model.prePay, model.prePayCount, since);
        model.postPayCount = UserModel.prune(model.postPay, model.postPayCount, since);
        if (beforePayment)
        {
            model.prePay = UserModel.add(model.prePay, model.prePayCount++, batchTime);
        }
        else
        {
            model.postPay = UserModel.add(model.postPay, model.postPayCount++, batchTime);
        }
        final boolean overLimit =
            UserModel.countAfter(model.prePay, model.prePayCount, since) > config.maxPrePayCancels() ||
            UserModel.countAfter(model.postPay, model.postPayCount, since) > config.maxPostPayCancels();
        if (!overLimit || batchTime < model.restrictedUntil)
        {
            return;
        }
        final boolean escalationExpired =
            model.lastRestrictedAt == 0 || batchTime - model.lastRestrictedAt > config.restrictionResetMs();
        final int level = escalationExpired ? 0 : model.level;
        expectedRestrictionUser = buyerId;
        expectedRestrictionUntil = batchTime + config.restrictionMs(level);
        expectedRestrictionLevel = Math.min(level + 1, 255);
    }

    @Override
    public void onOrderDisputed(final OrderDisputedDecoder event)
    {
        final long orderId = event.orderId();
        final long appellant = event.appellantId();
        final TrackedOrder order = transition(event.sbeTemplateId(), orderId, DISPUTED, PAID, PAID, appellant);
        if (appellant == 0)
        {
            if (batchTime < order.releaseBy)
            {
                fail("order " + orderId + " disputed by deadline at " + batchTime + ", before releaseBy " +
                    order.releaseBy);
            }
            disputedByDeadline++;
        }
        else
        {
            if (!order.isParty(appellant))
            {
                fail("order " + orderId + " disputed by " + appellant + ", who is not a party");
            }
            if (batchTime < order.appealableFrom)
            {
                fail("order " + orderId + " appealed at " + batchTime + ", before " + order.appealableFrom);
            }
            disputedByAppeal++;
        }
        order.appellantId = appellant;
    }

    @Override
    public void onAppealWithdrawn(final AppealWithdrawnDecoder event)
    {
        final long orderId = event.orderId();
        final TrackedOrder before = open.get(orderId);
        if (before != null && before.appellantId == 0)
        {
            fail("order " + orderId + ": an appeal the deadline opened was withdrawn");
        }
        final TrackedOrder order = transition(event.sbeTemplateId(), orderId, PAID, DISPUTED, DISPUTED, 0);
        checkDeadlines(order, event.releaseBy(), event.appealableFrom());
        order.releaseBy = event.releaseBy();
        order.appealableFrom = event.appealableFrom();
        order.appellantId = 0;
    }

    @Override
    public void onCancelRequested(final CancelRequestedDecoder event)
    {
        final long orderId = event.orderId();
        effect(event.sbeTemplateId(), orderId, 0);
        final TrackedOrder order = requireOpen(orderId);
        if ((order.state != PENDING && order.state != PAID) || order.cancelRequested)
        {
            fail("order " + orderId + " got a cancel request in state " + stateName(order.state) +
                (order.cancelRequested ? " with one pending" : ""));
        }
        order.cancelRequested = true;
        cancelRequests.add(orderId);
    }

    @Override
    public void onCancelRequestRejected(final CancelRequestRejectedDecoder event)
    {
        final long orderId = event.orderId();
        effect(event.sbeTemplateId(), orderId, 0);
        final TrackedOrder order = requireOpen(orderId);
        if (!order.cancelRequested || (order.state != PENDING && order.state != PAID))
        {
            fail("order " + orderId + ": a cancel request was rejected that is not pending");
        }
        order.cancelRequested = false;
        cancelRequests.remove(orderId);
    }

    @Override
    public void onDuplicateClientOrder(final DuplicateClientOrderDecoder event)
    {
        effect(event.sbeTemplateId(), event.orderId(), event.clientOrderId());
        if (stateOf(event.orderId()) == NONE)
        {
            fail("a duplicate clientOrderId " + event.clientOrderId() + " points at unknown order " + event.orderId());
        }
        duplicates++;
    }

    // Helpers.

    private TrackedOrder transition(
        final int templateId, final long orderId, final byte to, final byte from, final byte orFrom, final long arg)
    {
        effect(templateId, orderId, arg);
        final byte current = stateOf(orderId);
        if (current != from && current != orFrom)
        {
            fail("illegal transition of order " + orderId + ": " + stateName(current) + " -> " + stateName(to));
        }
        final TrackedOrder order = open.get(orderId);
        poolOf(current).remove(orderId);
        setState(orderId, to);
        order.state = to;
        if (to == CANCELLED || to == EXPIRED)
        {
            returnMoney(order);
        }
        if (to >= COMPLETED)
        {
            countOpen(order, -1);
            open.remove(orderId);
            cancelRequests.remove(orderId);
        }
        else
        {
            poolOf(to).add(orderId);
        }
        return order;
    }

    // Money, by the rules of docs/trading-rules.md, from the events alone.

    private void openMoney(final TrackedOrder order)
    {
        final int asset = (int)marketAssets.get(order.marketId);
        final long escrow = order.escrow();
        final AdModel sellAd = order.sellAdId == 0 ? null : adModels.get(order.sellAdId);
        if (sellAd == null)
        {
            lock(order.sellerId, asset, escrow);
        }
        else
        {
            // Escrow out of the ad's reservation; its owner's available balance covers rounding dust.
            final long shortfall = Math.max(0, escrow - sellAd.reserved);
            lock(order.sellerId, asset, shortfall);
            sellAd.reserved += shortfall - escrow;
            freeze(sellAd, order);
            sellAd.openEscrow += escrow;
            final long surplus = sellAd.reserved - sellAd.reservationTarget(0);
            if (sellAd.remaining == 0 && surplus > 0)
            {
                lock(order.sellerId, asset, -surplus);
                sellAd.reserved -= surplus;
            }
        }
        if (order.buyAdId != 0)
        {
            freeze(adModels.get(order.buyAdId), order);
        }
    }

    private void freeze(final AdModel ad, final TrackedOrder order)
    {
        ad.remaining -= order.quantity;
        ad.frozen += order.quantity;
        if (ad.remaining < 0)
        {
            fail("order " + order.id + " takes " + order.quantity + " from an ad with only " +
                (ad.remaining + order.quantity) + " remaining");
        }
    }

    private void completeMoney(final TrackedOrder order)
    {
        final int asset = (int)marketAssets.get(order.marketId);
        addBalance(lockedModel, order.sellerId, asset, -order.escrow());
        addBalance(availableModel, order.buyerId, asset, order.quantity - order.buyerFee);
        feesModel[asset] += order.buyerFee + order.sellerFee;
        settleAds(order, true);
    }

    private void returnMoney(final TrackedOrder order)
    {
        final int asset = (int)marketAssets.get(order.marketId);
        final AdModel sellAd = order.sellAdId == 0 ? null : adModels.get(order.sellAdId);
        if (sellAd != null)
        {
            sellAd.reserved += order.escrow();
        }
        else
        {
            lock(order.sellerId, asset, -order.escrow());
        }
        settleAds(order, false);
    }

    private void settleAds(final TrackedOrder order, final boolean filled)
    {
        for (int slot = 0; slot < 2; slot++)
        {
            final AdModel ad = adModels.get(slot == 0 ? order.buyAdId : order.sellAdId);
            if (ad != null)
            {
                ad.frozen -= order.quantity;
                ad.openEscrow -= slot == 1 ? order.escrow() : 0;
                if (filled)
                {
                    ad.filled += order.quantity;
                }
                else
                {
                    ad.remaining += order.quantity;
                }
            }
        }
    }

    private void lock(final long userId, final int assetId, final long amount)
    {
        addBalance(availableModel, userId, assetId, -amount);
        addBalance(lockedModel, userId, assetId, amount);
    }

    private void addBalance(final Long2LongHashMap balances, final long userId, final int assetId, final long delta)
    {
        final long key = userId * 1024 + assetId;
        final long value = balances.get(key) + delta;
        if (value < 0)
        {
            fail("user " + userId + " would hold " + value + " of asset " + assetId);
        }
        if (value == 0)
        {
            balances.remove(key);
        }
        else
        {
            balances.put(key, value);
        }
    }

    private IdPool poolOf(final byte state)
    {
        return state == PENDING ? pending : state == PAID ? paid : disputed;
    }

    private void checkDeadlines(final TrackedOrder order, final long releaseBy, final long appealableFrom)
    {
        if (releaseBy != batchTime + config.releaseWindowMs() || appealableFrom != batchTime + config.appealWaitMs())
        {
            fail("order " + order.id + " paid at " + batchTime + " got releaseBy " + releaseBy +
                " and appealableFrom " + appealableFrom);
        }
    }

    private TrackedOrder requireOpen(final long orderId)
    {
        final TrackedOrder order = open.get(orderId);
        if (order == null)
        {
            fail("event on order " + orderId + ", which is " + stateName(stateOf(orderId)));
        }
        return order;
    }

    private void requireUser(final long userId)
    {
        if (!users.contains(userId))
        {
            fail("event names unknown user " + userId);
        }
    }

    private void requireLiveAd(final long adId)
    {
        if (!liveAds.contains(adId))
        {
            fail("event on ad " + adId + ", which is closed or unknown");
        }
    }

    private void recordEdit(final long adId)
    {
        requireLiveAd(adId);
        final long[] edits = adEdits.get(adId);
        int oldest = 0;
        for (int i = 1; i < edits.length; i++)
        {
            if (edits[i] < edits[oldest])
            {
                oldest = i;
            }
        }
        edits[oldest] = batchTime;
    }

    private void setState(final long orderId, final byte state)
    {
        if (orderId >= states.length)
        {
            states = Arrays.copyOf(states, (int)Math.max(states.length * 2L, orderId + 1));
        }
        states[(int)orderId] = state;
    }

    private void effect(final int templateId, final long orderId, final long arg)
    {
        if (!accepted || eventCount == 0)
        {
            fail("event " + templateId + " outside an accepted batch");
        }
        note(templateId, orderId, arg);
    }

    private void note(final int templateId, final long orderId, final long arg)
    {
        if (expectedRestrictionUser != 0 && templateId != UserRestrictedDecoder.TEMPLATE_ID)
        {
            fail("user " + expectedRestrictionUser + " went over a cancel limit but event " + templateId +
                " came instead of the restriction");
        }
        if (eventCount == eventTemplates.length)
        {
            eventTemplates = Arrays.copyOf(eventTemplates, eventCount * 2);
            eventOrderIds = Arrays.copyOf(eventOrderIds, eventCount * 2);
            eventArgs = Arrays.copyOf(eventArgs, eventCount * 2);
        }
        eventTemplates[eventCount] = templateId;
        eventOrderIds[eventCount] = orderId;
        eventArgs[eventCount] = arg;
        eventCount++;
        eventsByTemplate[templateId & 0xFF]++;
    }

    static final long BLOCK_KEY = 1_000_003L;
    static final long CLIENT_KEY = 1_000_000L;

    static long blockKey(final long blocker, final long blocked)
    {
        return blocker * BLOCK_KEY + blocked;
    }

    private static void fail(final String message)
    {
        throw new AssertionError(message);
    }
}
