package org.p2px.codec;

import org.agrona.DirectBuffer;

/**
 * Readable text of events, for operators and logs: each event in the SBE decoders' own text form,
 * {@code [Name](field=value|...)}. Not for the hot path: it builds strings.
 */
public final class EventText
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

    /** The text of the event at {@code offset}. */
    public String describe(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        return switch (header.templateId())
        {
            case CommandAcceptedDecoder.TEMPLATE_ID -> commandAccepted.wrap(buffer, body, blockLength, version).toString();
            case CommandRejectedDecoder.TEMPLATE_ID -> commandRejected.wrap(buffer, body, blockLength, version).toString();
            case AssetDefinedDecoder.TEMPLATE_ID -> assetDefined.wrap(buffer, body, blockLength, version).toString();
            case MarketCreatedDecoder.TEMPLATE_ID -> marketCreated.wrap(buffer, body, blockLength, version).toString();
            case IndexPriceSetDecoder.TEMPLATE_ID -> indexPriceSet.wrap(buffer, body, blockLength, version).toString();
            case RulesSetDecoder.TEMPLATE_ID -> rulesSet.wrap(buffer, body, blockLength, version).toString();
            case ConfiguredRulesSetDecoder.TEMPLATE_ID ->
                configuredRulesSet.wrap(buffer, body, blockLength, version).toString();
            case UserRegisteredDecoder.TEMPLATE_ID -> userRegistered.wrap(buffer, body, blockLength, version).toString();
            case UserRoleSetDecoder.TEMPLATE_ID -> userRoleSet.wrap(buffer, body, blockLength, version).toString();
            case UserKycSetDecoder.TEMPLATE_ID -> userKycSet.wrap(buffer, body, blockLength, version).toString();
            case DepositedDecoder.TEMPLATE_ID -> deposited.wrap(buffer, body, blockLength, version).toString();
            case WithdrawnDecoder.TEMPLATE_ID -> withdrawn.wrap(buffer, body, blockLength, version).toString();
            case AdCreatedDecoder.TEMPLATE_ID -> adCreated.wrap(buffer, body, blockLength, version).toString();
            case AdUpdatedDecoder.TEMPLATE_ID -> adUpdated.wrap(buffer, body, blockLength, version).toString();
            case AdStatusChangedDecoder.TEMPLATE_ID -> adStatusChanged.wrap(buffer, body, blockLength, version).toString();
            case AdQuantityChangedDecoder.TEMPLATE_ID -> adQuantityChanged.wrap(buffer, body, blockLength, version).toString();
            case OrderOpenedDecoder.TEMPLATE_ID -> orderOpened.wrap(buffer, body, blockLength, version).toString();
            case OrderPaidDecoder.TEMPLATE_ID -> orderPaid.wrap(buffer, body, blockLength, version).toString();
            case OrderCompletedDecoder.TEMPLATE_ID -> orderCompleted.wrap(buffer, body, blockLength, version).toString();
            case OrderCancelledDecoder.TEMPLATE_ID -> orderCancelled.wrap(buffer, body, blockLength, version).toString();
            case OrderExpiredDecoder.TEMPLATE_ID -> orderExpired.wrap(buffer, body, blockLength, version).toString();
            case OrderDisputedDecoder.TEMPLATE_ID -> orderDisputed.wrap(buffer, body, blockLength, version).toString();
            case AppealWithdrawnDecoder.TEMPLATE_ID -> appealWithdrawn.wrap(buffer, body, blockLength, version).toString();
            case CancelRequestedDecoder.TEMPLATE_ID -> cancelRequested.wrap(buffer, body, blockLength, version).toString();
            case CancelRequestRejectedDecoder.TEMPLATE_ID -> cancelRequestRejected.wrap(buffer, body, blockLength, version).toString();
            case UserRestrictedDecoder.TEMPLATE_ID -> userRestricted.wrap(buffer, body, blockLength, version).toString();
            case UserBlockedDecoder.TEMPLATE_ID -> userBlocked.wrap(buffer, body, blockLength, version).toString();
            case UserUnblockedDecoder.TEMPLATE_ID -> userUnblocked.wrap(buffer, body, blockLength, version).toString();
            case DuplicateClientOrderDecoder.TEMPLATE_ID -> duplicateClientOrder.wrap(buffer, body, blockLength, version).toString();
            case AttachmentRecordedDecoder.TEMPLATE_ID -> attachmentRecorded.wrap(buffer, body, blockLength, version).toString();
            default -> "[unknown event " + header.templateId() + "]";
        };
    }

    /** The length of the event at {@code offset}, header included. */
    public int lengthAt(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        return MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
    }
}
