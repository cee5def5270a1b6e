package org.p2px.gateway.view;

import java.time.Instant;

/**
 * An order with its deadlines (null until they apply): {@code payBy} while PENDING_PAYMENT, {@code releaseBy}
 * and {@code appealableFrom} once PAID. {@code cancelReason} is BY_BUYER, SELLER_REQUEST_ACCEPTED or
 * ARBITER_REFUND on a CANCELLED order; {@code appellantId} is 0 when the release deadline opened the dispute.
 */
public record OrderView(long id, String market, String state, long buyerId, String buyerName, long sellerId,
    String sellerName, long makerId, long takerId, Long buyAdId, Long sellAdId, String price, String quantity,
    String fiatAmount, String buyerFee, String sellerFee, String paymentMethod, Long clientOrderId,
    Instant createdAt, Instant payBy, Instant paidAt, Instant releaseBy, Instant appealableFrom, Long appellantId,
    boolean cancelRequested, String cancelReason, Instant finishedAt)
{
}
