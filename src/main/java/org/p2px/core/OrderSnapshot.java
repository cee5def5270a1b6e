package org.p2px.core;

/**
 * An open order as the core holds it, copied out by {@link CoreReader}. Deadlines and times are epoch
 * milliseconds, 0 until they apply; {@code buyAdId}/{@code sellAdId} are 0 on the taker's side.
 */
public record OrderSnapshot(long orderId, int marketId, OrderState state, long buyAdId, long sellAdId, long makerId,
    long takerId, long buyerId, long sellerId, long price, long quantity, long fiatAmount, long buyerFee,
    long sellerFee, int paymentMethod, long clientOrderId, long createdAt, long payBy, long paidAt, long releaseBy,
    long appealableFrom, long appellantId, boolean cancelRequested)
{
    /** The same order in a final state: the core forgets it right after. */
    public OrderSnapshot finished(final OrderState finalState)
    {
        return new OrderSnapshot(orderId, marketId, finalState, buyAdId, sellAdId, makerId, takerId, buyerId, sellerId,
            price, quantity, fiatAmount, buyerFee, sellerFee, paymentMethod, clientOrderId, createdAt, payBy, paidAt,
            releaseBy, appealableFrom, appellantId, cancelRequested);
    }
}
