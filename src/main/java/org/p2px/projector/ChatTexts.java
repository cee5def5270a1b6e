package org.p2px.projector;

import org.p2px.catalog.MarketInfo;
import org.p2px.readmodel.OrderRow;
import org.p2px.replica.ChatNote;

/** The words of the system's chat lines, one per order state change. */
final class ChatTexts
{
    private ChatTexts()
    {
    }

    /**
     * The line for {@code topic} on {@code order}; {@code market} formats the amounts and may be null when the
     * catalogue does not know the market (then amounts are shown in minor units).
     */
    static String text(final ChatNote note, final OrderRow order, final MarketInfo market)
    {
        return switch (note.topic())
        {
            case OPENED -> "Order opened: " + quantity(order, market) + " for " + fiat(order, market) +
                ". Buyer: pay within the payment window, then mark the order paid.";
            case PAID -> "The buyer marked the order paid. Seller: check that the money arrived, then release.";
            case COMPLETED -> "Order completed: the seller released " + quantity(order, market) + " to the buyer.";
            case COMPLETED_BY_ARBITER -> "Order completed: the arbiter released " + quantity(order, market) +
                " to the buyer.";
            case CANCELLED_BY_BUYER -> "Order cancelled by the buyer. The escrow went back to the seller.";
            case CANCELLED_ON_REQUEST -> "Order cancelled: the buyer accepted the seller's request to cancel. " +
                "The escrow went back to the seller.";
            case REFUNDED -> "Order cancelled: the arbiter refunded the seller.";
            case EXPIRED -> "Order expired: the buyer did not mark it paid in time. The escrow went back to the seller.";
            case DISPUTED -> disputed(note.detail(), order);
            case APPEAL_WITHDRAWN -> "The appeal was withdrawn: the order is PAID again and the release deadline restarts.";
            case CANCEL_REQUESTED -> "The seller asked the buyer to cancel the order. Buyer: accept or reject.";
            case CANCEL_REQUEST_REJECTED -> "The buyer rejected the seller's request to cancel.";
            case AUTO_REPLY -> throw new IllegalArgumentException("an auto-reply is the ad's own text");
        };
    }

    private static String disputed(final long appellantId, final OrderRow order)
    {
        if (appellantId == 0)
        {
            return "The release deadline passed: the order is in dispute. An arbiter will join this chat.";
        }
        final String who = appellantId == order.buyerId ? "buyer" : "seller";
        return "The " + who + " appealed: the order is in dispute. An arbiter will join this chat.";
    }

    private static String quantity(final OrderRow order, final MarketInfo market)
    {
        return market == null ? order.quantity + " asset units" :
            market.formatQuantity(order.quantity) + " " + market.asset().code();
    }

    private static String fiat(final OrderRow order, final MarketInfo market)
    {
        return market == null ? order.fiatAmount + " fiat units" :
            market.formatFiat(order.fiatAmount) + " " + market.fiat().code();
    }
}
