package org.p2px.codec;

/**
 * Receives decoded commands, one method per command with primitive arguments. The trading core implements it;
 * {@link CommandAdapter} calls it. An enum argument holds {@code NULL_VAL} when the wire carried a value the
 * schema does not know, so the receiver can reject it with a code instead of failing.
 */
public interface CommandHandler
{
    void onDefineAsset(long correlationId, long timestamp, long actorId, int assetId, int scale, boolean fiat);

    void onCreateMarket(
        long correlationId,
        long timestamp,
        long actorId,
        int marketId,
        int assetId,
        int fiatId,
        int priceScale,
        long priceTick,
        long minOrderFiat,
        int makerFeeBps,
        int takerFeeBps,
        long paymentMethods);

    void onSetIndexPrice(long correlationId, long timestamp, long actorId, int marketId, long price);

    void onRegisterUser(long correlationId, long timestamp, long userId, Role role, int kycLevel);

    void onSetUserRole(long correlationId, long timestamp, long actorId, long userId, Role role);

    void onSetUserKyc(long correlationId, long timestamp, long actorId, long userId, int kycLevel);

    void onDeposit(long correlationId, long timestamp, long actorId, long userId, int assetId, long amount);

    void onWithdraw(long correlationId, long timestamp, long actorId, long userId, int assetId, long amount);

    void onCreateAd(
        long correlationId,
        long timestamp,
        long ownerId,
        int marketId,
        Side side,
        long quantity,
        AdStatus status,
        AdTermsDecoder terms);

    void onUpdateAd(long correlationId, long timestamp, long ownerId, long adId, AdTermsDecoder terms);

    void onSetAdStatus(long correlationId, long timestamp, long ownerId, long adId, AdStatus status);

    void onChangeAdQuantity(long correlationId, long timestamp, long ownerId, long adId, long delta);

    void onTakeAd(
        long correlationId,
        long timestamp,
        long takerId,
        long adId,
        long amount,
        boolean amountInFiat,
        int paymentMethod,
        long clientOrderId);

    void onExpress(
        long correlationId,
        long timestamp,
        long takerId,
        int marketId,
        Side side,
        long amount,
        boolean amountInFiat,
        long paymentMethods,
        long priceLimit,
        boolean allowSplit,
        long clientOrderId);

    void onMarkPaid(long correlationId, long timestamp, long actorId, long orderId);

    void onRelease(long correlationId, long timestamp, long actorId, long orderId);

    void onCancelOrder(long correlationId, long timestamp, long actorId, long orderId);

    void onRequestCancel(long correlationId, long timestamp, long actorId, long orderId);

    void onReviewCancelRequest(long correlationId, long timestamp, long actorId, long orderId, boolean accept);

    void onAppeal(long correlationId, long timestamp, long actorId, long orderId);

    void onWithdrawAppeal(long correlationId, long timestamp, long actorId, long orderId);

    void onResolveDispute(long correlationId, long timestamp, long actorId, long orderId, DisputeOutcome outcome);

    void onBlockUser(long correlationId, long timestamp, long actorId, long userId);

    void onUnblockUser(long correlationId, long timestamp, long actorId, long userId);

    void onTick(long correlationId, long timestamp);

    void onSetRules(long correlationId, long timestamp, long actorId, RulesDecoder rules);

    /** Handed over whole: its hash is copied from it into the event without a String. */
    void onRecordAttachment(RecordAttachmentDecoder command);

    /**
     * A message this schema does not know (or from another schema): the handler answers it with a rejection.
     */
    void onUnknownCommand(long correlationId, long timestamp, int templateId);
}
