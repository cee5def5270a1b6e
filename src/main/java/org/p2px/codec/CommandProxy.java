/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.codec;

import java.util.stream.IntStream;

import org.agrona.MutableDirectBuffer;

/**
 * Encodes commands: the gateways' (and the tests' and benchmarks') way onto the core's input. Each method
 * writes one message, header included, at {@code offset} and returns its length. Encoders are created once and
 * reused; the proxy is not thread safe, so each gateway thread owns one.
 */
public final class CommandProxy
{
    /** The longest command this proxy writes, header included: the size of a command's slot on the ring buffer. */
    public static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + IntStream.of(
        DefineAssetEncoder.BLOCK_LENGTH,
        CreateMarketEncoder.BLOCK_LENGTH,
        SetIndexPriceEncoder.BLOCK_LENGTH,
        RegisterUserEncoder.BLOCK_LENGTH,
        SetUserRoleEncoder.BLOCK_LENGTH,
        SetUserKycEncoder.BLOCK_LENGTH,
        DepositEncoder.BLOCK_LENGTH,
        WithdrawEncoder.BLOCK_LENGTH,
        CreateAdEncoder.BLOCK_LENGTH,
        UpdateAdEncoder.BLOCK_LENGTH,
        SetAdStatusEncoder.BLOCK_LENGTH,
        ChangeAdQuantityEncoder.BLOCK_LENGTH,
        TakeAdEncoder.BLOCK_LENGTH,
        ExpressEncoder.BLOCK_LENGTH,
        MarkPaidEncoder.BLOCK_LENGTH,
        ReleaseEncoder.BLOCK_LENGTH,
        CancelOrderEncoder.BLOCK_LENGTH,
        RequestCancelEncoder.BLOCK_LENGTH,
        ReviewCancelRequestEncoder.BLOCK_LENGTH,
        AppealEncoder.BLOCK_LENGTH,
        WithdrawAppealEncoder.BLOCK_LENGTH,
        ResolveDisputeEncoder.BLOCK_LENGTH,
        BlockUserEncoder.BLOCK_LENGTH,
        UnblockUserEncoder.BLOCK_LENGTH,
        TickEncoder.BLOCK_LENGTH,
        RecordAttachmentEncoder.BLOCK_LENGTH).max().getAsInt();

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final DefineAssetEncoder defineAsset = new DefineAssetEncoder();
    private final CreateMarketEncoder createMarket = new CreateMarketEncoder();
    private final SetIndexPriceEncoder setIndexPrice = new SetIndexPriceEncoder();
    private final RegisterUserEncoder registerUser = new RegisterUserEncoder();
    private final SetUserRoleEncoder setUserRole = new SetUserRoleEncoder();
    private final SetUserKycEncoder setUserKyc = new SetUserKycEncoder();
    private final DepositEncoder deposit = new DepositEncoder();
    private final WithdrawEncoder withdraw = new WithdrawEncoder();
    private final CreateAdEncoder createAd = new CreateAdEncoder();
    private final UpdateAdEncoder updateAd = new UpdateAdEncoder();
    private final SetAdStatusEncoder setAdStatus = new SetAdStatusEncoder();
    private final ChangeAdQuantityEncoder changeAdQuantity = new ChangeAdQuantityEncoder();
    private final TakeAdEncoder takeAd = new TakeAdEncoder();
    private final ExpressEncoder express = new ExpressEncoder();
    private final MarkPaidEncoder markPaid = new MarkPaidEncoder();
    private final ReleaseEncoder release = new ReleaseEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final RequestCancelEncoder requestCancel = new RequestCancelEncoder();
    private final ReviewCancelRequestEncoder reviewCancelRequest = new ReviewCancelRequestEncoder();
    private final AppealEncoder appeal = new AppealEncoder();
    private final WithdrawAppealEncoder withdrawAppeal = new WithdrawAppealEncoder();
    private final ResolveDisputeEncoder resolveDispute = new ResolveDisputeEncoder();
    private final BlockUserEncoder blockUser = new BlockUserEncoder();
    private final UnblockUserEncoder unblockUser = new UnblockUserEncoder();
    private final TickEncoder tick = new TickEncoder();
    private final SetRulesEncoder setRules = new SetRulesEncoder();
    private final RecordAttachmentEncoder recordAttachment = new RecordAttachmentEncoder();

    /** Admin: declare a crypto asset or a fiat currency. */
    public int defineAsset(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final int assetId,
        final int scale,
        final boolean fiat)
    {
        defineAsset.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .assetId(assetId)
            .scale((short)scale)
            .fiat(WireEnums.flag(fiat));
        return MessageHeaderEncoder.ENCODED_LENGTH + defineAsset.encodedLength();
    }

    /** Admin: open an asset/fiat market. */
    public int createMarket(
        final MutableDirectBuffer buffer,
        final int offset,
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
        createMarket.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .marketId(marketId)
            .assetId(assetId)
            .fiatId(fiatId)
            .priceScale((short)priceScale)
            .priceTick(priceTick)
            .minOrderFiat(minOrderFiat)
            .makerFeeBps(makerFeeBps)
            .takerFeeBps(takerFeeBps)
            .paymentMethods(paymentMethods);
        return MessageHeaderEncoder.ENCODED_LENGTH + createMarket.encodedLength();
    }

    /** Admin or price feed: the reference price floating ads follow. */
    public int setIndexPrice(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final int marketId,
        final long price)
    {
        setIndexPrice.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .marketId(marketId)
            .price(price);
        return MessageHeaderEncoder.ENCODED_LENGTH + setIndexPrice.encodedLength();
    }

    /** A user signed up; the id comes from the user store. */
    public int registerUser(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long userId,
        final Role role,
        final int kycLevel)
    {
        registerUser.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .userId(userId)
            .role(role)
            .kycLevel((short)kycLevel);
        return MessageHeaderEncoder.ENCODED_LENGTH + registerUser.encodedLength();
    }

    /** Admin: change a user's role. */
    public int setUserRole(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long userId,
        final Role role)
    {
        setUserRole.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .userId(userId)
            .role(role);
        return MessageHeaderEncoder.ENCODED_LENGTH + setUserRole.encodedLength();
    }

    /** Admin: set a user's KYC level. */
    public int setUserKyc(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long userId,
        final int kycLevel)
    {
        setUserKyc.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .userId(userId)
            .kycLevel((short)kycLevel);
        return MessageHeaderEncoder.ENCODED_LENGTH + setUserKyc.encodedLength();
    }

    /** Admin (custody): credit a user. */
    public int deposit(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long userId,
        final int assetId,
        final long amount)
    {
        deposit.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .userId(userId)
            .assetId(assetId)
            .amount(amount);
        return MessageHeaderEncoder.ENCODED_LENGTH + deposit.encodedLength();
    }

    /** Admin (custody): debit a user's available balance. */
    public int withdraw(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long userId,
        final int assetId,
        final long amount)
    {
        withdraw.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .userId(userId)
            .assetId(assetId)
            .amount(amount);
        return MessageHeaderEncoder.ENCODED_LENGTH + withdraw.encodedLength();
    }

    /** Post an ad. */
    public int createAd(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long ownerId,
        final int marketId,
        final Side side,
        final long quantity,
        final AdStatus status,
        final AdTermsSpec terms)
    {
        createAd.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .ownerId(ownerId)
            .marketId(marketId)
            .side(side)
            .quantity(quantity)
            .status(status);
        terms.encode(createAd.terms());
        return MessageHeaderEncoder.ENCODED_LENGTH + createAd.encodedLength();
    }

    /** Replace an ad's terms. */
    public int updateAd(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long ownerId,
        final long adId,
        final AdTermsSpec terms)
    {
        updateAd.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .ownerId(ownerId)
            .adId(adId);
        terms.encode(updateAd.terms());
        return MessageHeaderEncoder.ENCODED_LENGTH + updateAd.encodedLength();
    }

    /** Put an ad online, offline, or close it. */
    public int setAdStatus(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long ownerId,
        final long adId,
        final AdStatus status)
    {
        setAdStatus.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .ownerId(ownerId)
            .adId(adId)
            .status(status);
        return MessageHeaderEncoder.ENCODED_LENGTH + setAdStatus.encodedLength();
    }

    /** Top up or reduce an ad. */
    public int changeAdQuantity(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long ownerId,
        final long adId,
        final long delta)
    {
        changeAdQuantity.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .ownerId(ownerId)
            .adId(adId)
            .delta(delta);
        return MessageHeaderEncoder.ENCODED_LENGTH + changeAdQuantity.encodedLength();
    }

    /** Take a named ad. */
    public int takeAd(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long takerId,
        final long adId,
        final long amount,
        final boolean amountInFiat,
        final int paymentMethod,
        final long clientOrderId)
    {
        takeAd.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .takerId(takerId)
            .adId(adId)
            .amount(amount)
            .amountInFiat(WireEnums.flag(amountInFiat))
            .paymentMethod((short)paymentMethod)
            .clientOrderId(clientOrderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + takeAd.encodedLength();
    }

    /** Let the core pick the best ad(s). */
    public int express(
        final MutableDirectBuffer buffer,
        final int offset,
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
        express.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .takerId(takerId)
            .marketId(marketId)
            .side(side)
            .amount(amount)
            .amountInFiat(WireEnums.flag(amountInFiat))
            .paymentMethods(paymentMethods)
            .priceLimit(priceLimit)
            .allowSplit(WireEnums.flag(allowSplit))
            .clientOrderId(clientOrderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + express.encodedLength();
    }

    /** Buyer: fiat sent. */
    public int markPaid(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId)
    {
        markPaid.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + markPaid.encodedLength();
    }

    /** Seller: fiat received, release escrow. */
    public int release(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId)
    {
        release.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + release.encodedLength();
    }

    /** Buyer: cancel. */
    public int cancelOrder(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId)
    {
        cancelOrder.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength();
    }

    /** Seller: ask the buyer to cancel. */
    public int requestCancel(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId)
    {
        requestCancel.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + requestCancel.encodedLength();
    }

    /** Buyer: accept or reject the seller's request. */
    public int reviewCancelRequest(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId,
        final boolean accept)
    {
        reviewCancelRequest.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId)
            .accept(WireEnums.flag(accept));
        return MessageHeaderEncoder.ENCODED_LENGTH + reviewCancelRequest.encodedLength();
    }

    /** Buyer or seller: open a dispute. */
    public int appeal(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId)
    {
        appeal.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + appeal.encodedLength();
    }

    /** The appellant: back to PAID. */
    public int withdrawAppeal(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId)
    {
        withdrawAppeal.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + withdrawAppeal.encodedLength();
    }

    /** Arbiter: release or refund. */
    public int resolveDispute(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId,
        final DisputeOutcome outcome)
    {
        resolveDispute.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId)
            .outcome(outcome);
        return MessageHeaderEncoder.ENCODED_LENGTH + resolveDispute.encodedLength();
    }

    /** Stop trading with a user. */
    public int blockUser(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long userId)
    {
        blockUser.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .userId(userId);
        return MessageHeaderEncoder.ENCODED_LENGTH + blockUser.encodedLength();
    }

    /** Trade with a user again. */
    public int unblockUser(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long userId)
    {
        unblockUser.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .userId(userId);
        return MessageHeaderEncoder.ENCODED_LENGTH + unblockUser.encodedLength();
    }

    /**
     * The longest SetRules command, header included: longer than {@link #MAX_LENGTH}, so it is offered with a slot
     * of its own size (the rules change rarely; every other command keeps its smaller slot).
     */
    public static final int SET_RULES_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + SetRulesEncoder.BLOCK_LENGTH;

    /** Admin, or the server at start: the trading rules from here on. */
    public int setRules(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final RulesWriter rules)
    {
        setRules.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId);
        rules.write(setRules.rules());
        return MessageHeaderEncoder.ENCODED_LENGTH + setRules.encodedLength();
    }

    /**
     * A party (or staff on a disputed order): a file shown in the order, by the SHA-256 of its stored bytes
     * (64 lower-case hex characters). The file itself never reaches the core.
     */
    public int recordAttachment(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp,
        final long actorId,
        final long orderId,
        final long attachmentId,
        final long size,
        final AttachmentType mediaType,
        final String sha256Hex)
    {
        recordAttachment.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp)
            .actorId(actorId)
            .orderId(orderId)
            .attachmentId(attachmentId)
            .size(size)
            .mediaType(mediaType)
            .sha256(sha256Hex);
        return MessageHeaderEncoder.ENCODED_LENGTH + recordAttachment.encodedLength();
    }

    /** Time passes: fires due deadlines. */
    public int tick(
        final MutableDirectBuffer buffer,
        final int offset,
        final long correlationId,
        final long timestamp)
    {
        tick.wrapAndApplyHeader(buffer, offset, header)
            .correlationId(correlationId)
            .timestamp(timestamp);
        return MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength();
    }
}
