/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.codec;

import org.agrona.DirectBuffer;

/**
 * Walks a batch of events (the events one command produced, back to back) and calls {@link EventHandler} for
 * each. Events carry no variable-length fields, so each one is its header plus its block length; an event from
 * a newer schema version is skipped by that length, which is what keeps old readers working.
 */
public final class EventAdapter
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandAcceptedDecoder commandAccepted = new CommandAcceptedDecoder();
    private final CommandRejectedDecoder commandRejected = new CommandRejectedDecoder();
    private final AssetDefinedDecoder assetDefined = new AssetDefinedDecoder();
    private final MarketCreatedDecoder marketCreated = new MarketCreatedDecoder();
    private final IndexPriceSetDecoder indexPriceSet = new IndexPriceSetDecoder();
    private final RulesSetDecoder rulesSet = new RulesSetDecoder();
    private final ConfiguredRulesSetDecoder configuredRulesSet = new ConfiguredRulesSetDecoder();
    private final UserRegisteredDecoder userRegistered = new UserRegisteredDecoder();
    private final UserRoleSetDecoder userRoleSet = new UserRoleSetDecoder();
    private final UserKycSetDecoder userKycSet = new UserKycSetDecoder();
    private final DepositedDecoder deposited = new DepositedDecoder();
    private final WithdrawnDecoder withdrawn = new WithdrawnDecoder();
    private final AdCreatedDecoder adCreated = new AdCreatedDecoder();
    private final AdUpdatedDecoder adUpdated = new AdUpdatedDecoder();
    private final AdStatusChangedDecoder adStatusChanged = new AdStatusChangedDecoder();
    private final AdQuantityChangedDecoder adQuantityChanged = new AdQuantityChangedDecoder();
    private final OrderOpenedDecoder orderOpened = new OrderOpenedDecoder();
    private final OrderPaidDecoder orderPaid = new OrderPaidDecoder();
    private final OrderCompletedDecoder orderCompleted = new OrderCompletedDecoder();
    private final OrderCancelledDecoder orderCancelled = new OrderCancelledDecoder();
    private final OrderExpiredDecoder orderExpired = new OrderExpiredDecoder();
    private final OrderDisputedDecoder orderDisputed = new OrderDisputedDecoder();
    private final AppealWithdrawnDecoder appealWithdrawn = new AppealWithdrawnDecoder();
    private final CancelRequestedDecoder cancelRequested = new CancelRequestedDecoder();
    private final CancelRequestRejectedDecoder cancelRequestRejected = new CancelRequestRejectedDecoder();
    private final UserRestrictedDecoder userRestricted = new UserRestrictedDecoder();
    private final UserBlockedDecoder userBlocked = new UserBlockedDecoder();
    private final UserUnblockedDecoder userUnblocked = new UserUnblockedDecoder();
    private final DuplicateClientOrderDecoder duplicateClientOrder = new DuplicateClientOrderDecoder();
    private final AttachmentRecordedDecoder attachmentRecorded = new AttachmentRecordedDecoder();
    private final EventHandler handler;

    public EventAdapter(final EventHandler handler)
    {
        this.handler = handler;
    }

    /**
     * Dispatches every event in {@code [offset, offset + length)}.
     *
     * @return the number of events dispatched.
     */
    public int onBatch(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int position = offset;
        int count = 0;
        while (position + MessageHeaderDecoder.ENCODED_LENGTH <= end)
        {
            position += onEvent(buffer, position);
            count++;
        }
        return count;
    }

    /**
     * Dispatches the one event at {@code offset}.
     *
     * @return its length, header included.
     */
    public int onEvent(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case CommandAcceptedDecoder.TEMPLATE_ID -> handler.onCommandAccepted(commandAccepted.wrap(buffer, body, blockLength, version));
            case CommandRejectedDecoder.TEMPLATE_ID -> handler.onCommandRejected(commandRejected.wrap(buffer, body, blockLength, version));
            case AssetDefinedDecoder.TEMPLATE_ID -> handler.onAssetDefined(assetDefined.wrap(buffer, body, blockLength, version));
            case MarketCreatedDecoder.TEMPLATE_ID -> handler.onMarketCreated(marketCreated.wrap(buffer, body, blockLength, version));
            case IndexPriceSetDecoder.TEMPLATE_ID -> handler.onIndexPriceSet(indexPriceSet.wrap(buffer, body, blockLength, version));
            case RulesSetDecoder.TEMPLATE_ID -> handler.onRulesSet(rulesSet.wrap(buffer, body, blockLength, version));
            case ConfiguredRulesSetDecoder.TEMPLATE_ID ->
                handler.onConfiguredRulesSet(configuredRulesSet.wrap(buffer, body, blockLength, version));
            case UserRegisteredDecoder.TEMPLATE_ID -> handler.onUserRegistered(userRegistered.wrap(buffer, body, blockLength, version));
            case UserRoleSetDecoder.TEMPLATE_ID -> handler.onUserRoleSet(userRoleSet.wrap(buffer, body, blockLength, version));
            case UserKycSetDecoder.TEMPLATE_ID -> handler.onUserKycSet(userKycSet.wrap(buffer, body, blockLength, version));
            case DepositedDecoder.TEMPLATE_ID -> handler.onDeposited(deposited.wrap(buffer, body, blockLength, version));
            case WithdrawnDecoder.TEMPLATE_ID -> handler.onWithdrawn(withdrawn.wrap(buffer, body, blockLength, version));
            case AdCreatedDecoder.TEMPLATE_ID -> handler.onAdCreated(adCreated.wrap(buffer, body, blockLength, version));
            case AdUpdatedDecoder.TEMPLATE_ID -> handler.onAdUpdated(adUpdated.wrap(buffer, body, blockLength, version));
            case AdStatusChangedDecoder.TEMPLATE_ID -> handler.onAdStatusChanged(adStatusChanged.wrap(buffer, body, blockLength, version));
            case AdQuantityChangedDecoder.TEMPLATE_ID -> handler.onAdQuantityChanged(adQuantityChanged.wrap(buffer, body, blockLength, version));
            case OrderOpenedDecoder.TEMPLATE_ID -> handler.onOrderOpened(orderOpened.wrap(buffer, body, blockLength, version));
            case OrderPaidDecoder.TEMPLATE_ID -> handler.onOrderPaid(orderPaid.wrap(buffer, body, blockLength, version));
            case OrderCompletedDecoder.TEMPLATE_ID -> handler.onOrderCompleted(orderCompleted.wrap(buffer, body, blockLength, version));
            case OrderCancelledDecoder.TEMPLATE_ID -> handler.onOrderCancelled(orderCancelled.wrap(buffer, body, blockLength, version));
            case OrderExpiredDecoder.TEMPLATE_ID -> handler.onOrderExpired(orderExpired.wrap(buffer, body, blockLength, version));
            case OrderDisputedDecoder.TEMPLATE_ID -> handler.onOrderDisputed(orderDisputed.wrap(buffer, body, blockLength, version));
            case AppealWithdrawnDecoder.TEMPLATE_ID -> handler.onAppealWithdrawn(appealWithdrawn.wrap(buffer, body, blockLength, version));
            case CancelRequestedDecoder.TEMPLATE_ID -> handler.onCancelRequested(cancelRequested.wrap(buffer, body, blockLength, version));
            case CancelRequestRejectedDecoder.TEMPLATE_ID -> handler.onCancelRequestRejected(cancelRequestRejected.wrap(buffer, body, blockLength, version));
            case UserRestrictedDecoder.TEMPLATE_ID -> handler.onUserRestricted(userRestricted.wrap(buffer, body, blockLength, version));
            case UserBlockedDecoder.TEMPLATE_ID -> handler.onUserBlocked(userBlocked.wrap(buffer, body, blockLength, version));
            case UserUnblockedDecoder.TEMPLATE_ID -> handler.onUserUnblocked(userUnblocked.wrap(buffer, body, blockLength, version));
            case DuplicateClientOrderDecoder.TEMPLATE_ID -> handler.onDuplicateClientOrder(duplicateClientOrder.wrap(buffer, body, blockLength, version));
            case AttachmentRecordedDecoder.TEMPLATE_ID -> handler.onAttachmentRecorded(attachmentRecorded.wrap(buffer, body, blockLength, version));
            default ->
            {
                // An event from a newer schema: skipped by its length.
            }
        }
        return MessageHeaderDecoder.ENCODED_LENGTH + blockLength;
    }
}
