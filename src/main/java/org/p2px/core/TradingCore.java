package org.p2px.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsDecoder;
import org.p2px.codec.AppealDecoder;
import org.p2px.codec.BlockUserDecoder;
import org.p2px.codec.CancelOrderDecoder;
import org.p2px.codec.ChangeAdQuantityDecoder;
import org.p2px.codec.CommandHandler;
import org.p2px.codec.CreateAdDecoder;
import org.p2px.codec.CreateMarketDecoder;
import org.p2px.codec.DefineAssetDecoder;
import org.p2px.codec.DepositDecoder;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventProxy;
import org.p2px.codec.ExpressDecoder;
import org.p2px.codec.MarkPaidDecoder;
import org.p2px.codec.RegisterUserDecoder;
import org.p2px.codec.ReleaseDecoder;
import org.p2px.codec.RequestCancelDecoder;
import org.p2px.codec.ResolveDisputeDecoder;
import org.p2px.codec.ReviewCancelRequestDecoder;
import org.p2px.codec.Role;
import org.p2px.codec.SetAdStatusDecoder;
import org.p2px.codec.RulesDecoder;
import org.p2px.codec.SetIndexPriceDecoder;
import org.p2px.codec.RecordAttachmentDecoder;
import org.p2px.codec.SetRulesDecoder;
import org.p2px.codec.SetUserKycDecoder;
import org.p2px.codec.SetUserRoleDecoder;
import org.p2px.codec.Side;
import org.p2px.codec.TakeAdDecoder;
import org.p2px.codec.TickDecoder;
import org.p2px.codec.UnblockUserDecoder;
import org.p2px.codec.UpdateAdDecoder;
import org.p2px.codec.WithdrawAppealDecoder;
import org.p2px.codec.WithdrawDecoder;

/**
 * The trading core: a deterministic state machine over users, balances, markets, ads and orders. Single
 * threaded, no clock (time arrives in each command), no I/O, nothing allocated per command once warm.
 *
 * <p>Each command is decided into a batch of events: {@code CommandAccepted} followed by its effects, or a lone
 * {@code CommandRejected} with a code, in which case nothing changed. Every event is applied to the state as
 * it is encoded, by the same {@link StateApplier} that {@link #apply} uses to replay journaled batches, so a
 * replay reproduces the live state exactly ({@link #digest()} proves it). After a command the batch is in
 * {@link #batchBuffer()} for the first {@link #batchLength()} bytes, until the next command.
 */
public final class TradingCore implements CommandHandler
{
    private static final int INITIAL_BATCH_BYTES = 64 * 1024;

    private final CoreState state;
    private final EventProxy events;
    private final EventAdapter replay;
    private final AccountDesk accounts;
    private final AdDesk ads;
    private final OrderDesk orders;
    private final ExpressDesk express;

    private long correlationId;
    private long timestamp;
    private int commandTemplateId;
    private long actorId;
    private int acceptedLength;

    public TradingCore(final CoreConfig config)
    {
        state = new CoreState(config);
        final StateApplier applier = new StateApplier(state);
        final EventAdapter applyAsEncoded = new EventAdapter(applier);
        events = new EventProxy(INITIAL_BATCH_BYTES, applyAsEncoded::onEvent);
        replay = new EventAdapter(applier);
        final Crossing crossing = new Crossing(state);
        final TradeRules rules = new TradeRules(state, events);
        crossing.rules(rules);
        accounts = new AccountDesk(state, events, crossing);
        ads = new AdDesk(state, events, crossing);
        orders = new OrderDesk(state, events, rules);
        express = new ExpressDesk(state, rules, orders);
    }

    /** The events of the last command. Valid until the next command. */
    public MutableDirectBuffer batchBuffer()
    {
        return events.buffer();
    }

    public int batchLength()
    {
        return events.length();
    }

    /**
     * Replays one journaled batch: applies its events without deciding anything.
     *
     * @return how many events the batch held.
     */
    public int apply(final DirectBuffer buffer, final int offset, final int length)
    {
        return replay.onBatch(buffer, offset, length);
    }

    /** A hash of the whole trading state, independent of how it was reached; see {@link StateDigest}. */
    public long digest()
    {
        return StateDigest.of(state);
    }

    /** Checks the state's invariants; returns a description of the first violation, or null. */
    public String checkInvariants()
    {
        return Invariants.check(state);
    }

    /** Grows the ad and order pools ahead of time, so that the first minutes of trading allocate nothing. */
    public void preallocate(final int adCount, final int orderCount)
    {
        state.preallocate(adCount, orderCount);
    }

    CoreState state()
    {
        return state;
    }

    /**
     * Writes the whole state as a snapshot (SBE records ending with the digest) into {@code buffer} at
     * {@code offset}; an expandable buffer grows as needed.
     *
     * @return the snapshot's length in bytes.
     */
    public int writeSnapshot(final MutableDirectBuffer buffer, final int offset)
    {
        return new SnapshotWriter().write(state, buffer, offset);
    }

    /**
     * A core rebuilt from a snapshot written by {@link #writeSnapshot}.
     *
     * @throws IllegalStateException when the snapshot is malformed or does not reproduce its recorded digest.
     */
    public static TradingCore fromSnapshot(
        final CoreConfig config, final DirectBuffer buffer, final int offset, final int length)
    {
        final TradingCore core = new TradingCore(config);
        new SnapshotLoader(core.state).load(buffer, offset, length);
        return core;
    }

    /** A user's available balance of an asset, 0 for an unknown user. */
    public long available(final long userId, final int assetId)
    {
        final User user = state.users.get(userId);
        return user == null ? 0 : user.available(assetId);
    }

    /** A user's locked balance (escrow and SELL-ad reservations) of an asset, 0 for an unknown user. */
    public long locked(final long userId, final int assetId)
    {
        final User user = state.users.get(userId);
        return user == null ? 0 : user.locked(assetId);
    }

    /** The time of the last command decided or applied, in epoch milliseconds. */
    public long lastCommandTime()
    {
        return state.now;
    }

    @Override
    public void onDefineAsset(
        final long correlationId, final long timestamp, final long actorId, final int assetId, final int scale,
        final boolean fiat)
    {
        begin(correlationId, timestamp, DefineAssetDecoder.TEMPLATE_ID, actorId);
        end(accounts.defineAsset(actorId, assetId, scale, fiat));
    }

    @Override
    public void onCreateMarket(
        final long correlationId,
        final long timestamp,
        final long actorId,
        final int marketId,
        final int assetId,
        final int fiatId,
        final int priceScale,
        final long priceTick,
        final long minOrderFiat,
        final int makerFeeBps,
        final int takerFeeBps,
        final long paymentMethods)
    {
        begin(correlationId, timestamp, CreateMarketDecoder.TEMPLATE_ID, actorId);
        end(accounts.createMarket(
            actorId, marketId, assetId, fiatId, priceScale, priceTick, minOrderFiat, makerFeeBps, takerFeeBps,
            paymentMethods));
    }

    @Override
    public void onSetRules(final long correlationId, final long timestamp, final long actorId, final RulesDecoder rules)
    {
        begin(correlationId, timestamp, SetRulesDecoder.TEMPLATE_ID, actorId);
        end(accounts.setRules(actorId, rules));
    }

    @Override
    public void onRecordAttachment(final RecordAttachmentDecoder command)
    {
        begin(command.correlationId(), command.timestamp(), RecordAttachmentDecoder.TEMPLATE_ID, command.actorId());
        end(orders.recordAttachment(command));
    }

    /** The rules in force now. */
    public CoreConfig rules()
    {
        return state.config;
    }

    /** The rules of the server's configuration last journaled (an admin's change since leaves them as they were). */
    public CoreConfig configuredRules()
    {
        return state.configuredRules;
    }

    @Override
    public void onSetIndexPrice(
        final long correlationId, final long timestamp, final long actorId, final int marketId, final long price)
    {
        begin(correlationId, timestamp, SetIndexPriceDecoder.TEMPLATE_ID, actorId);
        end(accounts.setIndexPrice(actorId, marketId, price));
    }

    @Override
    public void onRegisterUser(
        final long correlationId, final long timestamp, final long userId, final Role role, final int kycLevel)
    {
        begin(correlationId, timestamp, RegisterUserDecoder.TEMPLATE_ID, userId);
        end(accounts.registerUser(userId, role, kycLevel));
    }

    @Override
    public void onSetUserRole(
        final long correlationId, final long timestamp, final long actorId, final long userId, final Role role)
    {
        begin(correlationId, timestamp, SetUserRoleDecoder.TEMPLATE_ID, actorId);
        end(accounts.setUserRole(actorId, userId, role));
    }

    @Override
    public void onSetUserKyc(
        final long correlationId, final long timestamp, final long actorId, final long userId, final int kycLevel)
    {
        begin(correlationId, timestamp, SetUserKycDecoder.TEMPLATE_ID, actorId);
        end(accounts.setUserKyc(actorId, userId, kycLevel));
    }

    @Override
    public void onDeposit(
        final long correlationId, final long timestamp, final long actorId, final long userId, final int assetId,
        final long amount)
    {
        begin(correlationId, timestamp, DepositDecoder.TEMPLATE_ID, actorId);
        end(accounts.deposit(actorId, userId, assetId, amount));
    }

    @Override
    public void onWithdraw(
        final long correlationId, final long timestamp, final long actorId, final long userId, final int assetId,
        final long amount)
    {
        begin(correlationId, timestamp, WithdrawDecoder.TEMPLATE_ID, actorId);
        end(accounts.withdraw(actorId, userId, assetId, amount));
    }

    @Override
    public void onCreateAd(
        final long correlationId,
        final long timestamp,
        final long ownerId,
        final int marketId,
        final Side side,
        final long quantity,
        final AdStatus status,
        final AdTermsDecoder terms)
    {
        begin(correlationId, timestamp, CreateAdDecoder.TEMPLATE_ID, ownerId);
        end(ads.create(ownerId, marketId, side, quantity, status, terms));
    }

    @Override
    public void onUpdateAd(
        final long correlationId, final long timestamp, final long ownerId, final long adId, final AdTermsDecoder terms)
    {
        begin(correlationId, timestamp, UpdateAdDecoder.TEMPLATE_ID, ownerId);
        end(ads.update(ownerId, adId, terms));
    }

    @Override
    public void onSetAdStatus(
        final long correlationId, final long timestamp, final long ownerId, final long adId, final AdStatus status)
    {
        begin(correlationId, timestamp, SetAdStatusDecoder.TEMPLATE_ID, ownerId);
        end(ads.setStatus(ownerId, adId, status));
    }

    @Override
    public void onChangeAdQuantity(
        final long correlationId, final long timestamp, final long ownerId, final long adId, final long delta)
    {
        begin(correlationId, timestamp, ChangeAdQuantityDecoder.TEMPLATE_ID, ownerId);
        end(ads.changeQuantity(ownerId, adId, delta));
    }

    @Override
    public void onTakeAd(
        final long correlationId,
        final long timestamp,
        final long takerId,
        final long adId,
        final long amount,
        final boolean amountInFiat,
        final int paymentMethod,
        final long clientOrderId)
    {
        begin(correlationId, timestamp, TakeAdDecoder.TEMPLATE_ID, takerId);
        end(orders.take(takerId, adId, amount, amountInFiat, paymentMethod, clientOrderId));
    }

    @Override
    public void onExpress(
        final long correlationId,
        final long timestamp,
        final long takerId,
        final int marketId,
        final Side side,
        final long amount,
        final boolean amountInFiat,
        final long paymentMethods,
        final long priceLimit,
        final boolean allowSplit,
        final long clientOrderId)
    {
        begin(correlationId, timestamp, ExpressDecoder.TEMPLATE_ID, takerId);
        end(express.express(
            takerId, marketId, side, amount, amountInFiat, paymentMethods, priceLimit, allowSplit, clientOrderId));
    }

    @Override
    public void onMarkPaid(final long correlationId, final long timestamp, final long actorId, final long orderId)
    {
        begin(correlationId, timestamp, MarkPaidDecoder.TEMPLATE_ID, actorId);
        end(orders.markPaid(actorId, orderId));
    }

    @Override
    public void onRelease(final long correlationId, final long timestamp, final long actorId, final long orderId)
    {
        begin(correlationId, timestamp, ReleaseDecoder.TEMPLATE_ID, actorId);
        end(orders.release(actorId, orderId));
    }

    @Override
    public void onCancelOrder(final long correlationId, final long timestamp, final long actorId, final long orderId)
    {
        begin(correlationId, timestamp, CancelOrderDecoder.TEMPLATE_ID, actorId);
        end(orders.cancel(actorId, orderId));
    }

    @Override
    public void onRequestCancel(final long correlationId, final long timestamp, final long actorId, final long orderId)
    {
        begin(correlationId, timestamp, RequestCancelDecoder.TEMPLATE_ID, actorId);
        end(orders.requestCancel(actorId, orderId));
    }

    @Override
    public void onReviewCancelRequest(
        final long correlationId, final long timestamp, final long actorId, final long orderId, final boolean accept)
    {
        begin(correlationId, timestamp, ReviewCancelRequestDecoder.TEMPLATE_ID, actorId);
        end(orders.reviewCancelRequest(actorId, orderId, accept));
    }

    @Override
    public void onAppeal(final long correlationId, final long timestamp, final long actorId, final long orderId)
    {
        begin(correlationId, timestamp, AppealDecoder.TEMPLATE_ID, actorId);
        end(orders.appeal(actorId, orderId));
    }

    @Override
    public void onWithdrawAppeal(final long correlationId, final long timestamp, final long actorId, final long orderId)
    {
        begin(correlationId, timestamp, WithdrawAppealDecoder.TEMPLATE_ID, actorId);
        end(orders.withdrawAppeal(actorId, orderId));
    }

    @Override
    public void onResolveDispute(
        final long correlationId, final long timestamp, final long actorId, final long orderId,
        final DisputeOutcome outcome)
    {
        begin(correlationId, timestamp, ResolveDisputeDecoder.TEMPLATE_ID, actorId);
        end(orders.resolve(actorId, orderId, outcome));
    }

    @Override
    public void onBlockUser(final long correlationId, final long timestamp, final long actorId, final long userId)
    {
        begin(correlationId, timestamp, BlockUserDecoder.TEMPLATE_ID, actorId);
        end(accounts.block(actorId, userId));
    }

    @Override
    public void onUnblockUser(final long correlationId, final long timestamp, final long actorId, final long userId)
    {
        begin(correlationId, timestamp, UnblockUserDecoder.TEMPLATE_ID, actorId);
        end(accounts.unblock(actorId, userId));
    }

    @Override
    public void onTick(final long correlationId, final long timestamp)
    {
        begin(correlationId, timestamp, TickDecoder.TEMPLATE_ID, 0);
        orders.tick();
        end(null);
    }

    @Override
    public void onUnknownCommand(final long correlationId, final long timestamp, final int templateId)
    {
        begin(correlationId, timestamp, templateId, 0);
        end(ErrorCode.UNKNOWN_COMMAND);
    }

    /**
     * Opens the batch with CommandAccepted, which also sets the core's clock. Time never runs backwards inside
     * the core: a command stamped earlier than the last one is decided at the last one's time.
     */
    private void begin(final long correlationId, final long timestamp, final int templateId, final long actorId)
    {
        this.correlationId = correlationId;
        this.timestamp = Math.max(timestamp, state.now);
        this.commandTemplateId = templateId;
        this.actorId = actorId;
        events.reset();
        events.commandAccepted(correlationId, this.timestamp, templateId, actorId);
        acceptedLength = events.length();
    }

    private void end(final ErrorCode rejection)
    {
        if (rejection == null)
        {
            return;
        }
        if (events.length() != acceptedLength)
        {
            throw new IllegalStateException("a command was rejected after it changed state: " + rejection);
        }
        events.reset();
        events.commandRejected(correlationId, timestamp, commandTemplateId, actorId, rejection);
    }
}
