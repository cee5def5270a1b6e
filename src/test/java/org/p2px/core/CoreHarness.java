package org.p2px.core;

import java.util.ArrayList;
import java.util.List;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.AttachmentRecordedDecoder;
import org.p2px.codec.AttachmentType;
import org.p2px.codec.CommandAdapter;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.DuplicateClientOrderDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;
import org.p2px.codec.MessageHeaderDecoder;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.Role;
import org.p2px.codec.ConfiguredRulesSetDecoder;
import org.p2px.codec.RulesSetDecoder;
import org.p2px.codec.RulesWriter;
import org.p2px.codec.Side;

/**
 * Drives a {@link TradingCore} the way the engine will: every command is encoded with {@link CommandProxy},
 * decoded by {@link CommandAdapter}, decided by the core, and its batch of events is recorded (and kept, as a
 * journal would keep it, so that {@link #replayDigest()} can rebuild the state from events alone).
 *
 * <p>A standard world is one call away: USDT (scale 6) against EUR (scale 2) in market 1, prices with 4
 * decimals (0.9200 EUR = 9200), a 10 EUR minimum order, maker fee 10 bps, taker fee 0, payment methods
 * SEPA (bit 0), WISE (bit 1), REVOLUT (bit 2), ZELLE (bit 3).
 */
final class CoreHarness
{
    static final long ADMIN = 1;
    static final long ARBITER = 2;
    static final int USDT = 1;
    static final int EUR = 100;
    static final int MARKET = 1;
    static final int SEPA = 0;
    static final int WISE = 1;
    static final int REVOLUT = 2;
    static final int ZELLE = 3;
    static final long ALL_METHODS = 0b1111;
    static final long START = 1_750_000_000_000L;
    /** One USDT in minor units. */
    static final long USDT_UNIT = 1_000_000L;
    /** One EUR in minor units. */
    static final long EUR_UNIT = 100L;

    final TradingCore core;
    /** The rules the core was constructed with: what a replay of its journal starts from. */
    private final CoreConfig startedWith;
    private final CommandProxy proxy = new CommandProxy();
    private final CommandAdapter adapter;
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[1024]);
    private final ExpandableArrayBuffer journal = new ExpandableArrayBuffer(1 << 20);
    private int journalLength;
    private final List<int[]> batches = new ArrayList<>();
    private final Recorder recorder = new Recorder();
    private final EventAdapter reader = new EventAdapter(recorder);
    private long correlationId;
    long now = START;

    CoreHarness()
    {
        this(CoreConfig.defaults());
    }

    CoreHarness(final CoreConfig config)
    {
        core = new TradingCore(config);
        startedWith = config;
        adapter = new CommandAdapter(core);
    }

    CoreState state()
    {
        return core.state();
    }

    /** Admin, arbiter, USDT, EUR and market 1 with its index price at 0.9200 EUR. */
    CoreHarness standardWorld()
    {
        ok(registerUser(ADMIN, Role.ADMIN, 3));
        ok(registerUser(ARBITER, Role.ARBITER, 3));
        ok(send(proxy.defineAsset(command, 0, ++correlationId, now, ADMIN, USDT, 6, false)));
        ok(send(proxy.defineAsset(command, 0, ++correlationId, now, ADMIN, EUR, 2, true)));
        ok(send(proxy.createMarket(command, 0, ++correlationId, now, ADMIN, MARKET, USDT, EUR, 4, 1, 10 * EUR_UNIT,
            10, 0, ALL_METHODS)));
        ok(setIndex(9200));
        return this;
    }

    /** A merchant (no posting thresholds) with {@code usdt} whole USDT available. */
    long merchant(final long id, final long usdt)
    {
        ok(registerUser(id, Role.MERCHANT, 2));
        if (usdt > 0)
        {
            ok(deposit(id, usdt * USDT_UNIT));
        }
        return id;
    }

    /** A plain user at KYC level 1 with {@code usdt} whole USDT available. */
    long user(final long id, final long usdt)
    {
        ok(registerUser(id, Role.USER, 1));
        if (usdt > 0)
        {
            ok(deposit(id, usdt * USDT_UNIT));
        }
        return id;
    }

    /** Terms that accept every method: limits 10 to 1000 EUR, fixed at {@code price}. */
    static AdTermsSpec terms(final long price)
    {
        return new AdTermsSpec().fixed(price).limits(10 * EUR_UNIT, 1_000 * EUR_UNIT).paymentMethods(ALL_METHODS);
    }

    /** Posts an ONLINE ad and returns its id; fails the test if it is rejected. */
    long ad(final long owner, final Side side, final long usdt, final AdTermsSpec terms)
    {
        ok(createAd(owner, side, usdt * USDT_UNIT, AdStatus.ONLINE, terms));
        return lastAdId();
    }

    /** Takes an ad for a fiat amount in whole EUR with SEPA and returns the order id. */
    long takeEur(final long taker, final long adId, final long eur)
    {
        ok(take(taker, adId, eur * EUR_UNIT, true, SEPA, 0));
        return lastOrderIds().get(0);
    }

    // Commands: each returns the rejection code, or null when accepted.

    ErrorCode registerUser(final long id, final Role role, final int kyc)
    {
        return send(proxy.registerUser(command, 0, ++correlationId, now, id, role, kyc));
    }

    ErrorCode setRole(final long actor, final long user, final Role role)
    {
        return send(proxy.setUserRole(command, 0, ++correlationId, now, actor, user, role));
    }

    ErrorCode setKyc(final long actor, final long user, final int kyc)
    {
        return send(proxy.setUserKyc(command, 0, ++correlationId, now, actor, user, kyc));
    }

    ErrorCode deposit(final long user, final long amount)
    {
        return send(proxy.deposit(command, 0, ++correlationId, now, ADMIN, user, USDT, amount));
    }

    ErrorCode withdraw(final long user, final long amount)
    {
        return send(proxy.withdraw(command, 0, ++correlationId, now, ADMIN, user, USDT, amount));
    }

    ErrorCode setRules(final long actor, final RulesWriter rules)
    {
        return send(proxy.setRules(command, 0, ++correlationId, now, actor, rules));
    }

    ErrorCode setIndex(final long price)
    {
        return send(proxy.setIndexPrice(command, 0, ++correlationId, now, ADMIN, MARKET, price));
    }

    ErrorCode createAd(final long owner, final Side side, final long quantity, final AdStatus status, final AdTermsSpec terms)
    {
        return send(proxy.createAd(command, 0, ++correlationId, now, owner, MARKET, side, quantity, status, terms));
    }

    ErrorCode updateAd(final long owner, final long adId, final AdTermsSpec terms)
    {
        return send(proxy.updateAd(command, 0, ++correlationId, now, owner, adId, terms));
    }

    ErrorCode setStatus(final long owner, final long adId, final AdStatus status)
    {
        return send(proxy.setAdStatus(command, 0, ++correlationId, now, owner, adId, status));
    }

    ErrorCode changeQuantity(final long owner, final long adId, final long delta)
    {
        return send(proxy.changeAdQuantity(command, 0, ++correlationId, now, owner, adId, delta));
    }

    ErrorCode take(
        final long taker, final long adId, final long amount, final boolean inFiat, final int method,
        final long clientOrderId)
    {
        return send(proxy.takeAd(command, 0, ++correlationId, now, taker, adId, amount, inFiat, method, clientOrderId));
    }

    ErrorCode express(
        final long taker, final Side side, final long amount, final boolean inFiat, final long methods,
        final long priceLimit, final boolean allowSplit, final long clientOrderId)
    {
        return send(proxy.express(command, 0, ++correlationId, now, taker, MARKET, side, amount, inFiat, methods,
            priceLimit, allowSplit, clientOrderId));
    }

    ErrorCode markPaid(final long actor, final long orderId)
    {
        return send(proxy.markPaid(command, 0, ++correlationId, now, actor, orderId));
    }

    ErrorCode release(final long actor, final long orderId)
    {
        return send(proxy.release(command, 0, ++correlationId, now, actor, orderId));
    }

    ErrorCode cancel(final long actor, final long orderId)
    {
        return send(proxy.cancelOrder(command, 0, ++correlationId, now, actor, orderId));
    }

    ErrorCode requestCancel(final long actor, final long orderId)
    {
        return send(proxy.requestCancel(command, 0, ++correlationId, now, actor, orderId));
    }

    ErrorCode reviewCancel(final long actor, final long orderId, final boolean accept)
    {
        return send(proxy.reviewCancelRequest(command, 0, ++correlationId, now, actor, orderId, accept));
    }

    ErrorCode appeal(final long actor, final long orderId)
    {
        return send(proxy.appeal(command, 0, ++correlationId, now, actor, orderId));
    }

    ErrorCode withdrawAppeal(final long actor, final long orderId)
    {
        return send(proxy.withdrawAppeal(command, 0, ++correlationId, now, actor, orderId));
    }

    ErrorCode resolve(final long actor, final long orderId, final DisputeOutcome outcome)
    {
        return send(proxy.resolveDispute(command, 0, ++correlationId, now, actor, orderId, outcome));
    }

    ErrorCode block(final long actor, final long user)
    {
        return send(proxy.blockUser(command, 0, ++correlationId, now, actor, user));
    }

    ErrorCode unblock(final long actor, final long user)
    {
        return send(proxy.unblockUser(command, 0, ++correlationId, now, actor, user));
    }

    ErrorCode recordAttachment(final long actor, final long orderId, final long attachmentId, final String sha256)
    {
        return send(proxy.recordAttachment(command, 0, ++correlationId, now, actor, orderId, attachmentId, 1234,
            AttachmentType.PNG, sha256));
    }

    ErrorCode tick()
    {
        return send(proxy.tick(command, 0, ++correlationId, now));
    }

    // Commands with every field chosen by the caller, for other actors, assets and markets.

    ErrorCode defineAsset(final long actor, final int assetId, final int scale, final boolean fiat)
    {
        return send(proxy.defineAsset(command, 0, ++correlationId, now, actor, assetId, scale, fiat));
    }

    ErrorCode createMarket(
        final long actor, final int marketId, final int assetId, final int fiatId, final int priceScale,
        final long priceTick, final long minOrderFiat, final int makerFeeBps, final int takerFeeBps,
        final long paymentMethods)
    {
        return send(proxy.createMarket(command, 0, ++correlationId, now, actor, marketId, assetId, fiatId, priceScale,
            priceTick, minOrderFiat, makerFeeBps, takerFeeBps, paymentMethods));
    }

    ErrorCode setIndexIn(final long actor, final int marketId, final long price)
    {
        return send(proxy.setIndexPrice(command, 0, ++correlationId, now, actor, marketId, price));
    }

    ErrorCode depositBy(final long actor, final long user, final int assetId, final long amount)
    {
        return send(proxy.deposit(command, 0, ++correlationId, now, actor, user, assetId, amount));
    }

    ErrorCode withdrawBy(final long actor, final long user, final int assetId, final long amount)
    {
        return send(proxy.withdraw(command, 0, ++correlationId, now, actor, user, assetId, amount));
    }

    ErrorCode createAdIn(
        final int marketId, final long owner, final Side side, final long quantity, final AdStatus status,
        final AdTermsSpec terms)
    {
        return send(proxy.createAd(command, 0, ++correlationId, now, owner, marketId, side, quantity, status, terms));
    }

    ErrorCode expressIn(
        final int marketId, final long taker, final Side side, final long amount, final boolean inFiat,
        final long methods, final long priceLimit, final boolean allowSplit, final long clientOrderId)
    {
        return send(proxy.express(command, 0, ++correlationId, now, taker, marketId, side, amount, inFiat, methods,
            priceLimit, allowSplit, clientOrderId));
    }

    /** Moves the clock forward; nothing fires until the next {@link #tick()}. */
    CoreHarness advance(final long millis)
    {
        now += millis;
        return this;
    }

    /** Sends raw bytes as a command, for malformed-input tests. */
    ErrorCode sendRaw(final UnsafeBuffer buffer, final int length)
    {
        adapter.onCommand(buffer, 0, length);
        return record();
    }

    CommandProxy proxy()
    {
        return proxy;
    }

    UnsafeBuffer commandBuffer()
    {
        return command;
    }

    long nextCorrelationId()
    {
        return ++correlationId;
    }

    ErrorCode send(final int length)
    {
        adapter.onCommand(command, 0, length);
        return record();
    }

    private ErrorCode record()
    {
        final int length = core.batchLength();
        journal.putBytes(journalLength, core.batchBuffer(), 0, length);
        batches.add(new int[]{ journalLength, length });
        journalLength += length;
        recorder.clear();
        reader.onBatch(core.batchBuffer(), 0, length);
        return recorder.rejection;
    }

    static void ok(final ErrorCode code)
    {
        if (code != null)
        {
            throw new AssertionError("expected the command to be accepted, but it was rejected with " + code);
        }
    }

    // What the last command produced.

    /** Names of the last batch's events after CommandAccepted, e.g. [OrderOpened, UserRestricted]. */
    List<String> events()
    {
        return new ArrayList<>(recorder.names);
    }

    /** The SBE text form of every event of the last batch, one per line. */
    String eventsText()
    {
        return String.join("\n", recorder.texts);
    }

    List<Long> lastOrderIds()
    {
        return new ArrayList<>(recorder.openedOrders);
    }

    long lastAdId()
    {
        return recorder.createdAd;
    }

    long duplicateOf()
    {
        return recorder.duplicateOf;
    }

    // State, read straight from the core.

    long available(final long user)
    {
        return state().users.get(user).available(USDT);
    }

    long locked(final long user)
    {
        return state().users.get(user).locked(USDT);
    }

    long fees()
    {
        return state().feeAccount[USDT];
    }

    Order order(final long orderId)
    {
        return state().orders.get(orderId);
    }

    Ad adOf(final long adId)
    {
        return state().ads.get(adId);
    }

    User userOf(final long userId)
    {
        return state().users.get(userId);
    }

    /** Ids of the ads in the market's public book on {@code side}, best first, as a taker would see them. */
    List<Long> book(final Side side)
    {
        final List<Long> ids = new ArrayList<>();
        final BookCursor cursor = new BookCursor().start(state().markets.get(MARKET).book(Ad.PUBLIC_BOOK, side));
        for (Ad ad = cursor.next(); ad != null; ad = cursor.next())
        {
            ids.add(ad.id);
        }
        return ids;
    }

    /** The current price of an ad: fixed, or its floating price at the market's index. */
    long priceOf(final long adId)
    {
        final Ad ad = adOf(adId);
        return ad.market.priceOf(ad);
    }

    /**
     * Fails unless {@code command} is rejected with exactly {@code expected}, its batch holds nothing but the
     * rejection, and the state digest is the same as before.
     */
    void assertRejected(final ErrorCode expected, final java.util.function.Supplier<ErrorCode> command)
    {
        final long before = core.digest();
        final ErrorCode actual = command.get();
        if (actual != expected)
        {
            throw new AssertionError("expected rejection " + expected + " but got " + actual + "\n" + eventsText());
        }
        if (!recorder.names.isEmpty())
        {
            throw new AssertionError("a rejected command emitted " + recorder.names);
        }
        if (core.digest() != before)
        {
            throw new AssertionError("a command rejected with " + expected + " changed the state");
        }
    }

    /** The state digest of a fresh core that applied every batch this harness journaled. */
    long replayDigest()
    {
        final TradingCore replayed = new TradingCore(startedWith);
        for (final int[] batch : batches)
        {
            replayed.apply(journal, batch[0], batch[1]);
        }
        return replayed.digest();
    }

    /** Fails unless the invariants hold and a replay of the journal reaches the live digest. */
    void assertSoundAndReplayable()
    {
        final String violation = core.checkInvariants();
        if (violation != null)
        {
            throw new AssertionError("invariant violated: " + violation);
        }
        final long live = core.digest();
        final long replayed = replayDigest();
        if (live != replayed)
        {
            throw new AssertionError("replay digest " + replayed + " differs from live digest " + live);
        }
    }

    private static final class Recorder implements EventHandler
    {
        final List<String> names = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<Long> openedOrders = new ArrayList<>();
        ErrorCode rejection;
        long createdAd;
        long duplicateOf;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();

        void clear()
        {
            names.clear();
            texts.clear();
            openedOrders.clear();
            rejection = null;
            createdAd = 0;
            duplicateOf = 0;
        }

        @Override
        public void onCommandRejected(final CommandRejectedDecoder event)
        {
            rejection = event.errorCode();
            texts.add(event.toString());
        }

        @Override
        public void onAttachmentRecorded(final AttachmentRecordedDecoder event)
        {
            note("AttachmentRecorded", event.toString());
        }

        @Override
        public void onRulesSet(final RulesSetDecoder event)
        {
            note("RulesSet", event.toString());
        }

        @Override
        public void onConfiguredRulesSet(final ConfiguredRulesSetDecoder event)
        {
            note("ConfiguredRulesSet", event.toString());
        }

        @Override
        public void onAdCreated(final AdCreatedDecoder event)
        {
            createdAd = event.adId();
            note("AdCreated", event.toString());
        }

        @Override
        public void onOrderOpened(final OrderOpenedDecoder event)
        {
            openedOrders.add(event.orderId());
            note("OrderOpened", event.toString());
        }

        @Override
        public void onDuplicateClientOrder(final DuplicateClientOrderDecoder event)
        {
            duplicateOf = event.orderId();
            note("DuplicateClientOrder", event.toString());
        }

        @Override
        public void onOrderPaid(final org.p2px.codec.OrderPaidDecoder event)
        {
            note("OrderPaid", event.toString());
        }

        @Override
        public void onOrderCompleted(final org.p2px.codec.OrderCompletedDecoder event)
        {
            note("OrderCompleted", event.toString());
        }

        @Override
        public void onOrderCancelled(final org.p2px.codec.OrderCancelledDecoder event)
        {
            note("OrderCancelled", event.toString());
        }

        @Override
        public void onOrderExpired(final org.p2px.codec.OrderExpiredDecoder event)
        {
            note("OrderExpired", event.toString());
        }

        @Override
        public void onOrderDisputed(final org.p2px.codec.OrderDisputedDecoder event)
        {
            note("OrderDisputed", event.toString());
        }

        @Override
        public void onAppealWithdrawn(final org.p2px.codec.AppealWithdrawnDecoder event)
        {
            note("AppealWithdrawn", event.toString());
        }

        @Override
        public void onCancelRequested(final org.p2px.codec.CancelRequestedDecoder event)
        {
            note("CancelRequested", event.toString());
        }

        @Override
        public void onCancelRequestRejected(final org.p2px.codec.CancelRequestRejectedDecoder event)
        {
            note("CancelRequestRejected", event.toString());
        }

        @Override
        public void onUserRestricted(final org.p2px.codec.UserRestrictedDecoder event)
        {
            note("UserRestricted", event.toString());
        }

        @Override
        public void onUserBlocked(final org.p2px.codec.UserBlockedDecoder event)
        {
            note("UserBlocked", event.toString());
        }

        @Override
        public void onUserUnblocked(final org.p2px.codec.UserUnblockedDecoder event)
        {
            note("UserUnblocked", event.toString());
        }

        @Override
        public void onAdUpdated(final org.p2px.codec.AdUpdatedDecoder event)
        {
            note("AdUpdated", event.toString());
        }

        @Override
        public void onAdStatusChanged(final org.p2px.codec.AdStatusChangedDecoder event)
        {
            note("AdStatusChanged", event.toString());
        }

        @Override
        public void onAdQuantityChanged(final org.p2px.codec.AdQuantityChangedDecoder event)
        {
            note("AdQuantityChanged", event.toString());
        }

        @Override
        public void onDeposited(final org.p2px.codec.DepositedDecoder event)
        {
            note("Deposited", event.toString());
        }

        @Override
        public void onWithdrawn(final org.p2px.codec.WithdrawnDecoder event)
        {
            note("Withdrawn", event.toString());
        }

        @Override
        public void onIndexPriceSet(final org.p2px.codec.IndexPriceSetDecoder event)
        {
            note("IndexPriceSet", event.toString());
        }

        @Override
        public void onUserRegistered(final org.p2px.codec.UserRegisteredDecoder event)
        {
            note("UserRegistered", event.toString());
        }

        @Override
        public void onUserRoleSet(final org.p2px.codec.UserRoleSetDecoder event)
        {
            note("UserRoleSet", event.toString());
        }

        @Override
        public void onUserKycSet(final org.p2px.codec.UserKycSetDecoder event)
        {
            note("UserKycSet", event.toString());
        }

        @Override
        public void onAssetDefined(final org.p2px.codec.AssetDefinedDecoder event)
        {
            note("AssetDefined", event.toString());
        }

        @Override
        public void onMarketCreated(final org.p2px.codec.MarketCreatedDecoder event)
        {
            note("MarketCreated", event.toString());
        }

        private void note(final String name, final String text)
        {
            names.add(name);
            texts.add(text);
        }
    }
}
