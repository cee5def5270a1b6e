/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.codec;

import org.agrona.DirectBuffer;

/**
 * Decodes one binary command and calls {@link CommandHandler} with its fields. Decoders are created once and
 * reused, so decoding allocates nothing. A message from another schema, with an unknown template id, or
 * shorter than its header says, reaches the handler as {@link CommandHandler#onUnknownCommand}.
 */
public final class CommandAdapter
{
    /** Every command starts with correlationId and timestamp: 16 bytes. */
    private static final int MIN_BLOCK_LENGTH = 16;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final DefineAssetDecoder defineAsset = new DefineAssetDecoder();
    private final CreateMarketDecoder createMarket = new CreateMarketDecoder();
    private final SetIndexPriceDecoder setIndexPrice = new SetIndexPriceDecoder();
    private final RegisterUserDecoder registerUser = new RegisterUserDecoder();
    private final SetUserRoleDecoder setUserRole = new SetUserRoleDecoder();
    private final SetUserKycDecoder setUserKyc = new SetUserKycDecoder();
    private final DepositDecoder deposit = new DepositDecoder();
    private final WithdrawDecoder withdraw = new WithdrawDecoder();
    private final CreateAdDecoder createAd = new CreateAdDecoder();
    private final UpdateAdDecoder updateAd = new UpdateAdDecoder();
    private final SetAdStatusDecoder setAdStatus = new SetAdStatusDecoder();
    private final ChangeAdQuantityDecoder changeAdQuantity = new ChangeAdQuantityDecoder();
    private final TakeAdDecoder takeAd = new TakeAdDecoder();
    private final ExpressDecoder express = new ExpressDecoder();
    private final MarkPaidDecoder markPaid = new MarkPaidDecoder();
    private final ReleaseDecoder release = new ReleaseDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final RequestCancelDecoder requestCancel = new RequestCancelDecoder();
    private final ReviewCancelRequestDecoder reviewCancelRequest = new ReviewCancelRequestDecoder();
    private final AppealDecoder appeal = new AppealDecoder();
    private final WithdrawAppealDecoder withdrawAppeal = new WithdrawAppealDecoder();
    private final ResolveDisputeDecoder resolveDispute = new ResolveDisputeDecoder();
    private final BlockUserDecoder blockUser = new BlockUserDecoder();
    private final UnblockUserDecoder unblockUser = new UnblockUserDecoder();
    private final TickDecoder tick = new TickDecoder();
    private final SetRulesDecoder setRules = new SetRulesDecoder();
    private final RecordAttachmentDecoder recordAttachment = new RecordAttachmentDecoder();
    private final CommandHandler handler;

    public CommandAdapter(final CommandHandler handler)
    {
        this.handler = handler;
    }

    /**
     * Decodes the command that starts at {@code offset} and hands it to the handler.
     *
     * @param buffer holding the command.
     * @param offset of its message header.
     * @param length of the whole message, header included.
     */
    public void onCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            handler.onUnknownCommand(0, 0, 0);
            return;
        }

        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || length < MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            handler.onUnknownCommand(0, 0, templateId);
            return;
        }

        switch (templateId)
        {
            case DefineAssetDecoder.TEMPLATE_ID -> onDefineAsset(buffer, body, blockLength, version);
            case CreateMarketDecoder.TEMPLATE_ID -> onCreateMarket(buffer, body, blockLength, version);
            case SetIndexPriceDecoder.TEMPLATE_ID -> onSetIndexPrice(buffer, body, blockLength, version);
            case RegisterUserDecoder.TEMPLATE_ID -> onRegisterUser(buffer, body, blockLength, version);
            case SetUserRoleDecoder.TEMPLATE_ID -> onSetUserRole(buffer, body, blockLength, version);
            case SetUserKycDecoder.TEMPLATE_ID -> onSetUserKyc(buffer, body, blockLength, version);
            case DepositDecoder.TEMPLATE_ID -> onDeposit(buffer, body, blockLength, version);
            case WithdrawDecoder.TEMPLATE_ID -> onWithdraw(buffer, body, blockLength, version);
            case CreateAdDecoder.TEMPLATE_ID -> onCreateAd(buffer, body, blockLength, version);
            case UpdateAdDecoder.TEMPLATE_ID -> onUpdateAd(buffer, body, blockLength, version);
            case SetAdStatusDecoder.TEMPLATE_ID -> onSetAdStatus(buffer, body, blockLength, version);
            case ChangeAdQuantityDecoder.TEMPLATE_ID -> onChangeAdQuantity(buffer, body, blockLength, version);
            case TakeAdDecoder.TEMPLATE_ID -> onTakeAd(buffer, body, blockLength, version);
            case ExpressDecoder.TEMPLATE_ID -> onExpress(buffer, body, blockLength, version);
            case MarkPaidDecoder.TEMPLATE_ID -> onMarkPaid(buffer, body, blockLength, version);
            case ReleaseDecoder.TEMPLATE_ID -> onRelease(buffer, body, blockLength, version);
            case CancelOrderDecoder.TEMPLATE_ID -> onCancelOrder(buffer, body, blockLength, version);
            case RequestCancelDecoder.TEMPLATE_ID -> onRequestCancel(buffer, body, blockLength, version);
            case ReviewCancelRequestDecoder.TEMPLATE_ID -> onReviewCancelRequest(buffer, body, blockLength, version);
            case AppealDecoder.TEMPLATE_ID -> onAppeal(buffer, body, blockLength, version);
            case WithdrawAppealDecoder.TEMPLATE_ID -> onWithdrawAppeal(buffer, body, blockLength, version);
            case ResolveDisputeDecoder.TEMPLATE_ID -> onResolveDispute(buffer, body, blockLength, version);
            case BlockUserDecoder.TEMPLATE_ID -> onBlockUser(buffer, body, blockLength, version);
            case UnblockUserDecoder.TEMPLATE_ID -> onUnblockUser(buffer, body, blockLength, version);
            case TickDecoder.TEMPLATE_ID -> onTick(buffer, body, blockLength, version);
            case SetRulesDecoder.TEMPLATE_ID -> onSetRules(buffer, body, blockLength, version);
            case RecordAttachmentDecoder.TEMPLATE_ID -> handler.onRecordAttachment(
                recordAttachment.wrap(buffer, body, blockLength, version));
            // An unknown message is answered with its correlation id when it is long enough to carry one; never
            // read past its end (and a too-short one gets time 0, which the core never lets run its clock back).
            default -> handler.onUnknownCommand(
                blockLength >= MIN_BLOCK_LENGTH ? buffer.getLong(body + correlationIdOffset()) : 0,
                blockLength >= MIN_BLOCK_LENGTH ? buffer.getLong(body + timestampOffset()) : 0,
                templateId);
        }
    }

    private static int correlationIdOffset()
    {
        return TickDecoder.correlationIdEncodingOffset();
    }

    private static int timestampOffset()
    {
        return TickDecoder.timestampEncodingOffset();
    }

    private void onDefineAsset(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final DefineAssetDecoder d = defineAsset.wrap(buffer, offset, blockLength, version);
        handler.onDefineAsset(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.assetId(),
            d.scale(),
            WireEnums.flag(d.fiatRaw()));
    }

    private void onCreateMarket(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final CreateMarketDecoder d = createMarket.wrap(buffer, offset, blockLength, version);
        handler.onCreateMarket(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.marketId(),
            d.assetId(),
            d.fiatId(),
            d.priceScale(),
            d.priceTick(),
            d.minOrderFiat(),
            d.makerFeeBps(),
            d.takerFeeBps(),
            d.paymentMethods());
    }

    private void onSetIndexPrice(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SetIndexPriceDecoder d = setIndexPrice.wrap(buffer, offset, blockLength, version);
        handler.onSetIndexPrice(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.marketId(),
            d.price());
    }

    private void onRegisterUser(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final RegisterUserDecoder d = registerUser.wrap(buffer, offset, blockLength, version);
        handler.onRegisterUser(
            d.correlationId(),
            d.timestamp(),
            d.userId(),
            WireEnums.role(d.roleRaw()),
            d.kycLevel());
    }

    private void onSetUserRole(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SetUserRoleDecoder d = setUserRole.wrap(buffer, offset, blockLength, version);
        handler.onSetUserRole(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.userId(),
            WireEnums.role(d.roleRaw()));
    }

    private void onSetUserKyc(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SetUserKycDecoder d = setUserKyc.wrap(buffer, offset, blockLength, version);
        handler.onSetUserKyc(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.userId(),
            d.kycLevel());
    }

    private void onDeposit(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final DepositDecoder d = deposit.wrap(buffer, offset, blockLength, version);
        handler.onDeposit(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.userId(),
            d.assetId(),
            d.amount());
    }

    private void onWithdraw(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final WithdrawDecoder d = withdraw.wrap(buffer, offset, blockLength, version);
        handler.onWithdraw(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.userId(),
            d.assetId(),
            d.amount());
    }

    private void onCreateAd(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final CreateAdDecoder d = createAd.wrap(buffer, offset, blockLength, version);
        handler.onCreateAd(
            d.correlationId(),
            d.timestamp(),
            d.ownerId(),
            d.marketId(),
            WireEnums.side(d.sideRaw()),
            d.quantity(),
            WireEnums.adStatus(d.statusRaw()),
            d.terms());
    }

    private void onUpdateAd(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final UpdateAdDecoder d = updateAd.wrap(buffer, offset, blockLength, version);
        handler.onUpdateAd(
            d.correlationId(),
            d.timestamp(),
            d.ownerId(),
            d.adId(),
            d.terms());
    }

    private void onSetAdStatus(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SetAdStatusDecoder d = setAdStatus.wrap(buffer, offset, blockLength, version);
        handler.onSetAdStatus(
            d.correlationId(),
            d.timestamp(),
            d.ownerId(),
            d.adId(),
            WireEnums.adStatus(d.statusRaw()));
    }

    private void onChangeAdQuantity(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ChangeAdQuantityDecoder d = changeAdQuantity.wrap(buffer, offset, blockLength, version);
        handler.onChangeAdQuantity(
            d.correlationId(),
            d.timestamp(),
            d.ownerId(),
            d.adId(),
            d.delta());
    }

    private void onTakeAd(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final TakeAdDecoder d = takeAd.wrap(buffer, offset, blockLength, version);
        handler.onTakeAd(
            d.correlationId(),
            d.timestamp(),
            d.takerId(),
            d.adId(),
            d.amount(),
            WireEnums.flag(d.amountInFiatRaw()),
            d.paymentMethod(),
            d.clientOrderId());
    }

    private void onExpress(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ExpressDecoder d = express.wrap(buffer, offset, blockLength, version);
        handler.onExpress(
            d.correlationId(),
            d.timestamp(),
            d.takerId(),
            d.marketId(),
            WireEnums.side(d.sideRaw()),
            d.amount(),
            WireEnums.flag(d.amountInFiatRaw()),
            d.paymentMethods(),
            d.priceLimit(),
            WireEnums.flag(d.allowSplitRaw()),
            d.clientOrderId());
    }

    private void onMarkPaid(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MarkPaidDecoder d = markPaid.wrap(buffer, offset, blockLength, version);
        handler.onMarkPaid(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId());
    }

    private void onRelease(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ReleaseDecoder d = release.wrap(buffer, offset, blockLength, version);
        handler.onRelease(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId());
    }

    private void onCancelOrder(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final CancelOrderDecoder d = cancelOrder.wrap(buffer, offset, blockLength, version);
        handler.onCancelOrder(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId());
    }

    private void onRequestCancel(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final RequestCancelDecoder d = requestCancel.wrap(buffer, offset, blockLength, version);
        handler.onRequestCancel(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId());
    }

    private void onReviewCancelRequest(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ReviewCancelRequestDecoder d = reviewCancelRequest.wrap(buffer, offset, blockLength, version);
        handler.onReviewCancelRequest(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId(),
            WireEnums.flag(d.acceptRaw()));
    }

    private void onAppeal(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final AppealDecoder d = appeal.wrap(buffer, offset, blockLength, version);
        handler.onAppeal(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId());
    }

    private void onWithdrawAppeal(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final WithdrawAppealDecoder d = withdrawAppeal.wrap(buffer, offset, blockLength, version);
        handler.onWithdrawAppeal(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId());
    }

    private void onResolveDispute(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ResolveDisputeDecoder d = resolveDispute.wrap(buffer, offset, blockLength, version);
        handler.onResolveDispute(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.orderId(),
            WireEnums.outcome(d.outcomeRaw()));
    }

    private void onBlockUser(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final BlockUserDecoder d = blockUser.wrap(buffer, offset, blockLength, version);
        handler.onBlockUser(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.userId());
    }

    private void onUnblockUser(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final UnblockUserDecoder d = unblockUser.wrap(buffer, offset, blockLength, version);
        handler.onUnblockUser(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.userId());
    }

    private void onSetRules(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SetRulesDecoder d = setRules.wrap(buffer, offset, blockLength, version);
        handler.onSetRules(
            d.correlationId(),
            d.timestamp(),
            d.actorId(),
            d.rules());
    }

    private void onTick(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final TickDecoder d = tick.wrap(buffer, offset, blockLength, version);
        handler.onTick(
            d.correlationId(),
            d.timestamp());
    }
}
