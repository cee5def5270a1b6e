/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.codec;

/**
 * Receives decoded events, one method per event, each with the decoder positioned on it. Every method does
 * nothing by default, so a consumer overrides only the events it cares about. The decoder is only valid during
 * the call.
 */
public interface EventHandler
{
    default void onCommandAccepted(final CommandAcceptedDecoder event)
    {
    }

    default void onCommandRejected(final CommandRejectedDecoder event)
    {
    }

    default void onAssetDefined(final AssetDefinedDecoder event)
    {
    }

    default void onMarketCreated(final MarketCreatedDecoder event)
    {
    }

    default void onIndexPriceSet(final IndexPriceSetDecoder event)
    {
    }

    default void onRulesSet(final RulesSetDecoder event)
    {
    }

    default void onConfiguredRulesSet(final ConfiguredRulesSetDecoder event)
    {
    }

    default void onUserRegistered(final UserRegisteredDecoder event)
    {
    }

    default void onUserRoleSet(final UserRoleSetDecoder event)
    {
    }

    default void onUserKycSet(final UserKycSetDecoder event)
    {
    }

    default void onDeposited(final DepositedDecoder event)
    {
    }

    default void onWithdrawn(final WithdrawnDecoder event)
    {
    }

    default void onAdCreated(final AdCreatedDecoder event)
    {
    }

    default void onAdUpdated(final AdUpdatedDecoder event)
    {
    }

    default void onAdStatusChanged(final AdStatusChangedDecoder event)
    {
    }

    default void onAdQuantityChanged(final AdQuantityChangedDecoder event)
    {
    }

    default void onOrderOpened(final OrderOpenedDecoder event)
    {
    }

    default void onOrderPaid(final OrderPaidDecoder event)
    {
    }

    default void onOrderCompleted(final OrderCompletedDecoder event)
    {
    }

    default void onOrderCancelled(final OrderCancelledDecoder event)
    {
    }

    default void onOrderExpired(final OrderExpiredDecoder event)
    {
    }

    default void onOrderDisputed(final OrderDisputedDecoder event)
    {
    }

    default void onAppealWithdrawn(final AppealWithdrawnDecoder event)
    {
    }

    default void onCancelRequested(final CancelRequestedDecoder event)
    {
    }

    default void onCancelRequestRejected(final CancelRequestRejectedDecoder event)
    {
    }

    default void onUserRestricted(final UserRestrictedDecoder event)
    {
    }

    default void onUserBlocked(final UserBlockedDecoder event)
    {
    }

    default void onUserUnblocked(final UserUnblockedDecoder event)
    {
    }

    default void onDuplicateClientOrder(final DuplicateClientOrderDecoder event)
    {
    }

    default void onAttachmentRecorded(final AttachmentRecordedDecoder event)
    {
    }
}
