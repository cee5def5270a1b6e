/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.codec;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes events into a batch buffer, back to back, and hands each one to a listener right after it is written.
 * The trading core uses it so that every state change goes through an encoded event: the listener applies the
 * event, which is exactly what a replay of the journal does. Encoders are reused; nothing is allocated unless
 * the batch outgrows the buffer.
 */
public final class EventProxy
{
    /** Called with each event as soon as it is encoded. */
    @FunctionalInterface
    public interface Listener
    {
        void onEncoded(MutableDirectBuffer buffer, int offset);
    }

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandAcceptedEncoder commandAccepted = new CommandAcceptedEncoder();
    private final CommandRejectedEncoder commandRejected = new CommandRejectedEncoder();
    private final AssetDefinedEncoder assetDefined = new AssetDefinedEncoder();
    private final MarketCreatedEncoder marketCreated = new MarketCreatedEncoder();
    private final IndexPriceSetEncoder indexPriceSet = new IndexPriceSetEncoder();
    private final RulesSetEncoder rulesSet = new RulesSetEncoder();
    private final ConfiguredRulesSetEncoder configuredRulesSet = new ConfiguredRulesSetEncoder();
    private final UserRegisteredEncoder userRegistered = new UserRegisteredEncoder();
    private final UserRoleSetEncoder userRoleSet = new UserRoleSetEncoder();
    private final UserKycSetEncoder userKycSet = new UserKycSetEncoder();
    private final DepositedEncoder deposited = new DepositedEncoder();
    private final WithdrawnEncoder withdrawn = new WithdrawnEncoder();
    private final AdCreatedEncoder adCreated = new AdCreatedEncoder();
    private final AdUpdatedEncoder adUpdated = new AdUpdatedEncoder();
    private final AdStatusChangedEncoder adStatusChanged = new AdStatusChangedEncoder();
    private final AdQuantityChangedEncoder adQuantityChanged = new AdQuantityChangedEncoder();
    private final OrderOpenedEncoder orderOpened = new OrderOpenedEncoder();
    private final OrderPaidEncoder orderPaid = new OrderPaidEncoder();
    private final OrderCompletedEncoder orderCompleted = new OrderCompletedEncoder();
    private final OrderCancelledEncoder orderCancelled = new OrderCancelledEncoder();
    private final OrderExpiredEncoder orderExpired = new OrderExpiredEncoder();
    private final OrderDisputedEncoder orderDisputed = new OrderDisputedEncoder();
    private final AppealWithdrawnEncoder appealWithdrawn = new AppealWithdrawnEncoder();
    private final CancelRequestedEncoder cancelRequested = new CancelRequestedEncoder();
    private final CancelRequestRejectedEncoder cancelRequestRejected = new CancelRequestRejectedEncoder();
    private final UserRestrictedEncoder userRestricted = new UserRestrictedEncoder();
    private final UserBlockedEncoder userBlocked = new UserBlockedEncoder();
    private final UserUnblockedEncoder userUnblocked = new UserUnblockedEncoder();
    private final DuplicateClientOrderEncoder duplicateClientOrder = new DuplicateClientOrderEncoder();
    private final AttachmentRecordedEncoder attachmentRecorded = new AttachmentRecordedEncoder();
    private final ExpandableArrayBuffer batch;
    private final Listener listener;
    private int length;

    public EventProxy(final int initialCapacity, final Listener listener)
    {
        this.batch = new ExpandableArrayBuffer(initialCapacity);
        this.listener = listener;
    }

    /** Starts a new batch; the previous one is overwritten. */
    public void reset()
    {
        length = 0;
    }

    /** The batch written since {@link #reset()}. */
    public MutableDirectBuffer buffer()
    {
        return batch;
    }

    /** Bytes written since {@link #reset()}. */
    public int length()
    {
        return length;
    }

    private void commit(final int encodedLength)
    {
        final int offset = length;
        length += MessageHeaderEncoder.ENCODED_LENGTH + encodedLength;
        listener.onEncoded(batch, offset);
    }

    private void ensureCapacity(final int blockLength)
    {
        batch.checkLimit(length + MessageHeaderEncoder.ENCODED_LENGTH + blockLength);
    }

    /** Opens the batch of a command that changed state */
    public void commandAccepted(
        final long correlationId,
        final long timestamp,
        final int commandTemplateId,
        final long actorId)
    {
        ensureCapacity(CommandAcceptedEncoder.BLOCK_LENGTH);
        commandAccepted.wrapAndApplyHeader(batch, length, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .commandTemplateId(commandTemplateId)
            .actorId(actorId);
        commit(commandAccepted.encodedLength());
    }

    /** A command that changed nothing */
    public void commandRejected(
        final long correlationId,
        final long timestamp,
        final int commandTemplateId,
        final long actorId,
        final ErrorCode errorCode)
    {
        ensureCapacity(CommandRejectedEncoder.BLOCK_LENGTH);
        commandRejected.wrapAndApplyHeader(batch, length, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .commandTemplateId(commandTemplateId)
            .actorId(actorId)
            .errorCode(errorCode);
        commit(commandRejected.encodedLength());
    }

    public void assetDefined(
        final int assetId,
        final int scale,
        final boolean fiat)
    {
        ensureCapacity(AssetDefinedEncoder.BLOCK_LENGTH);
        assetDefined.wrapAndApplyHeader(batch, length, header)
            .assetId(assetId)
            .scale((short)scale)
            .fiat(WireEnums.flag(fiat));
        commit(assetDefined.encodedLength());
    }

    public void marketCreated(
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
        ensureCapacity(MarketCreatedEncoder.BLOCK_LENGTH);
        marketCreated.wrapAndApplyHeader(batch, length, header)
            .marketId(marketId)
            .assetId(assetId)
            .fiatId(fiatId)
            .priceScale((short)priceScale)
            .priceTick(priceTick)
            .minOrderFiat(minOrderFiat)
            .makerFeeBps(makerFeeBps)
            .takerFeeBps(takerFeeBps)
            .paymentMethods(paymentMethods);
        commit(marketCreated.encodedLength());
    }

    /** The trading rules every later command is decided by. */
    public void rulesSet(final RulesWriter rules)
    {
        ensureCapacity(RulesSetEncoder.BLOCK_LENGTH);
        rules.write(rulesSet.wrapAndApplyHeader(batch, length, header).rules());
        commit(rulesSet.encodedLength());
    }

    /** The rules of the server's configuration, right after the RulesSet that put them in force. */
    public void configuredRulesSet(final RulesWriter rules)
    {
        ensureCapacity(ConfiguredRulesSetEncoder.BLOCK_LENGTH);
        rules.write(configuredRulesSet.wrapAndApplyHeader(batch, length, header).rules());
        commit(configuredRulesSet.encodedLength());
    }

    public void indexPriceSet(
        final int marketId,
        final long price)
    {
        ensureCapacity(IndexPriceSetEncoder.BLOCK_LENGTH);
        indexPriceSet.wrapAndApplyHeader(batch, length, header)
            .marketId(marketId)
            .price(price);
        commit(indexPriceSet.encodedLength());
    }

    /** Account age counts from the batch timestamp */
    public void userRegistered(
        final long userId,
        final Role role,
        final int kycLevel)
    {
        ensureCapacity(UserRegisteredEncoder.BLOCK_LENGTH);
        userRegistered.wrapAndApplyHeader(batch, length, header)
            .userId(userId)
            .role(role)
            .kycLevel((short)kycLevel);
        commit(userRegistered.encodedLength());
    }

    public void userRoleSet(
        final long userId,
        final Role role)
    {
        ensureCapacity(UserRoleSetEncoder.BLOCK_LENGTH);
        userRoleSet.wrapAndApplyHeader(batch, length, header)
            .userId(userId)
            .role(role);
        commit(userRoleSet.encodedLength());
    }

    public void userKycSet(
        final long userId,
        final int kycLevel)
    {
        ensureCapacity(UserKycSetEncoder.BLOCK_LENGTH);
        userKycSet.wrapAndApplyHeader(batch, length, header)
            .userId(userId)
            .kycLevel((short)kycLevel);
        commit(userKycSet.encodedLength());
    }

    public void deposited(
        final long userId,
        final int assetId,
        final long amount)
    {
        ensureCapacity(DepositedEncoder.BLOCK_LENGTH);
        deposited.wrapAndApplyHeader(batch, length, header)
            .userId(userId)
            .assetId(assetId)
            .amount(amount);
        commit(deposited.encodedLength());
    }

    public void withdrawn(
        final long userId,
        final int assetId,
        final long amount)
    {
        ensureCapacity(WithdrawnEncoder.BLOCK_LENGTH);
        withdrawn.wrapAndApplyHeader(batch, length, header)
            .userId(userId)
            .assetId(assetId)
            .amount(amount);
        commit(withdrawn.encodedLength());
    }

    public void adCreated(
        final long adId,
        final long ownerId,
        final int marketId,
        final Side side,
        final long quantity,
        final AdStatus status,
        final long reserved,
        final AdTermsDecoder terms)
    {
        ensureCapacity(AdCreatedEncoder.BLOCK_LENGTH);
        adCreated.wrapAndApplyHeader(batch, length, header)
            .adId(adId)
            .ownerId(ownerId)
            .marketId(marketId)
            .side(side)
            .quantity(quantity)
            .status(status)
            .reserved(reserved);
        AdTermsCopier.copy(terms, adCreated.terms());
        commit(adCreated.encodedLength());
    }

    public void adUpdated(
        final long adId,
        final AdTermsDecoder terms)
    {
        ensureCapacity(AdUpdatedEncoder.BLOCK_LENGTH);
        adUpdated.wrapAndApplyHeader(batch, length, header)
            .adId(adId);
        AdTermsCopier.copy(terms, adUpdated.terms());
        commit(adUpdated.encodedLength());
    }

    /** CLOSED releases the reservation */
    public void adStatusChanged(
        final long adId,
        final AdStatus status)
    {
        ensureCapacity(AdStatusChangedEncoder.BLOCK_LENGTH);
        adStatusChanged.wrapAndApplyHeader(batch, length, header)
            .adId(adId)
            .status(status);
        commit(adStatusChanged.encodedLength());
    }

    public void adQuantityChanged(
        final long adId,
        final long delta,
        final long reservedDelta)
    {
        ensureCapacity(AdQuantityChangedEncoder.BLOCK_LENGTH);
        adQuantityChanged.wrapAndApplyHeader(batch, length, header)
            .adId(adId)
            .delta(delta)
            .reservedDelta(reservedDelta);
        commit(adQuantityChanged.encodedLength());
    }

    /** Escrow locked: from the SELL ad's reservation, or the taking seller's balance */
    public void orderOpened(
        final long orderId,
        final int marketId,
        final long buyAdId,
        final long sellAdId,
        final long makerId,
        final long takerId,
        final long buyerId,
        final long sellerId,
        final long price,
        final long quantity,
        final long fiatAmount,
        final long buyerFee,
        final long sellerFee,
        final int paymentMethod,
        final long payBy,
        final long clientOrderId)
    {
        ensureCapacity(OrderOpenedEncoder.BLOCK_LENGTH);
        orderOpened.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId)
            .marketId(marketId)
            .buyAdId(buyAdId)
            .sellAdId(sellAdId)
            .makerId(makerId)
            .takerId(takerId)
            .buyerId(buyerId)
            .sellerId(sellerId)
            .price(price)
            .quantity(quantity)
            .fiatAmount(fiatAmount)
            .buyerFee(buyerFee)
            .sellerFee(sellerFee)
            .paymentMethod((short)paymentMethod)
            .payBy(payBy)
            .clientOrderId(clientOrderId);
        commit(orderOpened.encodedLength());
    }

    public void orderPaid(
        final long orderId,
        final long releaseBy,
        final long appealableFrom)
    {
        ensureCapacity(OrderPaidEncoder.BLOCK_LENGTH);
        orderPaid.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId)
            .releaseBy(releaseBy)
            .appealableFrom(appealableFrom);
        commit(orderPaid.encodedLength());
    }

    /** Escrow released to the buyer, fees to the fee account */
    public void orderCompleted(
        final long orderId,
        final boolean byArbiter)
    {
        ensureCapacity(OrderCompletedEncoder.BLOCK_LENGTH);
        orderCompleted.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId)
            .byArbiter(WireEnums.flag(byArbiter));
        commit(orderCompleted.encodedLength());
    }

    /** Escrow returned */
    public void orderCancelled(
        final long orderId,
        final CancelReason reason)
    {
        ensureCapacity(OrderCancelledEncoder.BLOCK_LENGTH);
        orderCancelled.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId)
            .reason(reason);
        commit(orderCancelled.encodedLength());
    }

    /** Payment deadline passed; escrow returned */
    public void orderExpired(
        final long orderId)
    {
        ensureCapacity(OrderExpiredEncoder.BLOCK_LENGTH);
        orderExpired.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId);
        commit(orderExpired.encodedLength());
    }

    public void orderDisputed(
        final long orderId,
        final long appellantId)
    {
        ensureCapacity(OrderDisputedEncoder.BLOCK_LENGTH);
        orderDisputed.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId)
            .appellantId(appellantId);
        commit(orderDisputed.encodedLength());
    }

    public void appealWithdrawn(
        final long orderId,
        final long releaseBy,
        final long appealableFrom)
    {
        ensureCapacity(AppealWithdrawnEncoder.BLOCK_LENGTH);
        appealWithdrawn.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId)
            .releaseBy(releaseBy)
            .appealableFrom(appealableFrom);
        commit(appealWithdrawn.encodedLength());
    }

    public void cancelRequested(
        final long orderId)
    {
        ensureCapacity(CancelRequestedEncoder.BLOCK_LENGTH);
        cancelRequested.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId);
        commit(cancelRequested.encodedLength());
    }

    public void cancelRequestRejected(
        final long orderId)
    {
        ensureCapacity(CancelRequestRejectedEncoder.BLOCK_LENGTH);
        cancelRequestRejected.wrapAndApplyHeader(batch, length, header)
            .orderId(orderId);
        commit(cancelRequestRejected.encodedLength());
    }

    /** Too many cancels: no taking, no BUY ads until then */
    public void userRestricted(
        final long userId,
        final long until,
        final int level)
    {
        ensureCapacity(UserRestrictedEncoder.BLOCK_LENGTH);
        userRestricted.wrapAndApplyHeader(batch, length, header)
            .userId(userId)
            .until(until)
            .level((short)level);
        commit(userRestricted.encodedLength());
    }

    public void userBlocked(
        final long blockerId,
        final long blockedId)
    {
        ensureCapacity(UserBlockedEncoder.BLOCK_LENGTH);
        userBlocked.wrapAndApplyHeader(batch, length, header)
            .blockerId(blockerId)
            .blockedId(blockedId);
        commit(userBlocked.encodedLength());
    }

    public void userUnblocked(
        final long blockerId,
        final long blockedId)
    {
        ensureCapacity(UserUnblockedEncoder.BLOCK_LENGTH);
        userUnblocked.wrapAndApplyHeader(batch, length, header)
            .blockerId(blockerId)
            .blockedId(blockedId);
        commit(userUnblocked.encodedLength());
    }

    /** An idempotent retry: nothing new happened */
    /** A file shown in an order; its hash copied straight from the command (no String on the core thread). */
    public void attachmentRecorded(final RecordAttachmentDecoder command)
    {
        ensureCapacity(AttachmentRecordedEncoder.BLOCK_LENGTH);
        final AttachmentRecordedEncoder event = attachmentRecorded.wrapAndApplyHeader(batch, length, header)
            .orderId(command.orderId())
            .uploaderId(command.actorId())
            .attachmentId(command.attachmentId())
            .size(command.size())
            .mediaType(command.mediaType());
        for (int i = 0; i < RecordAttachmentDecoder.sha256Length(); i++)
        {
            event.sha256(i, command.sha256(i));
        }
        commit(attachmentRecorded.encodedLength());
    }

    public void duplicateClientOrder(
        final long clientOrderId,
        final long orderId)
    {
        ensureCapacity(DuplicateClientOrderEncoder.BLOCK_LENGTH);
        duplicateClientOrder.wrapAndApplyHeader(batch, length, header)
            .clientOrderId(clientOrderId)
            .orderId(orderId);
        commit(duplicateClientOrder.encodedLength());
    }
}
