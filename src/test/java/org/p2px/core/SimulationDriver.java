package org.p2px.core;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.SplittableRandom;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.CommandAdapter;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.DuplicateClientOrderDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventProxy;
import org.p2px.codec.MessageHeaderEncoder;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.PriceType;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/**
 * Drives a {@link TradingCore} with a seeded stream of random commands and checks every one of them.
 *
 * <p>The world: an admin, two arbiters, 30 merchants and 100 plain users (half registered 45 days before the
 * rest, KYC levels 0 to 3; 30 more register on the way), assets USDT, BTC, EUR and NGN, and three markets
 * (USDT-EUR, BTC-EUR, USDT-NGN) with different scales, ticks, fees and payment methods. Commands of every kind
 * are drawn from a {@link SplittableRandom}, biased toward ids that exist (live ads and open orders come from the
 * events) and toward actors who make them meaningful, with a share of deliberately bad ones: unknown ids, wrong
 * actors, zero, negative and overflowing amounts, invalid terms, malformed bytes, timestamps from the past. Time
 * advances with every command and in jumps with ticks, so orders expire and go to dispute by deadline.
 *
 * <p>Checked after every command:
 * <ul>
 *   <li>the batch decodes, and {@link OrderTransitionTracker} accepts every event: legal order transitions only,
 *   nothing after a final state, no deadline firing early, cancel-limit restrictions exactly when the rules say;</li>
 *   <li>a rejected command is a lone CommandRejected and leaves {@link TradingCore#digest()} unchanged (compared
 *   with a second core that applies every batch, so this also checks that replay keeps up);</li>
 *   <li>the outcome is the one the model predicts: exactly, for admin, user, order-lifecycle and blocking commands
 *   (the buyer marking a pending order paid before payBy is accepted; a deposit by a non-admin is NOT_ADMIN); for
 *   takes, express and ad posting, from the model's own reading of the rules (gates, limits, rounding, funds), as
 *   "accepted" or "rejected with one of these codes", whatever order the core checks them in;</li>
 *   <li>the effects: an opened order has the ad's price, the amount asked, the rounding and fees of
 *   docs/trading-rules.md; express picks the best ad that can fill, or the split the rules describe; money moves as
 *   a completion, cancellation or refund should; after a tick no order is overdue; after an ad change or an index
 *   update no pair of opted-in ads that could trade is left crossed.</li>
 * </ul>
 * {@link TradingCore#checkInvariants()} and a comparison of the core's state with the model built from the events
 * alone (balances, fee account, ad quantities and reservations, profile counters, restrictions, book order) run
 * after every command for the first {@code fullCheckCommands} commands and every {@code checkEvery} commands after
 * that, because they recompute everything.
 */
final class SimulationDriver
{
    static final long ADMIN = 1;
    static final long ARBITER_A = 2;
    static final long ARBITER_B = 3;
    static final int USDT = 1;
    static final int BTC = 2;
    static final int EUR = 100;
    static final int NGN = 101;
    static final long START = 1_750_000_000_000L;
    static final long SECOND = 1_000L;
    static final long MINUTE = CoreConfig.MINUTE_MS;
    static final long HOUR = CoreConfig.HOUR_MS;
    static final long DAY = CoreConfig.DAY_MS;

    /** Markets: index 0..2 are market ids 1..3. */
    static final int[] MARKET_IDS = { 1, 2, 3 };
    static final int[] MARKET_ASSET = { USDT, BTC, USDT };
    static final int[] MARKET_FIAT = { EUR, EUR, NGN };
    static final int[] MARKET_PRICE_SCALE = { 4, 2, 2 };
    static final long[] MARKET_TICK = { 1, 100, 5 };
    static final long[] MARKET_MIN_FIAT = { 1_000, 2_000, 500_000 };
    static final int[] MARKET_MAKER_BPS = { 10, 15, 0 };
    static final int[] MARKET_TAKER_BPS = { 0, 5, 20 };
    static final long[] MARKET_METHODS = { 0b11_1111, 0b1100_0111, 0b111_0000_0000 };
    static final long[] MARKET_BASE_INDEX = { 9_200, 6_000_000, 160_000 };
    /** 10^(assetScale + priceScale - fiatScale). */
    static final long[] MARKET_UNIT = { 100_000_000L, 100_000_000L, 1_000_000L };
    /** A typical ad or order quantity range in asset minor units. */
    static final long[] TYPICAL_MIN_QTY = { 20_000_000L, 500_000L, 20_000_000L };
    static final long[] TYPICAL_MAX_QTY = { 5_000_000_000L, 50_000_000L, 2_000_000_000L };

    /** Beyond this many live ads, closing gets likelier and posting rarer, so that the world stays a size. */
    static final int MAX_LIVE_ADS = 160;
    /** clientOrderIds are drawn from this few per user, so retries are common and the core's id maps stay small. */
    static final int CLIENT_ORDER_IDS = 6;

    enum Kind
    {
        TICK(50),
        DEPOSIT(25),
        WITHDRAW(12),
        SET_INDEX(15),
        CREATE_AD(35),
        UPDATE_AD(20),
        SET_AD_STATUS(20),
        CHANGE_AD_QUANTITY(18),
        TAKE(150),
        EXPRESS(80),
        MARK_PAID(150),
        RELEASE(125),
        CANCEL(30),
        REQUEST_CANCEL(20),
        REVIEW_CANCEL(20),
        APPEAL(25),
        WITHDRAW_APPEAL(10),
        RESOLVE(25),
        BLOCK(5),
        UNBLOCK(7),
        SET_KYC(8),
        SET_ROLE(4),
        REGISTER_USER(5),
        ADMIN_SETUP(2),
        MALFORMED(3);

        final int weight;

        Kind(final int weight)
        {
            this.weight = weight;
        }
    }

    private enum Expect
    {
        ANY, ACCEPT, CODE, ACCEPT_OR_CODE, ONE_OF
    }

    private static final Kind[] KINDS = Kind.values();
    private static final int TOTAL_WEIGHT;

    static
    {
        int total = 0;
        for (final Kind kind : KINDS)
        {
            total += kind.weight;
        }
        TOTAL_WEIGHT = total;
    }

    final long seed;
    final CoreConfig config;
    final TradingCore core;
    /**
     * Applies every batch the live core produced, each only after the live core's command has been checked: while a
     * command is checked it holds the state from before it, which a rejection must not have changed.
     */
    private final TradingCore shadow;
    final OrderTransitionTracker tracker;
    private final SplittableRandom rng;
    private final CommandProxy proxy = new CommandProxy();
    private final CommandAdapter adapter;
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[1024]);
    private final EventAdapter reader;
    /** The core's own take and crossing rules, asked directly so that the model can be compared with them. */
    private final TradeRules coreRules;
    private final TradeQuote quote = new TradeQuote();
    private final BookCursor cursor = new BookCursor();
    private final AdTermsSpec terms = new AdTermsSpec();
    private final EnumSet<ErrorCode> postingFailures = EnumSet.noneOf(ErrorCode.class);
    final RuleModel model;
    private final EnumSet<ErrorCode> expectedCodes = EnumSet.noneOf(ErrorCode.class);
    private final EnumSet<ErrorCode> savedFailures = EnumSet.noneOf(ErrorCode.class);

    // Journal, for replay tests.
    private final boolean journaling;
    final ExpandableArrayBuffer eventJournal = new ExpandableArrayBuffer(1 << 20);
    final ExpandableArrayBuffer commandJournal = new ExpandableArrayBuffer(1 << 20);
    int[] batchOffsets = new int[1 << 12];
    int[] batchLengths = new int[1 << 12];
    int[] commandOffsets = new int[1 << 12];
    int[] commandLengths = new int[1 << 12];
    long[] digests = new long[1 << 12];
    int journalCount;
    private int eventJournalLength;
    private int commandJournalLength;

    // Checking cadence.
    int fullCheckCommands = 20_000;
    int checkEvery = 25;

    // Clock and ids.
    long now = START;
    /** How far the current command's timestamp lags the driver's clock; 0 for most commands. */
    private long skew;
    private long correlationId;
    private long nextNewUserId = 1_000;
    private long nextNewAssetId = 500;
    long commandCount;
    private long lastDigest;
    private boolean lastDigestValid;

    // The command being decided.
    private Kind kind;
    private Expect expect;
    private ErrorCode expectedCode;
    private String expectation;
    private long cmdActor;
    private long cmdOrderId;
    private long cmdAdId;
    private int cmdMarket;
    private long cmdAmount;
    private boolean cmdInFiat;
    private boolean cmdTakerBuys;
    private long cmdPriceLimit;
    private boolean cmdAllowSplit;
    private int cmdMethod;
    private long cmdClientOrderId;
    private long cmdExpectedPrice;
    private long cmdAdRemainingBefore;
    private long cmdExpectedSingleAd;
    private boolean cmdCrossCheck;
    private boolean cmdSplitPlanned;
    private final long[] planAdIds = new long[64];
    private final long[] planAmounts = new long[64];
    private final long[] planSellerIds = new long[64];
    private final long[] planDraws = new long[64];
    private int planCount;
    private long cmdDuplicateOf;
    private OrderTransitionTracker.TrackedOrder cmdOrder;
    private long buyerAvailable;
    private long buyerLocked;
    private long sellerAvailable;
    private long sellerLocked;
    private long feesBefore;
    private long sellAdReserved;
    private long sellAdRemaining;
    private long burstAdId;
    private int burstLeft;

    // Statistics.
    final long[] sentByKind = new long[KINDS.length];
    final long[] acceptedByKind = new long[KINDS.length];
    final long[] rejectedByCode = new long[1024];
    long splitExpresses;
    long splitOrders;
    long expressSingleFills;
    long accepted;
    long rejected;
    long invariantChecks;
    long skewedCommands;
    long mostCrossedInOneCommand;
    long crossingCapsReached;

    SimulationDriver(final long seed, final CoreConfig config, final boolean journaling)
    {
        this.seed = seed;
        this.config = config;
        this.journaling = journaling;
        rng = new SplittableRandom(seed);
        core = new TradingCore(config);
        shadow = new TradingCore(config);
        adapter = new CommandAdapter(core);
        tracker = new OrderTransitionTracker(config);
        reader = new EventAdapter(tracker);
        model = new RuleModel(config, core.state(), tracker);
        coreRules = new TradeRules(core.state(), new EventProxy(1024, (buffer, offset) -> { }));
        lastDigest = core.digest();
        lastDigestValid = true;
    }

    // The world.

    /** Registers everyone, defines assets and markets, funds the merchants and posts the first ads. */
    SimulationDriver setUp()
    {
        resetCommand(Kind.ADMIN_SETUP);
        expectAccept();
        send(proxy.registerUser(command, 0, ++correlationId, stamp(), ADMIN, Role.ADMIN, 3));
        send(proxy.registerUser(command, 0, ++correlationId, stamp(), ARBITER_A, Role.ARBITER, 3));
        send(proxy.registerUser(command, 0, ++correlationId, stamp(), ARBITER_B, Role.ARBITER, 2));
        send(proxy.defineAsset(command, 0, ++correlationId, stamp(), ADMIN, USDT, 6, false));
        send(proxy.defineAsset(command, 0, ++correlationId, stamp(), ADMIN, BTC, 8, false));
        send(proxy.defineAsset(command, 0, ++correlationId, stamp(), ADMIN, EUR, 2, true));
        send(proxy.defineAsset(command, 0, ++correlationId, stamp(), ADMIN, NGN, 2, true));
        for (int m = 0; m < MARKET_IDS.length; m++)
        {
            send(proxy.createMarket(command, 0, ++correlationId, stamp(), ADMIN, MARKET_IDS[m], MARKET_ASSET[m],
                MARKET_FIAT[m], MARKET_PRICE_SCALE[m], MARKET_TICK[m], MARKET_MIN_FIAT[m], MARKET_MAKER_BPS[m],
                MARKET_TAKER_BPS[m], MARKET_METHODS[m]));
            send(proxy.setIndexPrice(command, 0, ++correlationId, stamp(), ADMIN, MARKET_IDS[m], MARKET_BASE_INDEX[m]));
        }
        // The old guard: registered long ago.
        registerCohort(10, 25, 100, 150);
        now += 45 * DAY;
        send(proxy.tick(command, 0, ++correlationId, now));
        registerCohort(25, 40, 150, 200);
        for (int i = 0; i < 60; i++)
        {
            now += rng.nextInt(2_000);
            resetCommand(Kind.CREATE_AD);
            genCreateAd(true);
            send(encodedLength);
        }
        return this;
    }

    private void registerCohort(final long merchantFrom, final long merchantTo, final long userFrom, final long userTo)
    {
        for (long id = merchantFrom; id < merchantTo; id++)
        {
            expectAccept();
            send(proxy.registerUser(command, 0, ++correlationId, stamp(), id, Role.MERCHANT, 1 + rng.nextInt(3)));
            expectAccept();
            send(proxy.deposit(command, 0, ++correlationId, stamp(), ADMIN, id, USDT, 200_000_000_000L));
            expectAccept();
            send(proxy.deposit(command, 0, ++correlationId, stamp(), ADMIN, id, BTC, 1_000_000_000L));
        }
        for (long id = userFrom; id < userTo; id++)
        {
            expectAccept();
            send(proxy.registerUser(command, 0, ++correlationId, stamp(), id, Role.USER, rng.nextInt(4)));
            if (rng.nextInt(4) != 0)
            {
                expectAccept();
                final long usdt = 1 + rng.nextLong(5_000_000_000L);
                send(proxy.deposit(command, 0, ++correlationId, stamp(), ADMIN, id, USDT, usdt));
            }
            if (rng.nextInt(3) == 0)
            {
                expectAccept();
                final long btc = 1 + rng.nextLong(20_000_000L);
                send(proxy.deposit(command, 0, ++correlationId, stamp(), ADMIN, id, BTC, btc));
            }
        }
    }

    /** Runs {@code count} random commands. */
    void run(final long count)
    {
        for (long i = 0; i < count; i++)
        {
            step();
        }
    }

    private int encodedLength;

    /** One random command, sent and checked. */
    void step()
    {
        if (rng.nextInt(100) == 0)
        {
            // Stamped in the past: the core decides it at its own clock, the time of the last batch.
            skew = 1 + rng.nextLong(10 * MINUTE);
            skewedCommands++;
            now = tracker.batchTime;
        }
        else
        {
            skew = 0;
            now += rng.nextInt(800);
        }
        int roll = rng.nextInt(TOTAL_WEIGHT);
        Kind chosen = KINDS[0];
        for (final Kind candidate : KINDS)
        {
            roll -= candidate.weight;
            if (roll < 0)
            {
                chosen = candidate;
                break;
            }
        }
        if (burstLeft > 0)
        {
            // An owner editing one ad in a hurry, until the edit limit bites.
            chosen = rng.nextInt(3) == 0 ? Kind.UPDATE_AD :
                rng.nextBoolean() ? Kind.SET_AD_STATUS : Kind.CHANGE_AD_QUANTITY;
        }
        resetCommand(chosen);
        try
        {
            generate(chosen);
            sentByKind[kind.ordinal()]++;
            send(encodedLength);
        }
        catch (final AssertionError | RuntimeException e)
        {
            throw new AssertionError("seed " + seed + ", command #" + (commandCount + 1) + " (" + kind + ", actor " +
                cmdActor + ", order " + cmdOrderId + ", ad " + cmdAdId + ", amount " + cmdAmount + ", expected " +
                expectation + "): " + e.getMessage(), e);
        }
        if (tracker.rejection == null)
        {
            acceptedByKind[kind.ordinal()]++;
        }
    }

    private void generate(final Kind chosen)
    {
        switch (chosen)
        {
            case TICK -> genTick();
            case DEPOSIT -> genTransfer(true);
            case WITHDRAW -> genTransfer(false);
            case SET_INDEX -> genSetIndex();
            case CREATE_AD ->
            {
                if (tracker.liveAds.size() > MAX_LIVE_ADS && rng.nextBoolean())
                {
                    kind = Kind.SET_AD_STATUS;
                    genSetAdStatus();
                }
                else
                {
                    genCreateAd(false);
                }
            }
            case UPDATE_AD -> genUpdateAd();
            case SET_AD_STATUS -> genSetAdStatus();
            case CHANGE_AD_QUANTITY -> genChangeQuantity();
            case TAKE -> genTake();
            case EXPRESS -> genExpress();
            case MARK_PAID -> genMarkPaid();
            case RELEASE -> genRelease();
            case CANCEL -> genCancel();
            case REQUEST_CANCEL -> genRequestCancel();
            case REVIEW_CANCEL -> genReviewCancel();
            case APPEAL -> genAppeal();
            case WITHDRAW_APPEAL -> genWithdrawAppeal();
            case RESOLVE -> genResolve();
            case BLOCK -> genBlock();
            case UNBLOCK -> genUnblock();
            case SET_KYC -> genSetKyc();
            case SET_ROLE -> genSetRole();
            case REGISTER_USER -> genRegister();
            case ADMIN_SETUP -> genAdminSetup();
            case MALFORMED -> genMalformed();
            default -> throw new IllegalStateException(chosen.name());
        }
    }

    private void resetCommand(final Kind chosen)
    {
        kind = chosen;
        expect = Expect.ANY;
        expectedCode = null;
        expectation = "any";
        cmdActor = 0;
        cmdOrderId = 0;
        cmdAdId = 0;
        cmdMarket = 0;
        cmdAmount = 0;
        cmdInFiat = false;
        cmdTakerBuys = false;
        cmdPriceLimit = 0;
        cmdAllowSplit = false;
        cmdMethod = -1;
        cmdClientOrderId = 0;
        cmdExpectedPrice = 0;
        cmdAdRemainingBefore = 0;
        cmdExpectedSingleAd = 0;
        cmdCrossCheck = false;
        cmdSplitPlanned = false;
        cmdDuplicateOf = 0;
        cmdOrder = null;
    }

    // Sending and checking.

    private void send(final int length)
    {
        commandCount++;
        if (journaling)
        {
            growJournal();
            commandJournal.putBytes(commandJournalLength, command, 0, length);
            commandOffsets[journalCount] = commandJournalLength;
            commandLengths[journalCount] = length;
            commandJournalLength += length;
        }
        adapter.onCommand(command, 0, length);
        final int batchLength = core.batchLength();
        tracker.beginBatch();
        reader.onBatch(core.batchBuffer(), 0, batchLength);
        tracker.endBatch();

        if (tracker.rejection != null)
        {
            rejected++;
            rejectedByCode[tracker.rejection.value()]++;
            if (tracker.eventCount != 1)
            {
                throw new AssertionError("a rejection came with " + (tracker.eventCount - 1) + " other events");
            }
            // The digest before this command: still known after a rejection, else the shadow's (it has applied every
            // batch but this one). A difference means the rejection changed state, or a replay diverged.
            final long before = lastDigestValid ? lastDigest : shadow.digest();
            lastDigest = core.digest();
            lastDigestValid = true;
            if (lastDigest != before)
            {
                throw new AssertionError("rejected with " + tracker.rejection + " but the state digest changed" +
                    " (or the replayed state differs from the live one)");
            }
        }
        else
        {
            if (!tracker.accepted)
            {
                throw new AssertionError("the batch has neither CommandAccepted nor CommandRejected");
            }
            accepted++;
            lastDigestValid = false;
        }
        shadow.apply(core.batchBuffer(), 0, batchLength);
        checkExpectation();
        if (tracker.rejection == null)
        {
            checkEffects();
        }
        if (commandCount <= fullCheckCommands || commandCount % checkEvery == 0)
        {
            deepCheck();
        }
        if (journaling)
        {
            eventJournal.putBytes(eventJournalLength, core.batchBuffer(), 0, batchLength);
            batchOffsets[journalCount] = eventJournalLength;
            batchLengths[journalCount] = batchLength;
            eventJournalLength += batchLength;
            digests[journalCount] = digest();
            journalCount++;
        }
    }

    private void growJournal()
    {
        if (journalCount == batchOffsets.length)
        {
            final int capacity = journalCount * 2;
            batchOffsets = Arrays.copyOf(batchOffsets, capacity);
            batchLengths = Arrays.copyOf(batchLengths, capacity);
            commandOffsets = Arrays.copyOf(commandOffsets, capacity);
            commandLengths = Arrays.copyOf(commandLengths, capacity);
            digests = Arrays.copyOf(digests, capacity);
        }
    }

    private void checkExpectation()
    {
        final ErrorCode got = tracker.rejection;
        if (kind == Kind.TAKE && cmdTakerBuys && got == ErrorCode.INSUFFICIENT_BALANCE)
        {
            throw new AssertionError("a buyer taking a SELL ad met a seller who cannot deliver (docs/product.md: a" +
                " SELL ad is funded)");
        }
        final boolean ok = switch (expect)
        {
            case ANY -> true;
            case ACCEPT -> got == null;
            case CODE -> got == expectedCode;
            case ACCEPT_OR_CODE -> got == null || got == expectedCode;
            case ONE_OF -> got != null && expectedCodes.contains(got);
        };
        if (!ok)
        {
            throw new AssertionError("expected " + expectation + " but got " + (got == null ? "accepted" : got));
        }
    }

    /** The live core's digest now, computed at most once per state. */
    long digest()
    {
        if (!lastDigestValid)
        {
            lastDigest = core.digest();
            lastDigestValid = true;
        }
        return lastDigest;
    }

    /** Full recomputation: the core's invariants, and the tracker against the core's state. */
    void deepCheck()
    {
        invariantChecks++;
        final String violation = core.checkInvariants();
        if (violation != null)
        {
            throw new AssertionError("invariant violated: " + violation);
        }
        final CoreState state = core.state();
        checkOrdersAgainstEvents(state);
        checkUsersAgainstEvents(state);
        checkAdsAgainstEvents(state);
        if (shadow.digest() != digest())
        {
            throw new AssertionError("a core that applied every batch has digest " + shadow.digest() +
                ", the live core " + digest());
        }
        for (int m = 0; m < MARKET_IDS.length; m++)
        {
            final Market market = state.markets.get(MARKET_IDS[m]);
            if (market != null)
            {
                checkBookOrder(market);
            }
        }
    }

    private void checkOrdersAgainstEvents(final CoreState state)
    {
        if (state.orders.size() != tracker.open.size())
        {
            throw new AssertionError("the core keeps " + state.orders.size() + " open orders, the events say " +
                tracker.open.size());
        }
        for (final OrderTransitionTracker.TrackedOrder tracked : tracker.open.values())
        {
            final Order order = state.orders.get(tracked.id);
            if (order == null || order.state.ordinal() + 1 != tracked.state)
            {
                throw new AssertionError("order " + tracked.id + " is " + (order == null ? "gone" : order.state) +
                    " in the core but " + OrderTransitionTracker.stateName(tracked.state) + " by its events");
            }
            if (order.cancelRequested != tracked.cancelRequested || order.appellantId != tracked.appellantId)
            {
                throw new AssertionError("order " + tracked.id +
                    " disagrees with its events on cancel request or appellant");
            }
        }
    }

    /** Balances, the fee account, profile counters and restrictions, against the model built from the events. */
    private void checkUsersAgainstEvents(final CoreState state)
    {
        for (final User user : state.users.values())
        {
            final OrderTransitionTracker.UserModel model = tracker.userModels.get(user.id);
            if (user.completedOrders != model.completed || user.restrictedUntil != model.restrictedUntil)
            {
                throw new AssertionError("user " + user.id + " has " + user.completedOrders + " completed orders and" +
                    " a restriction until " + user.restrictedUntil + "; the events say " + model.completed + " and " +
                    model.restrictedUntil);
            }
        }
        for (final User user : state.users.values())
        {
            final OrderTransitionTracker.UserModel model = tracker.userModels.get(user.id);
            if (user.payCount != model.payCount || user.payTimeTotalMs != model.payTimeTotal ||
                user.releaseCount != model.releaseCount || user.releaseTimeTotalMs != model.releaseTimeTotal ||
                user.completionRateBps(state.today()) != model.completionRateBps(state.today()))
            {
                throw new AssertionError("user " + user.id + "'s profile counters disagree with the events: pay " +
                    user.payCount + "/" + user.payTimeTotalMs + " vs " + model.payCount + "/" + model.payTimeTotal +
                    ", release " + user.releaseCount + "/" + user.releaseTimeTotalMs + " vs " + model.releaseCount +
                    "/" + model.releaseTimeTotal + ", 30-day completion " + user.completionRateBps(state.today()) +
                    " vs " + model.completionRateBps(state.today()));
            }
            for (int asset = 0; asset < user.available.length; asset++)
            {
                final long key = user.id * 1024 + asset;
                if (user.available[asset] != tracker.availableModel.get(key) ||
                    user.locked[asset] != tracker.lockedModel.get(key))
                {
                    throw new AssertionError("user " + user.id + " holds " + user.available[asset] + "/" +
                        user.locked[asset] + " (available/locked) of asset " + asset + "; the events say " +
                        tracker.availableModel.get(key) + "/" + tracker.lockedModel.get(key));
                }
            }
        }
        for (int asset = 0; asset < state.feeAccount.length; asset++)
        {
            if (state.feeAccount[asset] != tracker.feesModel[asset])
            {
                throw new AssertionError("the fee account holds " + state.feeAccount[asset] + " of asset " + asset +
                    "; the events say " + tracker.feesModel[asset]);
            }
        }
    }

    /** Ad quantities and reservations against the events; a SELL ad funds its remainder and returning orders. */
    private void checkAdsAgainstEvents(final CoreState state)
    {
        if (state.ads.size() != tracker.liveAds.size())
        {
            throw new AssertionError("the core keeps " + state.ads.size() + " ads, the events say " +
                tracker.liveAds.size());
        }
        for (final Ad ad : state.ads.values())
        {
            final OrderTransitionTracker.AdModel model = tracker.adModels.get(ad.id);
            if (ad.remaining != model.remaining || ad.frozen != model.frozen || ad.filled != model.filled ||
                ad.reserved != model.reserved)
            {
                throw new AssertionError("ad " + ad.id + " has " + ad.remaining + "/" + ad.frozen + "/" + ad.filled +
                    "/" + ad.reserved + " (remaining/frozen/filled/reserved); the events say " + model.remaining + "/" +
                    model.frozen + "/" + model.filled + "/" + model.reserved);
            }
        }
        for (final Ad ad : state.ads.values())
        {
            if (ad.isSell())
            {
                // A SELL ad is funded: it covers its remainder and every open order that may come back to it.
                final long needed = ad.remaining + RuleModel.fee(ad.remaining, ad.market.makerFeeBps);
                final long target = tracker.adModels.get(ad.id).reservationTarget(ad.remaining);
                if (ad.reserved < target || target < needed)
                {
                    throw new AssertionError("SELL ad " + ad.id + " has " + ad.remaining + " remaining and " +
                        ad.frozen + " frozen but reserves " + ad.reserved + " (needs " + target +
                        ", for the remainder alone " + needed + ")");
                }
            }
        }
    }

    /** Each book lists its ads best price first (by this test's own price arithmetic), then oldest first. */
    private void checkBookOrder(final Market market)
    {
        for (int slot = 0; slot < 2; slot++)
        {
            for (final Side side : new Side[]{ Side.BUY, Side.SELL })
            {
                final AdBook book = market.book(slot, side);
                cursor.start(book);
                long previousPrice = 0;
                long previousSeq = 0;
                int previousMargin = 0;
                boolean previousFloating = false;
                int count = 0;
                for (Ad ad = cursor.next(); ad != null; ad = cursor.next())
                {
                    final long price = model.priceOf(ad);
                    if (price != cursor.price())
                    {
                        throw new AssertionError("book of market " + market.id + " prices ad " + ad.id + " at " +
                            cursor.price() + ", expected " + price);
                    }
                    // docs/trading-rules.md: floating ads whose different margins round to one price go by margin.
                    final boolean marginOrder = previousFloating && ad.isFloating() && ad.marginBps != previousMargin &&
                        (side == Side.SELL ? ad.marginBps > previousMargin : ad.marginBps < previousMargin);
                    if (count > 0 && (book.isBetter(price, previousPrice) ||
                        (price == previousPrice && ad.bookSeq < previousSeq && !marginOrder)))
                    {
                        throw new AssertionError("book " + side + "/" + slot + " of market " + market.id +
                            " lists ad " + ad.id + " (" + price + ", seq " + ad.bookSeq + ") after (" + previousPrice +
                            ", seq " + previousSeq + ")");
                    }
                    previousPrice = price;
                    previousSeq = ad.bookSeq;
                    previousMargin = ad.marginBps;
                    previousFloating = ad.isFloating();
                    count++;
                }
                if (count != book.size())
                {
                    throw new AssertionError("book of market " + market.id + " walks " + count + " ads but holds " +
                        book.size());
                }
            }
        }
    }

    /** Checks the effects of an accepted command against the command that caused them. */
    private void checkEffects()
    {
        final OrderTransitionTracker t = tracker;
        if (cmdOrder != null)
        {
            checkMoney();
        }
        switch (kind)
        {
            case TICK -> checkNothingOverdue();
            case MARK_PAID -> requireOnly(OrderPaidTemplate.ID, cmdOrderId);
            case RELEASE -> requireOnly(OrderCompletedTemplate.ID, cmdOrderId);
            case TAKE -> checkTakeEffects();
            case EXPRESS -> checkExpressEffects();
            default ->
            {
            }
        }
        int crossed = 0;
        for (int i = 1; i < t.eventCount; i++)
        {
            if (t.eventTemplates[i] == OrderOpenedDecoder.TEMPLATE_ID)
            {
                final OrderTransitionTracker.TrackedOrder order = t.open.get(t.eventOrderIds[i]);
                if (order != null && order.buyAdId != 0 && order.sellAdId != 0)
                {
                    checkCrossedOrder(order);
                    crossed++;
                }
            }
        }
        if (crossed > config.maxCrossingOrders())
        {
            throw new AssertionError("one command crossed " + crossed + " orders, more than " +
                config.maxCrossingOrders());
        }
        mostCrossedInOneCommand = Math.max(mostCrossedInOneCommand, crossed);
        if (crossed == config.maxCrossingOrders())
        {
            crossingCapsReached++;
        }
        else if (cmdCrossCheck && t.eventCount > 1)
        {
            checkNothingCrosses();
        }
    }

    /** Event ids, to keep switch arms short. */
    private static final class OrderPaidTemplate
    {
        static final int ID = org.p2px.codec.OrderPaidDecoder.TEMPLATE_ID;
    }

    private static final class OrderCompletedTemplate
    {
        static final int ID = org.p2px.codec.OrderCompletedDecoder.TEMPLATE_ID;
    }

    private void requireOnly(final int templateId, final long orderId)
    {
        final OrderTransitionTracker t = tracker;
        if (t.eventCount != 2 || t.eventTemplates[1] != templateId || t.eventOrderIds[1] != orderId)
        {
            throw new AssertionError("expected exactly event " + templateId + " on order " + orderId + ", got " +
                t.eventCount + " events, the second " + (t.eventCount > 1 ? t.eventTemplates[1] : -1));
        }
    }

    private void checkNothingOverdue()
    {
        for (final OrderTransitionTracker.TrackedOrder order : tracker.open.values())
        {
            if ((order.state == OrderTransitionTracker.PENDING && order.payBy <= now) ||
                (order.state == OrderTransitionTracker.PAID && order.releaseBy <= now))
            {
                throw new AssertionError("after a tick at " + now + " order " + order.id + " is still " +
                    OrderTransitionTracker.stateName(order.state) + " past its deadline");
            }
        }
    }

    private void checkTakeEffects()
    {
        final OrderTransitionTracker t = tracker;
        if (cmdDuplicateOf != 0)
        {
            requireDuplicate();
            return;
        }
        if (t.eventCount != 2 || t.eventTemplates[1] != OrderOpenedDecoder.TEMPLATE_ID)
        {
            throw new AssertionError("an accepted take produced " + (t.eventCount - 1) + " events");
        }
        final OrderTransitionTracker.TrackedOrder order = t.open.get(t.eventOrderIds[1]);
        checkTakenOrder(order, cmdAdId, cmdExpectedPrice);
        if (order.paymentMethod != cmdMethod)
        {
            throw new AssertionError("order " + order.id + " uses method " + order.paymentMethod + ", asked " +
                cmdMethod);
        }
        if (cmdInFiat ? order.fiatAmount != cmdAmount : order.quantity != cmdAmount)
        {
            throw new AssertionError("order " + order.id + " is for " + order.quantity + " / " + order.fiatAmount +
                ", asked " + cmdAmount + (cmdInFiat ? " fiat" : " asset"));
        }
        if (order.quantity > cmdAdRemainingBefore)
        {
            throw new AssertionError("order " + order.id + " takes " + order.quantity + " from an ad with " +
                cmdAdRemainingBefore + " remaining");
        }
    }

    private void requireDuplicate()
    {
        final OrderTransitionTracker t = tracker;
        if (t.eventCount != 2 || t.eventTemplates[1] != DuplicateClientOrderDecoder.TEMPLATE_ID ||
            t.eventOrderIds[1] != cmdDuplicateOf)
        {
            throw new AssertionError("a retried clientOrderId " + cmdClientOrderId + " should answer order " +
                cmdDuplicateOf + " and nothing else");
        }
    }

    private void checkExpressEffects()
    {
        final OrderTransitionTracker t = tracker;
        if (cmdDuplicateOf != 0)
        {
            requireDuplicate();
            return;
        }
        long total = 0;
        int opened = 0;
        for (int i = 1; i < t.eventCount; i++)
        {
            if (t.eventTemplates[i] != OrderOpenedDecoder.TEMPLATE_ID)
            {
                throw new AssertionError("express produced event " + t.eventTemplates[i]);
            }
            final OrderTransitionTracker.TrackedOrder order = t.open.get(t.eventOrderIds[i]);
            final long adId = cmdTakerBuys ? order.sellAdId : order.buyAdId;
            final Ad ad = core.state().ads.get(adId);
            if (ad == null || ad.market.id != cmdMarket || ad.side != (cmdTakerBuys ? Side.SELL : Side.BUY))
            {
                throw new AssertionError("express order " + order.id + " is on ad " + adId +
                    " of the wrong market/side");
            }
            if (ad.visibility != Visibility.PUBLIC || ad.status != AdStatus.ONLINE)
            {
                throw new AssertionError("express order " + order.id + " took an ad that is not ONLINE and PUBLIC");
            }
            checkTakenOrder(order, adId, model.priceOf(ad));
            for (int j = 1; j < i; j++)
            {
                final OrderTransitionTracker.TrackedOrder other = t.open.get(t.eventOrderIds[j]);
                if ((cmdTakerBuys ? other.sellAdId : other.buyAdId) == adId)
                {
                    throw new AssertionError("express split took ad " + adId + " twice");
                }
            }
            if (cmdPriceLimit > 0 && (cmdTakerBuys ? order.price > cmdPriceLimit : order.price < cmdPriceLimit))
            {
                throw new AssertionError("express order " + order.id + " at " + order.price + " beyond limit " +
                    cmdPriceLimit);
            }
            total += cmdInFiat ? order.fiatAmount : order.quantity;
            opened++;
        }
        if (opened == 0 || (!cmdAllowSplit && opened != 1) || opened > config.maxSplitOrders())
        {
            throw new AssertionError("express opened " + opened + " orders (allowSplit " + cmdAllowSplit + ")");
        }
        if (total != cmdAmount)
        {
            throw new AssertionError("express orders add up to " + total + ", asked " + cmdAmount);
        }
        if (cmdSplitPlanned)
        {
            if (opened != planCount)
            {
                throw new AssertionError("express split opened " + opened + " orders, the plan has " + planCount);
            }
            for (int i = 0; i < planCount; i++)
            {
                final OrderTransitionTracker.TrackedOrder order = t.open.get(t.eventOrderIds[i + 1]);
                if ((cmdTakerBuys ? order.sellAdId : order.buyAdId) != planAdIds[i] ||
                    (cmdInFiat ? order.fiatAmount : order.quantity) != planAmounts[i])
                {
                    throw new AssertionError("express split order " + (i + 1) + " is on ad " +
                        (cmdTakerBuys ? order.sellAdId : order.buyAdId) + " for " +
                        (cmdInFiat ? order.fiatAmount : order.quantity) + ", the plan says ad " + planAdIds[i] +
                        " for " + planAmounts[i]);
                }
            }
        }
        if (cmdExpectedSingleAd != 0)
        {
            final OrderTransitionTracker.TrackedOrder order = t.open.get(t.eventOrderIds[1]);
            if (opened != 1 || (cmdTakerBuys ? order.sellAdId : order.buyAdId) != cmdExpectedSingleAd)
            {
                throw new AssertionError("express should have filled from ad " + cmdExpectedSingleAd +
                    ", the best one that can take the whole amount");
            }
        }
        if (opened > 1)
        {
            splitExpresses++;
            splitOrders += opened;
        }
        else
        {
            expressSingleFills++;
        }
    }

    /** An order on a named ad: parties, price, rounding in the taker's disfavour, fees, payment window. */
    private void checkTakenOrder(final OrderTransitionTracker.TrackedOrder order, final long adId, final long price)
    {
        final Ad ad = core.state().ads.get(adId);
        final int m = ad.market.id - 1;
        final boolean takerBuys = ad.side == Side.SELL;
        final long taker = cmdActor;
        if (order.takerId != taker || order.makerId != ad.owner.id ||
            order.buyerId != (takerBuys ? taker : ad.owner.id) || order.sellerId != (takerBuys ? ad.owner.id : taker) ||
            order.buyAdId != (takerBuys ? 0 : adId) || order.sellAdId != (takerBuys ? adId : 0) ||
            order.marketId != ad.market.id)
        {
            throw new AssertionError("order " + order.id + " has the wrong parties or ads for ad " + adId);
        }
        if (order.price != price)
        {
            throw new AssertionError("order " + order.id + " at price " + order.price + ", the ad's price is " + price);
        }
        final BigInteger unit = BigInteger.valueOf(MARKET_UNIT[m]);
        final BigInteger p = BigInteger.valueOf(price);
        if (cmdInFiat)
        {
            final BigInteger[] qr = BigInteger.valueOf(order.fiatAmount).multiply(unit).divideAndRemainder(p);
            final long floor = qr[0].longValueExact();
            final long expected = takerBuys || qr[1].signum() == 0 ? floor : floor + 1;
            if (order.quantity != expected)
            {
                throw new AssertionError("order " + order.id + ": " + order.fiatAmount + " fiat at " + price +
                    " should be " + expected + " asset in the taker's disfavour, is " + order.quantity);
            }
        }
        else
        {
            final BigInteger[] qr = BigInteger.valueOf(order.quantity).multiply(p).divideAndRemainder(unit);
            final long floor = qr[0].longValueExact();
            final long expected = !takerBuys || qr[1].signum() == 0 ? floor : floor + 1;
            if (order.fiatAmount != expected)
            {
                throw new AssertionError("order " + order.id + ": " + order.quantity + " asset at " + price +
                    " should cost " + expected + " fiat in the taker's disfavour, is " + order.fiatAmount);
            }
        }
        final long takerFee = RuleModel.fee(order.quantity, MARKET_TAKER_BPS[m]);
        final long makerFee = RuleModel.fee(order.quantity, MARKET_MAKER_BPS[m]);
        if (order.buyerFee != (takerBuys ? takerFee : makerFee) || order.sellerFee != (takerBuys ? makerFee : takerFee))
        {
            throw new AssertionError("order " + order.id + " has fees " + order.buyerFee + "/" + order.sellerFee);
        }
        if (order.fiatAmount < ad.minFiat || order.fiatAmount > ad.maxFiat || order.fiatAmount < MARKET_MIN_FIAT[m])
        {
            throw new AssertionError("order " + order.id + " for " + order.fiatAmount + " fiat is outside the limits " +
                ad.minFiat + ".." + ad.maxFiat);
        }
        if (order.payBy != now + ad.paymentWindowMinutes * MINUTE)
        {
            throw new AssertionError("order " + order.id + " must be paid by " + order.payBy + ", the ad gives " +
                ad.paymentWindowMinutes + " minutes");
        }
        if ((ad.paymentMethods & (1L << order.paymentMethod)) == 0)
        {
            throw new AssertionError("order " + order.id + " uses a method the ad does not accept");
        }
    }

    /** A crossed order: both ads opted in, prices crossed, at one of their prices, within both limits. */
    private void checkCrossedOrder(final OrderTransitionTracker.TrackedOrder order)
    {
        final CoreState state = core.state();
        final Ad buyAd = state.ads.get(order.buyAdId);
        final Ad sellAd = state.ads.get(order.sellAdId);
        final int m = buyAd.market.id - 1;
        final long buyPrice = model.priceOf(buyAd);
        final long sellPrice = model.priceOf(sellAd);
        if (!buyAd.autoMatch || !sellAd.autoMatch || buyAd.side != Side.BUY || sellAd.side != Side.SELL ||
            buyAd.market != sellAd.market || buyAd.owner == sellAd.owner)
        {
            throw new AssertionError("crossed order " + order.id + " pairs ads " + buyAd.id + " and " + sellAd.id);
        }
        if (buyPrice < sellPrice || (order.price != buyPrice && order.price != sellPrice))
        {
            throw new AssertionError("crossed order " + order.id + " at " + order.price + " between BUY at " +
                buyPrice + " and SELL at " + sellPrice);
        }
        if (order.buyerId != buyAd.owner.id || order.sellerId != sellAd.owner.id)
        {
            throw new AssertionError("crossed order " + order.id + ": the BUY ad's owner must be the buyer");
        }
        final long makerFee = RuleModel.fee(order.quantity, MARKET_MAKER_BPS[m]);
        if (order.buyerFee != makerFee || order.sellerFee != makerFee)
        {
            throw new AssertionError("crossed order " + order.id + " has fees " + order.buyerFee + "/" +
                order.sellerFee);
        }
        if (order.fiatAmount < Math.max(buyAd.minFiat, sellAd.minFiat) ||
            order.fiatAmount > Math.min(buyAd.maxFiat, sellAd.maxFiat))
        {
            throw new AssertionError("crossed order " + order.id + " for " + order.fiatAmount + " is outside a limit");
        }
        final long common = buyAd.paymentMethods & sellAd.paymentMethods;
        if ((common & (1L << order.paymentMethod)) == 0)
        {
            throw new AssertionError("crossed order " + order.id + " uses a method one side does not accept");
        }
        final long window = (order.payBy - now) / MINUTE;
        if (window != buyAd.paymentWindowMinutes && window != sellAd.paymentWindowMinutes)
        {
            throw new AssertionError("crossed order " + order.id + " has a payment window of neither ad");
        }
    }

    /**
     * After a change to opted-in ads or an index update, no pair that could trade is left crossed: every BUY/SELL
     * pair in a crossing book whose prices meet must fail {@link TradeRules#quoteCross}.
     */
    private void checkNothingCrosses()
    {
        final CoreState state = core.state();
        if (cmdAdId != 0)
        {
            final Ad ad = state.ads.get(cmdAdId);
            if (ad != null && ad.listed[Ad.CROSSING_BOOK])
            {
                checkNoCrossFor(ad);
            }
            return;
        }
        final Market market = state.markets.get(cmdMarket);
        if (market == null)
        {
            return;
        }
        cursor.start(market.book(Ad.CROSSING_BOOK, Side.BUY));
        final Ad[] buys = new Ad[market.book(Ad.CROSSING_BOOK, Side.BUY).size()];
        int n = 0;
        for (Ad ad = cursor.next(); ad != null; ad = cursor.next())
        {
            buys[n++] = ad;
        }
        for (int i = 0; i < n; i++)
        {
            checkNoCrossFor(buys[i]);
        }
    }

    private void checkNoCrossFor(final Ad ad)
    {
        final AdBook others = ad.market.book(Ad.CROSSING_BOOK, ad.side == Side.BUY ? Side.SELL : Side.BUY);
        final long price = model.priceOf(ad);
        cursor.start(others);
        for (Ad other = cursor.next(); other != null; other = cursor.next())
        {
            final long otherPrice = cursor.price();
            final long buyPrice = ad.side == Side.BUY ? price : otherPrice;
            final long sellPrice = ad.side == Side.BUY ? otherPrice : price;
            if (buyPrice < sellPrice)
            {
                return;
            }
            final Ad buyAd = ad.side == Side.BUY ? ad : other;
            final Ad sellAd = ad.side == Side.BUY ? other : ad;
            final ErrorCode coreSays = coreRules.quoteCross(buyAd, sellAd, quote);
            final EnumSet<ErrorCode> found = model.crossFailures(now, buyAd, sellAd);
            if (coreSays == null ? !found.isEmpty() : !found.contains(coreSays))
            {
                throw new AssertionError("crossing BUY ad " + buyAd.id + " with SELL ad " + sellAd.id +
                    ": the core quotes " + (coreSays == null ? "OK" : coreSays) + ", the model finds " + found);
            }
            if (coreSays == null)
            {
                throw new AssertionError("BUY ad " + buyAd.id + " at " + model.priceOf(buyAd) + " and SELL ad " +
                    sellAd.id + " at " + model.priceOf(sellAd) + " could still trade, but crossing stopped");
            }
        }
    }

    // Generators. Each encodes one command into {@code command}, sets encodedLength and the expectation.

    private void genTick()
    {
        final long before = now;
        final int roll = rng.nextInt(1000);
        if (roll < 700)
        {
            now += rng.nextLong(60 * SECOND);
        }
        else if (roll < 950)
        {
            now += MINUTE + rng.nextLong(9 * MINUTE);
        }
        else if (roll < 996)
        {
            now += 10 * MINUTE + rng.nextLong(35 * MINUTE);
        }
        else if (roll < 999)
        {
            now += HOUR + rng.nextLong(7 * HOUR);
        }
        else
        {
            now += DAY + rng.nextLong(2 * DAY);
        }
        if (skew != 0)
        {
            now = before;
        }
        expectAccept();
        encodedLength = proxy.tick(command, 0, ++correlationId, stamp());
    }

    private void genTransfer(final boolean deposit)
    {
        long actor = ADMIN;
        long user = pickTrader();
        int asset = rng.nextBoolean() ? USDT : BTC;
        long amount;
        final long available = availableOf(user, asset);
        if (deposit)
        {
            amount = 1 + (asset == USDT ? rng.nextLong(50_000_000_000L) : rng.nextLong(300_000_000L));
            expectAccept();
        }
        else
        {
            amount = rng.nextInt(3) != 0 && available > 0 ? 1 + rng.nextLong(available) :
                1 + (asset == USDT ? rng.nextLong(5_000_000_000L) : rng.nextLong(50_000_000L));
            if (amount <= available)
            {
                expectAccept();
            }
            else
            {
                expectCode(ErrorCode.INSUFFICIENT_BALANCE);
            }
        }
        switch (rng.nextInt(25))
        {
            case 0 ->
            {
                actor = pickTrader();
                expectCode(ErrorCode.NOT_ADMIN);
            }
            case 1 ->
            {
                user = unknownUser();
                expectCode(ErrorCode.UNKNOWN_USER);
            }
            case 2 ->
            {
                asset = rng.nextBoolean() ? EUR : NGN;
                expectCode(ErrorCode.INVALID_ASSET);
            }
            case 3 ->
            {
                asset = 77;
                expectCode(ErrorCode.UNKNOWN_ASSET);
            }
            case 4 ->
            {
                amount = -rng.nextInt(2);
                expectCode(ErrorCode.INVALID_AMOUNT);
            }
            case 5 ->
            {
                amount = Long.MAX_VALUE - rng.nextInt(3);
                expectCode(deposit ? ErrorCode.AMOUNT_TOO_LARGE : ErrorCode.INSUFFICIENT_BALANCE);
            }
            default ->
            {
            }
        }
        cmdActor = actor;
        cmdAmount = amount;
        encodedLength = deposit ?
            proxy.deposit(command, 0, ++correlationId, stamp(), actor, user, asset, amount) :
            proxy.withdraw(command, 0, ++correlationId, stamp(), actor, user, asset, amount);
    }

    private void genSetIndex()
    {
        final int m = rng.nextInt(MARKET_IDS.length);
        int marketId = MARKET_IDS[m];
        long actor = ADMIN;
        final long current = tracker.indexPrices.get(marketId);
        final long base = MARKET_BASE_INDEX[m];
        long price = current + (long)(current * (rng.nextDouble() * 0.03 - 0.015));
        price = Math.max(base * 9 / 10, Math.min(base * 11 / 10, price));
        expectAccept();
        switch (rng.nextInt(20))
        {
            case 0 ->
            {
                actor = pickTrader();
                expectCode(ErrorCode.NOT_ADMIN);
            }
            case 1 ->
            {
                marketId = 9;
                expectCode(ErrorCode.UNKNOWN_MARKET);
            }
            case 2 ->
            {
                price = -rng.nextInt(2);
                expectCode(ErrorCode.INVALID_PRICE);
            }
            default ->
            {
            }
        }
        cmdActor = actor;
        cmdMarket = marketId;
        cmdCrossCheck = true;
        encodedLength = proxy.setIndexPrice(command, 0, ++correlationId, stamp(), actor, marketId, price);
    }

    private void genCreateAd(final boolean bootstrap)
    {
        final int m = rng.nextInt(MARKET_IDS.length);
        int marketId = MARKET_IDS[m];
        long owner = bootstrap || rng.nextInt(10) < 7 ? pickMerchant() : pickTrader();
        Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
        AdStatus status = rng.nextInt(100) < 85 ? AdStatus.ONLINE : AdStatus.OFFLINE;
        randomTerms(m, side);
        long quantity = adQuantity(m, side, owner);

        postingFailures.clear();
        if (tracker.roleOf(owner) != Role.MERCHANT && !model.meetsPostingThresholds(owner, now))
        {
            postingFailures.add(ErrorCode.POSTING_THRESHOLD_NOT_MET);
        }
        if (side == Side.BUY && tracker.isRestricted(owner, now))
        {
            postingFailures.add(ErrorCode.USER_RESTRICTED);
        }
        if (side == Side.SELL)
        {
            final long reservation = quantity + RuleModel.fee(quantity, MARKET_MAKER_BPS[m]);
            if (reservation < 0)
            {
                postingFailures.add(ErrorCode.AMOUNT_TOO_LARGE);
            }
            else if (reservation > availableOf(owner, MARKET_ASSET[m]))
            {
                postingFailures.add(ErrorCode.INSUFFICIENT_BALANCE);
            }
        }
        if (terms.priceType == PriceType.FIXED && model.outOfBand(terms.price, tracker.indexPrices.get(marketId)))
        {
            postingFailures.add(ErrorCode.PRICE_OUT_OF_BAND);
        }
        if (tracker.openAdsOf(owner) >= config.maxOpenAdsPerUser())
        {
            postingFailures.add(ErrorCode.TOO_MANY_ADS);
        }
        expectFailures(postingFailures);
        if (!bootstrap && rng.nextInt(10) == 0)
        {
            switch (rng.nextInt(6))
            {
                case 0 ->
                {
                    owner = unknownUser();
                    expectCode(ErrorCode.UNKNOWN_USER);
                }
                case 1 ->
                {
                    marketId = 9;
                    expectCode(ErrorCode.UNKNOWN_MARKET);
                }
                case 2 ->
                {
                    side = Side.NULL_VAL;
                    expectCode(ErrorCode.INVALID_SIDE);
                }
                case 3 ->
                {
                    status = rng.nextBoolean() ? AdStatus.CLOSED : AdStatus.NULL_VAL;
                    expectCode(ErrorCode.INVALID_STATUS);
                }
                case 4 ->
                {
                    quantity = -rng.nextInt(2);
                    expectCode(ErrorCode.INVALID_AMOUNT);
                }
                default -> expectCode(breakTerms(m));
            }
        }
        cmdActor = owner;
        cmdAmount = quantity;
        cmdAdId = tracker.lastAdId + 1;
        cmdCrossCheck = true;
        encodedLength =
            proxy.createAd(command, 0, ++correlationId, stamp(), owner, marketId, side, quantity, status, terms);
    }

    /** Random valid terms for market index {@code m} into {@link #terms}. */
    private void randomTerms(final int m, final Side side)
    {
        final long index = tracker.indexPrices.get(MARKET_IDS[m]);
        if (rng.nextInt(10) < 6)
        {
            final double skew = side == Side.SELL ? rng.nextDouble() * 0.04 - 0.01 : rng.nextDouble() * 0.04 - 0.03;
            terms.fixed(onTick((long)(index * (1 + skew)), MARKET_TICK[m]));
        }
        else
        {
            terms.floating(side == Side.SELL ? rng.nextInt(-100, 301) : rng.nextInt(-300, 101));
        }
        final long min = MARKET_MIN_FIAT[m] * new long[]{ 1, 1, 2, 3, 5, 10 }[rng.nextInt(6)];
        terms.limits(min, min * new long[]{ 2, 3, 5, 10, 20, 50 }[rng.nextInt(6)]);
        final int extreme = rng.nextInt(100);
        if (extreme < 3)
        {
            // No upper limit to speak of.
            terms.limits(min, rng.nextBoolean() ? Long.MAX_VALUE : Long.MAX_VALUE / (1 + rng.nextInt(1_000)));
        }
        else if (extreme < 4)
        {
            terms.floating(rng.nextBoolean() ? config.maxMarginBps() : -config.maxMarginBps());
        }
        else if (extreme < 5)
        {
            terms.fixed(onTick(index * (1 + rng.nextLong(1_000_000_000L)), MARKET_TICK[m]));
        }
        terms.paymentMethods(randomMethods(MARKET_METHODS[m], 1 + rng.nextInt(4)));
        final int windowRoll = rng.nextInt(10);
        terms.paymentWindowMinutes(
            window(windowRoll < 6 ? 15 : windowRoll < 8 ? 30 : windowRoll < 9 ? 60 : rng.nextInt(15, 181)));
        if (rng.nextInt(4) == 0)
        {
            terms.gates(rng.nextInt(4), new int[]{ 0, 0, 7, 30, 60 }[rng.nextInt(5)],
                new int[]{ 0, 0, 5, 20, 50 }[rng.nextInt(5)], new int[]{ 0, 0, 5_000, 8_000, 9_500 }[rng.nextInt(5)]);
        }
        else
        {
            terms.gates(0, 0, 0, 0);
        }
        terms.maxOpenOrdersPerTaker(rng.nextInt(10) < 7 ? 0 : 1 + rng.nextInt(3));
        terms.visibility(rng.nextInt(10) == 0 ? Visibility.PRIVATE : Visibility.PUBLIC);
        terms.autoMatch(rng.nextInt(100) < 15);
    }

    /** Breaks exactly one thing in {@link #terms}; returns the code the core must answer with. */
    private ErrorCode breakTerms(final int m)
    {
        switch (rng.nextInt(12))
        {
            case 0:
                terms.fixed(-rng.nextInt(2));
                return ErrorCode.INVALID_PRICE;
            case 1:
                if (MARKET_TICK[m] > 1)
                {
                    terms.fixed(onTick(tracker.indexPrices.get(MARKET_IDS[m]), MARKET_TICK[m]) + 1);
                    return ErrorCode.PRICE_NOT_ON_TICK;
                }
                terms.fixed(0);
                return ErrorCode.INVALID_PRICE;
            case 2:
                terms.floating(rng.nextBoolean() ? 5_001 : -7_000);
                return ErrorCode.INVALID_MARGIN;
            case 3:
                terms.limits(MARKET_MIN_FIAT[m] - 1, MARKET_MIN_FIAT[m] * 10);
                return ErrorCode.INVALID_LIMITS;
            case 4:
                terms.limits(MARKET_MIN_FIAT[m] * 5, MARKET_MIN_FIAT[m] * 5 - 1);
                return ErrorCode.INVALID_LIMITS;
            case 5:
                terms.paymentMethods(0);
                return ErrorCode.INVALID_PAYMENT_METHODS;
            case 6:
                terms.paymentMethods(MARKET_METHODS[m] | (1L << 40));
                return ErrorCode.INVALID_PAYMENT_METHODS;
            case 7:
                terms.paymentMethods(0b11_1111L << 20);
                return ErrorCode.INVALID_PAYMENT_METHODS;
            case 8:
                terms.paymentWindowMinutes(rng.nextBoolean() ? config.minPaymentWindowMinutes() - 1 :
                    config.maxPaymentWindowMinutes() + 1);
                return ErrorCode.INVALID_PAYMENT_WINDOW;
            case 9:
                terms.gates(4 + rng.nextInt(5), 0, 0, 0);
                return ErrorCode.INVALID_GATES;
            case 10:
                terms.gates(0, 0, -1 - rng.nextInt(10), 0);
                return ErrorCode.INVALID_GATES;
            default:
                terms.gates(0, 0, 0, 10_001);
                return ErrorCode.INVALID_GATES;
        }
    }

    private long adQuantity(final int m, final Side side, final long owner)
    {
        if (side == Side.BUY)
        {
            return rng.nextInt(300) == 0 && !terms.autoMatch ? 1_000_000_000_000_000_000L : typicalQuantity(m);
        }
        final long available = availableOf(owner, MARKET_ASSET[m]);
        if (available < TYPICAL_MIN_QTY[m] || rng.nextInt(12) == 0)
        {
            return rng.nextInt(50) == 0 ? Long.MAX_VALUE - rng.nextInt(2) : typicalQuantity(m) + available;
        }
        final long affordable = available - RuleModel.fee(available, MARKET_MAKER_BPS[m]) - 1;
        return Math.max(1, Math.min(2 * TYPICAL_MAX_QTY[m], (long)(affordable * (0.02 + rng.nextDouble() * 0.3))));
    }

    private long typicalQuantity(final int m)
    {
        return rng.nextLong(TYPICAL_MIN_QTY[m], TYPICAL_MAX_QTY[m]);
    }

    private void genUpdateAd()
    {
        final Ad ad = pickAd(true);
        if (ad == null)
        {
            genTick();
            kind = Kind.TICK;
            return;
        }
        final int m = ad.market.id - 1;
        copyTerms(ad);
        final int changes = 1 + rng.nextInt(3);
        for (int i = 0; i < changes; i++)
        {
            mutateTerms(m, ad.side);
        }
        long actor = ad.owner.id;
        long adId = ad.id;
        if (tracker.isEditRateLimited(adId, now))
        {
            expectCode(ErrorCode.AD_EDIT_RATE_LIMITED);
        }
        else
        {
            expectAccept();
            if (terms.priceType == PriceType.FIXED && model.outOfBand(terms.price, tracker.indexPrices.get(MARKET_IDS[m])))
            {
                expectCode(ErrorCode.PRICE_OUT_OF_BAND);
            }
            if (rng.nextInt(12) == 0)
            {
                expectCode(breakTerms(m));
            }
        }
        final int fault = rng.nextInt(30);
        if (fault == 0)
        {
            actor = otherTrader(actor);
            expectCode(ErrorCode.NOT_AD_OWNER);
        }
        else if (fault == 1)
        {
            actor = unknownUser();
            expectCode(ErrorCode.UNKNOWN_USER);
        }
        else if (fault == 2)
        {
            adId = rng.nextBoolean() ? tracker.lastAdId + 1 + rng.nextInt(100) : -rng.nextInt(3);
            expectCode(ErrorCode.UNKNOWN_AD);
        }
        cmdActor = actor;
        cmdAdId = adId;
        cmdCrossCheck = true;
        encodedLength = proxy.updateAd(command, 0, ++correlationId, stamp(), actor, adId, terms);
    }

    private void copyTerms(final Ad ad)
    {
        terms.priceType = ad.priceType;
        terms.price = ad.price;
        terms.marginBps = ad.marginBps;
        terms.minFiat = ad.minFiat;
        terms.maxFiat = ad.maxFiat;
        terms.paymentMethods = ad.paymentMethods;
        terms.paymentWindowMinutes = ad.paymentWindowMinutes;
        terms.minKycLevel = ad.minKycLevel;
        terms.minAccountAgeDays = ad.minAccountAgeDays;
        terms.minCompletedOrders = ad.minCompletedOrders;
        terms.minCompletionRateBps = ad.minCompletionRateBps;
        terms.maxOpenOrdersPerTaker = ad.maxOpenOrdersPerTaker;
        terms.visibility = ad.visibility;
        terms.autoMatch = ad.autoMatch;
    }

    private void mutateTerms(final int m, final Side side)
    {
        final long index = tracker.indexPrices.get(MARKET_IDS[m]);
        switch (rng.nextInt(8))
        {
            case 0 ->
            {
                final double skew = side == Side.SELL ? rng.nextDouble() * 0.04 - 0.01 : rng.nextDouble() * 0.04 - 0.03;
                terms.fixed(onTick((long)(index * (1 + skew)), MARKET_TICK[m]));
            }
            case 1 -> terms.floating(side == Side.SELL ? rng.nextInt(-100, 301) : rng.nextInt(-300, 101));
            case 2 ->
            {
                final long min = MARKET_MIN_FIAT[m] * new long[]{ 1, 2, 5 }[rng.nextInt(3)];
                terms.limits(min, min * new long[]{ 2, 10, 50 }[rng.nextInt(3)]);
            }
            case 3 -> terms.paymentMethods(randomMethods(MARKET_METHODS[m], 1 + rng.nextInt(4)));
            case 4 -> terms.autoMatch(!terms.autoMatch);
            case 5 -> terms.visibility(terms.visibility == Visibility.PUBLIC && rng.nextInt(3) == 0 ?
                Visibility.PRIVATE : Visibility.PUBLIC);
            case 6 -> terms.gates(rng.nextInt(3), rng.nextInt(3) * 15, rng.nextInt(3) * 10, rng.nextInt(3) * 4_000);
            default -> terms.paymentWindowMinutes(window(rng.nextInt(15, 91)));
        }
    }

    private void genSetAdStatus()
    {
        final Ad ad = pickAd(false);
        if (ad == null)
        {
            genTick();
            kind = Kind.TICK;
            return;
        }
        final int roll = rng.nextInt(100);
        final int closeShare = tracker.liveAds.size() > MAX_LIVE_ADS ? 50 : 12;
        AdStatus status = roll < closeShare ? AdStatus.CLOSED : roll < 60 ? AdStatus.ONLINE : AdStatus.OFFLINE;
        long actor = ad.owner.id;
        long adId = ad.id;
        if (status.value() == tracker.adStatuses.get(adId))
        {
            expectAccept();
        }
        else if (status != AdStatus.CLOSED && tracker.isEditRateLimited(adId, now))
        {
            expectCode(ErrorCode.AD_EDIT_RATE_LIMITED);
        }
        else
        {
            expectAccept();
        }
        final int fault = rng.nextInt(40);
        if (fault == 0)
        {
            status = AdStatus.NULL_VAL;
            expectCode(ErrorCode.INVALID_STATUS);
        }
        else if (fault == 1)
        {
            actor = otherTrader(actor);
            expectCode(ErrorCode.NOT_AD_OWNER);
        }
        else if (fault == 2)
        {
            adId = closedAdId();
            expectCode(adId > 0 && adId <= tracker.lastAdId ? ErrorCode.AD_CLOSED : ErrorCode.UNKNOWN_AD);
        }
        cmdActor = actor;
        cmdAdId = adId;
        cmdCrossCheck = status == AdStatus.ONLINE;
        encodedLength = proxy.setAdStatus(command, 0, ++correlationId, stamp(), actor, adId, status);
    }

    private void genChangeQuantity()
    {
        final Ad ad = pickAd(false);
        if (ad == null)
        {
            genTick();
            kind = Kind.TICK;
            return;
        }
        final int m = ad.market.id - 1;
        final int roll = rng.nextInt(100);
        long delta;
        final boolean rateLimited = tracker.isEditRateLimited(ad.id, now);
        if (roll < 45)
        {
            delta = typicalQuantity(m) / 4;
            expect(ad.isSell() ? Expect.ACCEPT_OR_CODE : Expect.ACCEPT, ErrorCode.INSUFFICIENT_BALANCE);
        }
        else if (roll < 88 && ad.remaining > 0)
        {
            delta = -(1 + rng.nextLong(ad.remaining));
            expect(ad.isSell() ? Expect.ACCEPT_OR_CODE : Expect.ACCEPT, ErrorCode.INSUFFICIENT_BALANCE);
        }
        else if (roll < 93)
        {
            delta = -(ad.remaining + 1 + rng.nextInt(1_000));
            expectCode(ErrorCode.AD_INSUFFICIENT_QUANTITY);
        }
        else if (roll < 97)
        {
            delta = rng.nextBoolean() ? 0 : Long.MIN_VALUE;
            expectCode(ErrorCode.INVALID_AMOUNT);
        }
        else
        {
            delta = Long.MAX_VALUE - rng.nextInt(2);
            expectAny();
        }
        if (rateLimited)
        {
            expectCode(ErrorCode.AD_EDIT_RATE_LIMITED);
        }
        else if (ad.remaining > Long.MAX_VALUE / 4)
        {
            expectAny();
        }
        long actor = ad.owner.id;
        if (rng.nextInt(40) == 0)
        {
            actor = otherTrader(actor);
            expectCode(ErrorCode.NOT_AD_OWNER);
        }
        cmdActor = actor;
        cmdAdId = ad.id;
        cmdAmount = delta;
        cmdCrossCheck = true;
        encodedLength = proxy.changeAdQuantity(command, 0, ++correlationId, stamp(), actor, ad.id, delta);
    }

    private void genTake()
    {
        final Ad ad = pickAd(true);
        if (ad == null)
        {
            genTick();
            kind = Kind.TICK;
            return;
        }
        final int m = ad.market.id - 1;
        final boolean takerBuys = ad.isSell();
        final long price = model.priceOf(ad);
        final long unit = MARKET_UNIT[m];
        final long byRemaining = RuleModel.mulDiv(ad.remaining, price, unit);
        final long high = Math.min(ad.maxFiat, byRemaining);
        long fiat = high >= ad.minFiat ? rng.nextLong(ad.minFiat, high + 1) : ad.minFiat;
        final boolean inFiat = rng.nextInt(4) != 0;
        long amount = inFiat ? fiat : Math.max(1, RuleModel.mulDiv(fiat, unit, price) + rng.nextInt(-1, 2));
        final long needed = takerBuys ? 0 : RuleModel.mulDiv(fiat, unit, price) * 101 / 100 + 1;
        long taker = takerBuys ? otherTrader(ad.owner.id) : traderWith(ad.owner.id, MARKET_ASSET[m], needed);
        int method = rng.nextInt(10) != 0 ? randomMethodOf(ad.paymentMethods) : rng.nextInt(70);
        long adId = ad.id;
        final long clientOrderId = rng.nextInt(10) == 0 ? 1 + rng.nextInt(CLIENT_ORDER_IDS) : 0;

        final int fault = rng.nextInt(100);
        if (fault < 3)
        {
            amount =
                new long[]{ 0, -1, Long.MIN_VALUE, Long.MAX_VALUE, ad.maxFiat + 1, ad.minFiat - 1 }[rng.nextInt(6)];
        }
        else if (fault < 5)
        {
            adId = closedAdId();
        }
        else if (fault < 6)
        {
            taker = unknownUser();
        }
        else if (fault < 8)
        {
            taker = ad.owner.id;
        }
        predictTake(taker, adId, amount, inFiat, method, clientOrderId);
        cmdActor = taker;
        cmdAdId = adId;
        cmdAmount = amount;
        cmdInFiat = inFiat;
        cmdTakerBuys = takerBuys;
        cmdMethod = method;
        cmdClientOrderId = clientOrderId;
        cmdExpectedPrice = price;
        cmdAdRemainingBefore = ad.remaining;
        encodedLength =
            proxy.takeAd(command, 0, ++correlationId, stamp(), taker, adId, amount, inFiat, method, clientOrderId);
    }

    /** The rejections of a take that this test can name for certain, in the core's order of checks. */
    private void predictTake(
        final long taker, final long adId, final long amount, final boolean inFiat, final int method,
        final long clientOrderId)
    {
        expectAny();
        if (!tracker.users.contains(taker))
        {
            expectCode(ErrorCode.UNKNOWN_USER);
            return;
        }
        if (clientOrderId != 0)
        {
            final long existing = tracker.clientOrders.get(taker * OrderTransitionTracker.CLIENT_KEY + clientOrderId);
            if (existing != -1)
            {
                expectAccept();
                cmdDuplicateOf = existing;
                return;
            }
        }
        if (amount <= 0)
        {
            expectCode(ErrorCode.INVALID_AMOUNT);
            return;
        }
        if (!tracker.liveAds.contains(adId))
        {
            expectCode(adId > 0 && adId <= tracker.lastAdId ? ErrorCode.AD_CLOSED : ErrorCode.UNKNOWN_AD);
            return;
        }
        if (tracker.adStatuses.get(adId) != AdStatus.ONLINE.value())
        {
            expectCode(ErrorCode.AD_NOT_ONLINE);
            return;
        }
        final Ad ad = core.state().ads.get(adId);
        if (ad.side == Side.SELL && model.atUnpaidLimit(taker))
        {
            expectCode(ErrorCode.TOO_MANY_UNPAID_ORDERS);
            return;
        }
        expectFailures(model.takeFailures(now, taker, ad, model.priceOf(ad), amount, inFiat, method, 0));
        compareWithCoreQuote(taker, ad, model.priceOf(ad), amount, inFiat, method, 0);
    }

    /**
     * The core's own quote, asked now (at the time of the last command, the core's clock), must agree with the
     * model at that time: both accept, or the core's code is among the model's.
     */
    private void compareWithCoreQuote(
        final long takerId, final Ad ad, final long price, final long amount, final boolean inFiat, final int method,
        final long committed)
    {
        final User taker = core.state().users.get(takerId);
        final ErrorCode coreSays = coreRules.quoteTake(taker, ad, price, amount, inFiat, method, committed, quote);
        savedFailures.clear();
        savedFailures.addAll(model.failures);
        final long savedQuantity = model.quantity;
        final long savedFiat = model.fiat;
        final long coreTime = core.state().now;
        if (coreTime != now)
        {
            model.takeFailures(coreTime, takerId, ad, price, amount, inFiat, method, committed);
        }
        final boolean agree = coreSays == null ? model.failures.isEmpty() : model.failures.contains(coreSays);
        final String found = model.failures.toString();
        model.failures.clear();
        model.failures.addAll(savedFailures);
        model.quantity = savedQuantity;
        model.fiat = savedFiat;
        if (!agree)
        {
            throw new AssertionError("taking ad " + ad.id + " by user " + takerId + " for " + amount +
                (inFiat ? " fiat" : " asset") + " at " + price + " with method " + method + ": the core quotes " +
                (coreSays == null ? "OK" : coreSays) + ", the model finds " + found + " at " + coreTime);
        }
    }

    private void genExpress()
    {
        final int m = rng.nextInt(MARKET_IDS.length);
        int marketId = MARKET_IDS[m];
        long taker = pickTrader();
        Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
        final boolean inFiat = rng.nextInt(10) < 7;
        final boolean big = rng.nextInt(3) == 0;
        long amount;
        if (inFiat)
        {
            amount = MARKET_MIN_FIAT[m] * (big ? rng.nextLong(20, 400) : rng.nextLong(1, 40)) + rng.nextInt(100);
        }
        else
        {
            amount = big ? typicalQuantity(m) * 3 : typicalQuantity(m) / 3;
        }
        long methods = rng.nextInt(4) != 0 ? MARKET_METHODS[m] : randomMethods(MARKET_METHODS[m], 1 + rng.nextInt(3));
        final long index = tracker.indexPrices.get(marketId);
        long priceLimit = rng.nextBoolean() ? 0 :
            onTick((long)(index * (1 + (side == Side.BUY ? 1 : -1) * (rng.nextDouble() * 0.03 - 0.005))),
                MARKET_TICK[m]);
        final boolean allowSplit = big ? rng.nextInt(4) != 0 : rng.nextInt(4) == 0;
        final long clientOrderId = rng.nextInt(10) == 0 ? 1 + rng.nextInt(CLIENT_ORDER_IDS) : 0;

        final int fault = rng.nextInt(60);
        switch (fault)
        {
            case 0 -> taker = unknownUser();
            case 1 -> marketId = 9;
            case 2 -> side = Side.NULL_VAL;
            case 3 -> amount = rng.nextBoolean() ? 0 : -1 - rng.nextInt(1000);
            case 4 -> methods = 0;
            case 5 -> priceLimit = -1 - rng.nextInt(10);
            case 6 -> amount = Long.MAX_VALUE - rng.nextInt(2);
            default ->
            {
            }
        }
        cmdActor = taker;
        cmdMarket = marketId;
        cmdAmount = amount;
        cmdInFiat = inFiat;
        cmdTakerBuys = side == Side.BUY;
        cmdPriceLimit = priceLimit;
        cmdAllowSplit = allowSplit;
        cmdClientOrderId = clientOrderId;
        predictExpress(taker, marketId, side, amount, inFiat, methods, priceLimit, allowSplit, clientOrderId);
        encodedLength = proxy.express(command, 0, ++correlationId, stamp(), taker, marketId, side, amount, inFiat,
            methods, priceLimit, allowSplit, clientOrderId);
    }

    private void predictExpress(
        final long taker, final int marketId, final Side side, final long amount, final boolean inFiat,
        final long methods, final long priceLimit, final boolean allowSplit, final long clientOrderId)
    {
        if (!tracker.users.contains(taker))
        {
            expectCode(ErrorCode.UNKNOWN_USER);
            return;
        }
        if (clientOrderId != 0)
        {
            final long existing = tracker.clientOrders.get(taker * OrderTransitionTracker.CLIENT_KEY + clientOrderId);
            if (existing != -1)
            {
                expectAccept();
                cmdDuplicateOf = existing;
                return;
            }
        }
        final ErrorCode invalid = !tracker.markets.contains(marketId) ? ErrorCode.UNKNOWN_MARKET :
            side == Side.NULL_VAL ? ErrorCode.INVALID_SIDE :
            amount <= 0 ? ErrorCode.INVALID_AMOUNT :
            methods == 0 ? ErrorCode.INVALID_PAYMENT_METHODS :
            priceLimit < 0 ? ErrorCode.INVALID_PRICE :
            tracker.isRestricted(taker, now) ? ErrorCode.USER_RESTRICTED :
            side == Side.BUY && model.atUnpaidLimit(taker) ? ErrorCode.TOO_MANY_UNPAID_ORDERS : null;
        if (invalid != null)
        {
            expectCode(invalid);
            return;
        }
        // The best ad that can take the whole amount: the book walked best first, each ad judged by the model.
        final CoreState state = core.state();
        final AdBook book = state.markets.get(marketId).book(Ad.PUBLIC_BOOK, side == Side.BUY ? Side.SELL : Side.BUY);
        cursor.start(book);
        for (Ad ad = cursor.next(); ad != null; ad = cursor.next())
        {
            final long price = cursor.price();
            if (priceLimit > 0 && (side == Side.BUY ? price > priceLimit : price < priceLimit))
            {
                break;
            }
            final long common = ad.paymentMethods & methods;
            if (common == 0)
            {
                continue;
            }
            final int method = Long.numberOfTrailingZeros(common);
            model.takeFailures(now, taker, ad, price, amount, inFiat, method, 0);
            compareWithCoreQuote(taker, ad, price, amount, inFiat, method, 0);
            if (model.failures.isEmpty())
            {
                cmdExpectedSingleAd = ad.id;
                expectAccept();
                return;
            }
        }
        if (allowSplit && planSplit(taker, book, side, amount, inFiat, methods, priceLimit))
        {
            expectAccept();
        }
        else
        {
            expectCode(ErrorCode.NO_MATCHING_AD);
        }
    }

    /**
     * The split fill docs/trading-rules.md describes: best first, from each ad the taker may take as much as its
     * limits and remainder allow (all checks of a take, the taker's balance counted across the orders), at most
     * {@code maxSplitOrders} orders, the whole amount or nothing.
     */
    private boolean planSplit(
        final long taker, final AdBook book, final Side side, final long amount, final boolean inFiat,
        final long methods, final long priceLimit)
    {
        planCount = 0;
        long left = amount;
        cursor.start(book);
        for (Ad ad = cursor.next(); ad != null && left > 0 && planCount < config.maxSplitOrders(); ad = cursor.next())
        {
            final long price = cursor.price();
            if (priceLimit > 0 && (side == Side.BUY ? price > priceLimit : price < priceLimit))
            {
                break;
            }
            final long common = ad.paymentMethods & methods;
            if (common == 0 || price <= 0)
            {
                continue;
            }
            final int m = ad.market.id - 1;
            final long fiatOfRemaining = RuleModel.mulDiv(ad.remaining, price, MARKET_UNIT[m]);
            final long most = inFiat ? Math.min(ad.maxFiat, fiatOfRemaining) :
                Math.min(ad.remaining, RuleModel.mulDiv(ad.maxFiat, MARKET_UNIT[m], price));
            final long portion = Math.min(left, most);
            // All the orders open in one step: what the plan already draws on this order's seller counts.
            final long seller = side == Side.SELL ? taker : ad.owner.id;
            long committed = 0;
            for (int i = 0; i < planCount; i++)
            {
                committed += planSellerIds[i] == seller ? planDraws[i] : 0;
            }
            if (portion <= 0 || !model.takeFailures(
                now, taker, ad, price, portion, inFiat, Long.numberOfTrailingZeros(common), committed).isEmpty())
            {
                continue;
            }
            final long escrow = model.quantity +
                RuleModel.fee(model.quantity, side == Side.SELL ? MARKET_TAKER_BPS[m] : MARKET_MAKER_BPS[m]);
            planAdIds[planCount] = ad.id;
            planAmounts[planCount] = portion;
            planSellerIds[planCount] = seller;
            planDraws[planCount] = side == Side.SELL ? escrow : Math.max(0, escrow - ad.reserved);
            planCount++;
            left -= portion;
        }
        cmdSplitPlanned = left == 0;
        return cmdSplitPlanned;
    }

    private void genMarkPaid()
    {
        final int roll = rng.nextInt(100);
        OrderTransitionTracker.TrackedOrder order = pickOrder(roll < 90 ? tracker.pending : notPending());
        if (order == null && (order = pickOrder(tracker.pending)) == null)
        {
            genOrderOnMissing();
            return;
        }
        long actor = order.buyerId;
        if (order.state != OrderTransitionTracker.PENDING)
        {
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        else if (now >= order.payBy)
        {
            expectCode(ErrorCode.PAYMENT_DEADLINE_PASSED);
        }
        else
        {
            expectAccept();
        }
        actor = wrongActor(order, actor, ErrorCode.NOT_BUYER, order.sellerId);
        orderCommand(order.id, actor);
        encodedLength = proxy.markPaid(command, 0, ++correlationId, stamp(), actor, order.id);
    }

    private void genRelease()
    {
        final int roll = rng.nextInt(100);
        OrderTransitionTracker.TrackedOrder order =
            pickOrder(roll < 90 ? tracker.paid : roll < 95 ? tracker.pending : tracker.disputed);
        if (order == null && (order = pickOrder(tracker.paid)) == null)
        {
            genOrderOnMissing();
            return;
        }
        if (order.state == OrderTransitionTracker.PAID)
        {
            expectAccept();
        }
        else
        {
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        final long actor = wrongActor(order, order.sellerId, ErrorCode.NOT_SELLER, order.buyerId);
        orderCommand(order.id, actor);
        encodedLength = proxy.release(command, 0, ++correlationId, stamp(), actor, order.id);
    }

    private void genCancel()
    {
        final int roll = rng.nextInt(100);
        OrderTransitionTracker.TrackedOrder order =
            pickOrder(roll < 65 ? tracker.pending : roll < 95 ? tracker.paid : tracker.disputed);
        if (order == null && (order = pickOrder(tracker.pending)) == null)
        {
            genOrderOnMissing();
            return;
        }
        if (order.state == OrderTransitionTracker.DISPUTED)
        {
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        else
        {
            expectAccept();
        }
        final long actor = wrongActor(order, order.buyerId, ErrorCode.NOT_BUYER, order.sellerId);
        orderCommand(order.id, actor);
        encodedLength = proxy.cancelOrder(command, 0, ++correlationId, stamp(), actor, order.id);
    }

    private void genRequestCancel()
    {
        final int roll = rng.nextInt(100);
        OrderTransitionTracker.TrackedOrder order =
            pickOrder(roll < 60 ? tracker.pending : roll < 95 ? tracker.paid : tracker.disputed);
        if (order == null && (order = pickOrder(tracker.pending)) == null)
        {
            genOrderOnMissing();
            return;
        }
        if (order.state == OrderTransitionTracker.DISPUTED)
        {
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        else if (order.cancelRequested)
        {
            expectCode(ErrorCode.CANCEL_REQUEST_PENDING);
        }
        else
        {
            expectAccept();
        }
        final long actor = wrongActor(order, order.sellerId, ErrorCode.NOT_SELLER, order.buyerId);
        orderCommand(order.id, actor);
        encodedLength = proxy.requestCancel(command, 0, ++correlationId, stamp(), actor, order.id);
    }

    private void genReviewCancel()
    {
        OrderTransitionTracker.TrackedOrder order =
            pickOrder(rng.nextInt(100) < 85 ? tracker.cancelRequests : tracker.pending);
        if (order == null && (order = pickOrder(tracker.pending)) == null)
        {
            genOrderOnMissing();
            return;
        }
        if (order.state == OrderTransitionTracker.DISPUTED)
        {
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        else if (!order.cancelRequested)
        {
            expectCode(ErrorCode.NO_CANCEL_REQUEST);
        }
        else
        {
            expectAccept();
        }
        final boolean accept = rng.nextBoolean();
        final long actor = wrongActor(order, order.buyerId, ErrorCode.NOT_BUYER, order.sellerId);
        orderCommand(order.id, actor);
        encodedLength = proxy.reviewCancelRequest(command, 0, ++correlationId, stamp(), actor, order.id, accept);
    }

    private void genAppeal()
    {
        OrderTransitionTracker.TrackedOrder order = pickOrder(rng.nextInt(100) < 92 ? tracker.paid : tracker.pending);
        if (order == null && (order = pickOrder(tracker.paid)) == null)
        {
            genOrderOnMissing();
            return;
        }
        if (order.state != OrderTransitionTracker.PAID)
        {
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        else if (now < order.appealableFrom)
        {
            expectCode(ErrorCode.APPEAL_TOO_EARLY);
        }
        else
        {
            expectAccept();
        }
        long actor = rng.nextBoolean() ? order.buyerId : order.sellerId;
        actor = wrongActor(order, actor, null, 0);
        orderCommand(order.id, actor);
        encodedLength = proxy.appeal(command, 0, ++correlationId, stamp(), actor, order.id);
    }

    private void genWithdrawAppeal()
    {
        OrderTransitionTracker.TrackedOrder order = pickOrder(rng.nextInt(100) < 92 ? tracker.disputed : tracker.paid);
        if (order == null && (order = pickOrder(tracker.disputed)) == null)
        {
            genOrderOnMissing();
            return;
        }
        long actor;
        if (order.state != OrderTransitionTracker.DISPUTED)
        {
            actor = order.buyerId;
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        else if (order.appellantId != 0 && rng.nextInt(10) != 0)
        {
            actor = order.appellantId;
            expectAccept();
        }
        else
        {
            actor = order.appellantId == order.buyerId ? order.sellerId : order.buyerId;
            expectCode(ErrorCode.NOT_APPEAL_AUTHOR);
        }
        actor = wrongActor(order, actor, null, 0);
        orderCommand(order.id, actor);
        encodedLength = proxy.withdrawAppeal(command, 0, ++correlationId, stamp(), actor, order.id);
    }

    private void genResolve()
    {
        OrderTransitionTracker.TrackedOrder order = pickOrder(rng.nextInt(100) < 92 ? tracker.disputed : tracker.paid);
        if (order == null && (order = pickOrder(tracker.disputed)) == null)
        {
            genOrderOnMissing();
            return;
        }
        long actor = rng.nextBoolean() ? ARBITER_A : ARBITER_B;
        DisputeOutcome outcome = rng.nextBoolean() ? DisputeOutcome.RELEASE : DisputeOutcome.REFUND;
        if (tracker.roleOf(actor) != Role.ARBITER || order.isParty(actor))
        {
            expectCode(ErrorCode.NOT_ARBITER);
        }
        else if (order.state != OrderTransitionTracker.DISPUTED)
        {
            expectCode(ErrorCode.INVALID_ORDER_STATE);
        }
        else
        {
            expectAccept();
            if (rng.nextInt(30) == 0)
            {
                outcome = DisputeOutcome.NULL_VAL;
                expectCode(ErrorCode.INVALID_OUTCOME);
            }
        }
        final int fault = rng.nextInt(30);
        if (fault == 0)
        {
            actor = rng.nextBoolean() ? order.buyerId : pickTrader();
            if (tracker.roleOf(actor) != Role.ARBITER || order.isParty(actor))
            {
                expectCode(ErrorCode.NOT_ARBITER);
            }
            else
            {
                expectAny();
            }
        }
        else if (fault == 1)
        {
            actor = unknownUser();
            expectCode(ErrorCode.UNKNOWN_USER);
        }
        orderCommand(order.id, actor);
        encodedLength = proxy.resolveDispute(command, 0, ++correlationId, stamp(), actor, order.id, outcome);
    }

    /** An order command on an order that does not exist or has finished. */
    private void genOrderOnMissing()
    {
        if (rng.nextInt(10) < 6)
        {
            // No order in the state wanted: more often a take (which opens orders to act on) than a miss.
            resetCommand(Kind.TAKE);
            genTake();
            return;
        }
        long orderId;
        final ErrorCode code;
        if (tracker.lastOrderId > 0 && rng.nextInt(3) != 0)
        {
            orderId = 1 + rng.nextLong(tracker.lastOrderId);
            for (int i = 0; i < 8 && tracker.stateOf(orderId) <= OrderTransitionTracker.DISPUTED; i++)
            {
                orderId = 1 + rng.nextLong(tracker.lastOrderId);
            }
            code = tracker.stateOf(orderId) > OrderTransitionTracker.DISPUTED ? ErrorCode.ORDER_FINISHED : null;
        }
        else
        {
            orderId = rng.nextBoolean() ? tracker.lastOrderId + 1 + rng.nextInt(1000) : -rng.nextInt(3);
            code = ErrorCode.UNKNOWN_ORDER;
        }
        final long actor = pickTrader();
        if (code != null)
        {
            expectCode(code);
        }
        else
        {
            expectAny();
        }
        orderCommand(orderId, actor);
        switch (kind)
        {
            case MARK_PAID -> encodedLength = proxy.markPaid(command, 0, ++correlationId, stamp(), actor, orderId);
            case RELEASE -> encodedLength = proxy.release(command, 0, ++correlationId, stamp(), actor, orderId);
            case CANCEL -> encodedLength = proxy.cancelOrder(command, 0, ++correlationId, stamp(), actor, orderId);
            case REQUEST_CANCEL ->
                encodedLength = proxy.requestCancel(command, 0, ++correlationId, stamp(), actor, orderId);
            case REVIEW_CANCEL ->
                encodedLength = proxy.reviewCancelRequest(command, 0, ++correlationId, stamp(), actor, orderId, true);
            case APPEAL -> encodedLength = proxy.appeal(command, 0, ++correlationId, stamp(), actor, orderId);
            case WITHDRAW_APPEAL ->
                encodedLength = proxy.withdrawAppeal(command, 0, ++correlationId, stamp(), actor, orderId);
            default ->
            {
                cmdActor = ARBITER_A;
                encodedLength = proxy.resolveDispute(
                    command, 0, ++correlationId, stamp(), ARBITER_A, orderId, DisputeOutcome.REFUND);
            }
        }
    }

    /**
     * Usually the right actor; sometimes the other party ({@code otherCode}), an outsider (NOT_ORDER_PARTY), an
     * unknown user (UNKNOWN_USER), or a finished or unknown order (handled by the caller's expectation here).
     */
    private long wrongActor(
        final OrderTransitionTracker.TrackedOrder order, final long right, final ErrorCode otherCode, final long other)
    {
        final int roll = rng.nextInt(100);
        if (roll < 4 && otherCode != null)
        {
            expectCode(otherCode);
            return other;
        }
        if (roll < 7)
        {
            final long outsider = otherTrader(order.buyerId);
            if (!order.isParty(outsider))
            {
                expectCode(ErrorCode.NOT_ORDER_PARTY);
                return outsider;
            }
        }
        if (roll < 8)
        {
            expectCode(ErrorCode.UNKNOWN_USER);
            return unknownUser();
        }
        return right;
    }

    private void orderCommand(final long orderId, final long actor)
    {
        cmdOrderId = orderId;
        cmdActor = actor;
        cmdOrder = tracker.open.get(orderId);
        if (cmdOrder != null)
        {
            final CoreState state = core.state();
            final int asset = MARKET_ASSET[cmdOrder.marketId - 1];
            final User buyer = state.users.get(cmdOrder.buyerId);
            final User seller = state.users.get(cmdOrder.sellerId);
            buyerAvailable = buyer.available(asset);
            buyerLocked = buyer.locked(asset);
            sellerAvailable = seller.available(asset);
            sellerLocked = seller.locked(asset);
            feesBefore = state.feeAccount[asset];
            final Ad sellAd = cmdOrder.sellAdId == 0 ? null : state.ads.get(cmdOrder.sellAdId);
            sellAdReserved = sellAd == null ? -1 : sellAd.reserved;
            sellAdRemaining = sellAd == null ? -1 : sellAd.remaining;
        }
    }

    /**
     * Money after a command on one order, from the balances before it: completing pays the buyer the quantity less
     * the buyer's fee out of the seller's escrow and the fees to the fee account; cancelling, expiring or refunding
     * gives the escrow back to the SELL ad's reservation while the ad is open, else to the seller's available
     * balance; anything else moves no money.
     */
    private void checkMoney()
    {
        final OrderTransitionTracker.TrackedOrder order = cmdOrder;
        final CoreState state = core.state();
        final int asset = MARKET_ASSET[order.marketId - 1];
        final User buyer = state.users.get(order.buyerId);
        final User seller = state.users.get(order.sellerId);
        final long escrow = order.quantity + order.sellerFee;
        final byte now = tracker.stateOf(order.id);
        long expectBuyerAvailable = buyerAvailable;
        long expectSellerAvailable = sellerAvailable;
        long expectSellerLocked = sellerLocked;
        long expectFees = feesBefore;
        final Ad sellAd = order.sellAdId == 0 ? null : state.ads.get(order.sellAdId);
        if (now == OrderTransitionTracker.COMPLETED)
        {
            expectBuyerAvailable += order.quantity - order.buyerFee;
            expectSellerLocked -= escrow;
            expectFees += order.buyerFee + order.sellerFee;
        }
        else if (now == OrderTransitionTracker.CANCELLED && sellAd == null)
        {
            expectSellerAvailable += escrow;
            expectSellerLocked -= escrow;
        }
        else if (now == OrderTransitionTracker.CANCELLED &&
            (sellAd.reserved != sellAdReserved + escrow || sellAd.remaining != sellAdRemaining + order.quantity))
        {
            throw new AssertionError("order " + order.id + " was cancelled but its SELL ad " + sellAd.id +
                " went from " + sellAdRemaining + "/" + sellAdReserved + " to " + sellAd.remaining + "/" +
                sellAd.reserved + " (remaining/reserved), escrow " + escrow);
        }
        if (buyer.available(asset) != expectBuyerAvailable || buyer.locked(asset) != buyerLocked ||
            seller.available(asset) != expectSellerAvailable || seller.locked(asset) != expectSellerLocked ||
            state.feeAccount[asset] != expectFees)
        {
            throw new AssertionError("order " + order.id + " is now " + OrderTransitionTracker.stateName(now) +
                ": buyer " + buyerAvailable + "/" + buyerLocked + " -> " + buyer.available(asset) + "/" +
                buyer.locked(asset) + ", seller " + sellerAvailable + "/" + sellerLocked + " -> " +
                seller.available(asset) + "/" + seller.locked(asset) + ", fees " + feesBefore + " -> " +
                state.feeAccount[asset] + " (available/locked; quantity " + order.quantity + ", fees " +
                order.buyerFee + "/" + order.sellerFee + ")");
        }
    }

    private OrderTransitionTracker.IdPool notPending()
    {
        return rng.nextBoolean() ? tracker.paid : tracker.disputed;
    }

    private OrderTransitionTracker.TrackedOrder pickOrder(final OrderTransitionTracker.IdPool pool)
    {
        final long id = pool.pick(rng, 0);
        return id == 0 ? null : tracker.open.get(id);
    }

    private void genBlock()
    {
        long actor = pickTrader();
        long target = otherTrader(actor);
        final int roll = rng.nextInt(20);
        if (roll == 0)
        {
            target = actor;
        }
        else if (roll == 1)
        {
            target = unknownUser();
        }
        else if (roll == 2)
        {
            actor = unknownUser();
        }
        if (!tracker.users.contains(actor) || !tracker.users.contains(target))
        {
            expectCode(ErrorCode.UNKNOWN_USER);
        }
        else if (actor == target)
        {
            expectCode(ErrorCode.CANNOT_BLOCK_SELF);
        }
        else if (tracker.hasBlocked(actor, target))
        {
            expectCode(ErrorCode.ALREADY_BLOCKED);
        }
        else
        {
            expectAccept();
        }
        cmdActor = actor;
        encodedLength = proxy.blockUser(command, 0, ++correlationId, stamp(), actor, target);
    }

    private void genUnblock()
    {
        long actor;
        long target;
        final long pair = tracker.blockPairs.pick(rng, 0);
        if (pair != 0 && rng.nextInt(5) != 0)
        {
            actor = pair / OrderTransitionTracker.BLOCK_KEY;
            target = pair % OrderTransitionTracker.BLOCK_KEY;
        }
        else
        {
            actor = pickTrader();
            target = rng.nextInt(10) == 0 ? unknownUser() : otherTrader(actor);
        }
        if (!tracker.users.contains(actor) || !tracker.users.contains(target))
        {
            expectCode(ErrorCode.UNKNOWN_USER);
        }
        else if (!tracker.hasBlocked(actor, target))
        {
            expectCode(ErrorCode.NOT_BLOCKED);
        }
        else
        {
            expectAccept();
        }
        cmdActor = actor;
        encodedLength = proxy.unblockUser(command, 0, ++correlationId, stamp(), actor, target);
    }

    private void genSetKyc()
    {
        long actor = ADMIN;
        long user = pickTrader();
        int level = rng.nextInt(4);
        expectAccept();
        final int roll = rng.nextInt(20);
        if (roll == 0)
        {
            actor = pickTrader();
            expectCode(ErrorCode.NOT_ADMIN);
        }
        else if (roll == 1)
        {
            user = unknownUser();
            expectCode(ErrorCode.UNKNOWN_USER);
        }
        else if (roll == 2)
        {
            level = 4 + rng.nextInt(200);
            expectCode(ErrorCode.INVALID_KYC_LEVEL);
        }
        cmdActor = actor;
        encodedLength = proxy.setUserKyc(command, 0, ++correlationId, stamp(), actor, user, level);
    }

    private void genSetRole()
    {
        long actor = ADMIN;
        // Anyone but the admin and the two standing arbiters, so that users made arbiters come back too.
        long user = tracker.users.pick(rng, ADMIN);
        while (user <= ARBITER_B)
        {
            user = tracker.users.pick(rng, ADMIN);
        }
        final int roll = rng.nextInt(100);
        Role role = roll < 45 ? Role.USER : roll < 92 ? Role.MERCHANT : roll < 97 ? Role.ARBITER : Role.NULL_VAL;
        expectCode(role == Role.NULL_VAL ? ErrorCode.INVALID_ROLE : null);
        if (role != Role.NULL_VAL)
        {
            expectAccept();
        }
        if (rng.nextInt(20) == 0)
        {
            actor = pickTrader();
            expectCode(ErrorCode.NOT_ADMIN);
        }
        else if (rng.nextInt(20) == 0)
        {
            user = unknownUser();
            expectCode(ErrorCode.UNKNOWN_USER);
        }
        cmdActor = actor;
        encodedLength = proxy.setUserRole(command, 0, ++correlationId, stamp(), actor, user, role);
    }

    private void genRegister()
    {
        long id;
        Role role = rng.nextInt(4) == 0 ? Role.MERCHANT : Role.USER;
        int kyc = rng.nextInt(4);
        final int roll = rng.nextInt(100);
        if (roll < 70 && nextNewUserId < 1_030)
        {
            id = nextNewUserId++;
            expectAccept();
        }
        else if (roll < 80)
        {
            id = pickTrader();
            expectCode(ErrorCode.USER_EXISTS);
        }
        else if (roll < 87)
        {
            id = -rng.nextInt(3);
            expectCode(ErrorCode.INVALID_ID);
        }
        else if (roll < 93)
        {
            id = unknownUser();
            role = Role.NULL_VAL;
            expectCode(ErrorCode.INVALID_ROLE);
        }
        else
        {
            id = unknownUser();
            kyc = 4 + rng.nextInt(100);
            expectCode(ErrorCode.INVALID_KYC_LEVEL);
        }
        cmdActor = id;
        encodedLength = proxy.registerUser(command, 0, ++correlationId, stamp(), id, role, kyc);
    }

    /** Mostly refused: assets and markets that exist, bad ids, scales, ticks, fees; now and then a new asset. */
    private void genAdminSetup()
    {
        final long actor = rng.nextInt(8) == 0 ? pickTrader() : ADMIN;
        if (rng.nextBoolean())
        {
            genDefineAsset(actor);
        }
        else
        {
            genCreateMarket(actor);
        }
    }

    private void genDefineAsset(final long actor)
    {
        final boolean admin = actor == ADMIN;
        int assetId = nextNewAssetId < 520 ? (int)nextNewAssetId : USDT;
        int scale = rng.nextInt(19);
        final int roll = rng.nextInt(5);
        ErrorCode code = assetId == USDT ? ErrorCode.ASSET_EXISTS : null;
        if (roll == 0)
        {
            assetId = rng.nextBoolean() ? USDT : EUR;
            code = ErrorCode.ASSET_EXISTS;
        }
        else if (roll == 1)
        {
            assetId = rng.nextBoolean() ? 0 : CoreState.MAX_ASSET_ID + 1;
            code = ErrorCode.INVALID_ID;
        }
        else if (roll == 2)
        {
            scale = 19 + rng.nextInt(200);
            code = assetId == USDT ? ErrorCode.ASSET_EXISTS : ErrorCode.INVALID_SCALE;
        }
        if (!admin)
        {
            code = ErrorCode.NOT_ADMIN;
        }
        if (code == null)
        {
            expectAccept();
            nextNewAssetId++;
        }
        else
        {
            expectCode(code);
        }
        cmdActor = actor;
        encodedLength =
            proxy.defineAsset(command, 0, ++correlationId, stamp(), actor, assetId, scale, rng.nextBoolean());
    }

    private void genCreateMarket(final long actor)
    {
        final boolean admin = actor == ADMIN;
        int marketId = 50;
        int assetId = BTC;
        int fiatId = NGN;
        int priceScale = 2;
        long tick = 1;
        long minFiat = 100;
        int makerBps = 10;
        final int takerBps = 10;
        long methods = 1;
        final ErrorCode code;
        switch (rng.nextInt(10))
        {
            case 0 ->
            {
                marketId = 1 + rng.nextInt(3);
                code = ErrorCode.MARKET_EXISTS;
            }
            case 1 ->
            {
                marketId = -rng.nextInt(2);
                code = ErrorCode.INVALID_ID;
            }
            case 2 ->
            {
                assetId = 77;
                code = ErrorCode.UNKNOWN_ASSET;
            }
            case 3 ->
            {
                assetId = EUR;
                code = ErrorCode.INVALID_MARKET;
            }
            case 4 ->
            {
                fiatId = USDT;
                code = ErrorCode.INVALID_MARKET;
            }
            case 5 ->
            {
                priceScale = 15;
                code = ErrorCode.INVALID_SCALE;
            }
            case 6 ->
            {
                tick = -rng.nextInt(2);
                code = ErrorCode.INVALID_PRICE;
            }
            case 7 ->
            {
                minFiat = 0;
                code = ErrorCode.INVALID_AMOUNT;
            }
            case 8 ->
            {
                makerBps = rng.nextBoolean() ? -1 : config.maxFeeBps() + 1;
                code = ErrorCode.INVALID_FEE;
            }
            default ->
            {
                methods = 0;
                code = ErrorCode.INVALID_PAYMENT_METHODS;
            }
        }
        expectCode(admin ? code : ErrorCode.NOT_ADMIN);
        cmdActor = actor;
        encodedLength = proxy.createMarket(command, 0, ++correlationId, stamp(), actor, marketId, assetId, fiatId,
            priceScale, tick, minFiat, makerBps, takerBps, methods);
    }

    private void genMalformed()
    {
        final int length = proxy.markPaid(command, 0, ++correlationId, stamp(), pickTrader(), 1);
        switch (rng.nextInt(3))
        {
            case 0 -> command.putShort(2, (short)99);
            case 1 -> command.putShort(4, (short)(MessageHeaderEncoder.SCHEMA_ID + 1));
            default ->
            {
            }
        }
        encodedLength = rng.nextInt(3) == 2 ? rng.nextInt(MessageHeaderEncoder.ENCODED_LENGTH + 8) : length;
        if (encodedLength == length && command.getShort(2) == org.p2px.codec.MarkPaidEncoder.TEMPLATE_ID &&
            command.getShort(4) == MessageHeaderEncoder.SCHEMA_ID)
        {
            command.putShort(2, (short)98);
        }
        expectCode(ErrorCode.UNKNOWN_COMMAND);
    }

    /** The timestamp to write into the current command. */
    private long stamp()
    {
        return skew == 0 ? now : now - skew;
    }

    // Picking.

    private long pickTrader()
    {
        for (int i = 0; i < 100; i++)
        {
            final long id = tracker.users.pick(rng, ADMIN);
            final Role role = tracker.roleOf(id);
            if (role == Role.USER || role == Role.MERCHANT)
            {
                return id;
            }
        }
        throw new IllegalStateException("no traders left");
    }

    private long pickMerchant()
    {
        long id = pickTrader();
        for (int i = 0; i < 10 && tracker.roleOf(id) != Role.MERCHANT; i++)
        {
            id = pickTrader();
        }
        return id;
    }

    private long otherTrader(final long not)
    {
        long id = pickTrader();
        for (int i = 0; i < 8 && id == not; i++)
        {
            id = pickTrader();
        }
        return id;
    }

    /** A trader other than {@code not} holding at least {@code needed} of the asset, if a few draws find one. */
    private long traderWith(final long not, final int assetId, final long needed)
    {
        long id = otherTrader(not);
        for (int i = 0; i < 6 && (id == not || availableOf(id, assetId) < needed); i++)
        {
            id = otherTrader(not);
        }
        return id;
    }

    private long unknownUser()
    {
        return 5_000 + rng.nextInt(1_000);
    }

    /** A live ad, mostly an ONLINE one with something left when {@code takeable}; sometimes the burst ad. */
    private Ad pickAd(final boolean takeable)
    {
        final CoreState state = core.state();
        final boolean edit = kind == Kind.UPDATE_AD || kind == Kind.SET_AD_STATUS || kind == Kind.CHANGE_AD_QUANTITY;
        if (burstLeft > 0)
        {
            burstLeft--;
            if (edit && state.ads.containsKey(burstAdId))
            {
                return state.ads.get(burstAdId);
            }
        }
        Ad ad = null;
        for (int i = 0; i < 6; i++)
        {
            final long id = tracker.liveAds.pick(rng, 0);
            if (id == 0)
            {
                return null;
            }
            ad = state.ads.get(id);
            if (!takeable || (ad.status == AdStatus.ONLINE && ad.remaining > 0 && rng.nextInt(20) != 0))
            {
                break;
            }
        }
        if (edit && rng.nextInt(200) == 0)
        {
            burstAdId = ad.id;
            burstLeft = 8 + rng.nextInt(8);
        }
        return ad;
    }

    private long closedAdId()
    {
        if (tracker.lastAdId == 0 || rng.nextInt(4) == 0)
        {
            return rng.nextBoolean() ? tracker.lastAdId + 1 + rng.nextInt(100) : -rng.nextInt(3);
        }
        long id = 1 + rng.nextLong(tracker.lastAdId);
        for (int i = 0; i < 8 && tracker.liveAds.contains(id); i++)
        {
            id = 1 + rng.nextLong(tracker.lastAdId);
        }
        return tracker.liveAds.contains(id) ? tracker.lastAdId + 1 : id;
    }

    private long randomMethods(final long allowed, final int count)
    {
        final int available = Long.bitCount(allowed);
        final int wanted = Math.min(count, Math.min(available, config.maxPaymentMethodsPerAd()));
        long chosen = 0;
        while (Long.bitCount(chosen) < wanted)
        {
            chosen |= bitAt(allowed, rng.nextInt(available));
        }
        return chosen;
    }

    private static long bitAt(final long bits, final int index)
    {
        long remaining = bits;
        for (int i = 0; i < index; i++)
        {
            remaining &= remaining - 1;
        }
        return Long.lowestOneBit(remaining);
    }

    private int randomMethodOf(final long methods)
    {
        return Long.numberOfTrailingZeros(bitAt(methods, rng.nextInt(Long.bitCount(methods))));
    }

    private long availableOf(final long userId, final int assetId)
    {
        final User user = core.state().users.get(userId);
        return user == null ? 0 : user.available(assetId);
    }

    /** A payment window in minutes, within what the configuration allows. */
    private int window(final int minutes)
    {
        return Math.max(config.minPaymentWindowMinutes(), Math.min(config.maxPaymentWindowMinutes(), minutes));
    }

    private static long onTick(final long price, final long tick)
    {
        return Math.max(tick, price - price % tick);
    }

    // Reporting.

    String summary()
    {
        final OrderTransitionTracker t = tracker;
        final StringBuilder out = new StringBuilder(4096);
        out.append("p2px simulation summary: seed ").append(seed).append(", ").append(commandCount)
            .append(" commands (").append(accepted).append(" accepted, ").append(rejected).append(" rejected), ")
            .append((now - START) / HOUR).append(" simulated hours, ").append(invariantChecks)
            .append(" full invariant checks\n");
        out.append("  commands by kind (sent/accepted):");
        for (final Kind k : KINDS)
        {
            out.append(' ').append(k.name().toLowerCase()).append('=').append(sentByKind[k.ordinal()]).append('/')
                .append(acceptedByKind[k.ordinal()]);
        }
        out.append("\n  rejections by code:");
        for (final ErrorCode code : ErrorCode.values())
        {
            if (code != ErrorCode.NULL_VAL && rejectedByCode[code.value()] > 0)
            {
                out.append(' ').append(code.name()).append('=').append(rejectedByCode[code.value()]);
            }
        }
        out.append("\n  orders: opened=").append(t.ordersOpened)
            .append(" paid=").append(t.eventsByTemplate[org.p2px.codec.OrderPaidDecoder.TEMPLATE_ID])
            .append(" completed=").append(t.eventsByTemplate[org.p2px.codec.OrderCompletedDecoder.TEMPLATE_ID])
            .append(" (by arbiter ").append(t.completedByArbiter).append(')')
            .append(" cancelled=").append(t.eventsByTemplate[org.p2px.codec.OrderCancelledDecoder.TEMPLATE_ID])
            .append(" (by buyer ").append(t.cancelledByBuyer).append(", seller request ")
            .append(t.cancelledBySellerRequest).append(", arbiter refund ").append(t.refundedByArbiter).append(')')
            .append(" expired=").append(t.eventsByTemplate[org.p2px.codec.OrderExpiredDecoder.TEMPLATE_ID])
            .append(" disputed=").append(t.disputedByAppeal + t.disputedByDeadline)
            .append(" (appeal ").append(t.disputedByAppeal).append(", release deadline ").append(t.disputedByDeadline)
            .append(") appeals withdrawn=")
            .append(t.eventsByTemplate[org.p2px.codec.AppealWithdrawnDecoder.TEMPLATE_ID])
            .append(" still open=").append(t.open.size()).append('\n');
        out.append("  crossings=").append(t.crossings).append(" (at most ").append(mostCrossedInOneCommand)
            .append(" in one command, cap reached ").append(crossingCapsReached).append(" times)")
            .append(" express single fills=").append(expressSingleFills)
            .append(" express splits=").append(splitExpresses).append(" (").append(splitOrders).append(" orders)")
            .append(" duplicate clientOrderIds=").append(t.duplicates)
            .append(" cancel requests=").append(t.eventsByTemplate[org.p2px.codec.CancelRequestedDecoder.TEMPLATE_ID])
            .append(" restrictions=").append(t.restrictions)
            .append(" ads created=").append(t.lastAdId).append(" closed=").append(t.adsClosed)
            .append(" live=").append(t.liveAds.size()).append(" users=").append(t.users.size());
        return out.toString();
    }

    /**
     * Fails unless the run exercised what it is meant to: thresholds scale with the number of commands, so that
     * a short run is held to proportionally less.
     */
    void assertMeaningful(final long commands)
    {
        final OrderTransitionTracker t = tracker;
        final double scale = commands / 300_000.0;
        require("orders completed", t.eventsByTemplate[org.p2px.codec.OrderCompletedDecoder.TEMPLATE_ID],
            3_000 * scale);
        require("orders expired", t.eventsByTemplate[org.p2px.codec.OrderExpiredDecoder.TEMPLATE_ID], 100 * scale);
        require("disputes by appeal", t.disputedByAppeal, 100 * scale);
        require("disputes by release deadline", t.disputedByDeadline, 30 * scale);
        require("arbiter releases", t.completedByArbiter, 30 * scale);
        require("arbiter refunds", t.refundedByArbiter, 30 * scale);
        require("appeals withdrawn", t.eventsByTemplate[org.p2px.codec.AppealWithdrawnDecoder.TEMPLATE_ID], 10 * scale);
        require("cancels by the buyer", t.cancelledByBuyer, 300 * scale);
        require("cancels on the seller's request", t.cancelledBySellerRequest, 50 * scale);
        require("crossings", t.crossings, 50 * scale);
        require("express splits", splitExpresses, 30 * scale);
        require("express single fills", expressSingleFills, 300 * scale);
        require("duplicate clientOrderIds", t.duplicates, 30 * scale);
        require("restrictions", t.restrictions, 3 * scale);
        require("closed ads", t.adsClosed, 50 * scale);
        require("rejections", rejected, 10_000 * scale);
        require("edit rate limits", rejectedByCode[ErrorCode.AD_EDIT_RATE_LIMITED.value()], 3 * scale);
        require("timestamps from the past", skewedCommands, 1_000 * scale);
    }

    /** Under the tight configuration: restrictions and rate limits all the time, orders still complete. */
    void assertMeaningfulUnderTightConfig(final long commands)
    {
        final OrderTransitionTracker t = tracker;
        final double scale = commands / 60_000.0;
        require("orders completed", t.eventsByTemplate[org.p2px.codec.OrderCompletedDecoder.TEMPLATE_ID], 300 * scale);
        require("orders expired", t.eventsByTemplate[org.p2px.codec.OrderExpiredDecoder.TEMPLATE_ID], 100 * scale);
        require("disputes", t.disputedByAppeal + t.disputedByDeadline, 50 * scale);
        require("restrictions", t.restrictions, 100 * scale);
        require("edit rate limits", rejectedByCode[ErrorCode.AD_EDIT_RATE_LIMITED.value()], 10 * scale);
        require("express splits", splitExpresses, 5 * scale);
    }

    private static void require(final String what, final long count, final double atLeast)
    {
        if (count < Math.max(1, (long)atLeast))
        {
            throw new AssertionError("the simulation was not meaningful: only " + count + " " + what + ", wanted " +
                Math.max(1, (long)atLeast));
        }
    }

    // Expectations.

    private void expectAny()
    {
        expect(Expect.ANY, null);
    }

    private void expectAccept()
    {
        expect(Expect.ACCEPT, null);
    }

    private void expectCode(final ErrorCode code)
    {
        expect(code == null ? Expect.ACCEPT : Expect.CODE, code);
    }

    private void expect(final Expect kind, final ErrorCode code)
    {
        expect = kind;
        expectedCode = code;
        expectation = kind == Expect.CODE ? code.name() : kind == Expect.ACCEPT_OR_CODE ? "accepted or " + code :
            kind.name();
    }

    /** Accepted when the model finds nothing wrong, else rejected with one of the failures it found. */
    private void expectFailures(final EnumSet<ErrorCode> found)
    {
        if (found.isEmpty())
        {
            expectAccept();
            return;
        }
        expectedCodes.clear();
        expectedCodes.addAll(found);
        expect = Expect.ONE_OF;
        expectedCode = null;
        expectation = "one of " + found;
    }
}
