package org.p2px.live;

import org.p2px.core.OrderSnapshot;

/**
 * An order as the live view holds it: the core's copy, and what the core does not keep once an order moves on
 * (whether it went to dispute, and how and when it ended). Times are epoch milliseconds.
 *
 * @param disputed     true once an appeal opened the dispute (false again when the appeal was withdrawn).
 * @param cancelReason the core's reason on a CANCELLED order, null otherwise.
 * @param finishedAt   when it reached COMPLETED, CANCELLED or EXPIRED; 0 while it is open.
 */
public record LiveOrder(OrderSnapshot order, boolean disputed, String cancelReason, long finishedAt)
{
    public long orderId()
    {
        return order.orderId();
    }

    public boolean isFinished()
    {
        return finishedAt != 0;
    }

    public boolean isParty(final long userId)
    {
        return order.buyerId() == userId || order.sellerId() == userId;
    }
}
