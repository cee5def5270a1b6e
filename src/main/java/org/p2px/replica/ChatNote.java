package org.p2px.replica;

/**
 * A chat line the projector owes an order, noted while the batch is applied and written as text in the
 * transaction (where the order's row and the catalogue are at hand).
 *
 * @param detail the appellant for {@link Topic#DISPUTED} (0: the deadline), the maker's ad for {@link Topic#AUTO_REPLY}.
 */
public record ChatNote(long orderId, Topic topic, long detail, long time)
{
    /** What happened to the order. */
    public enum Topic
    {
        OPENED,
        PAID,
        COMPLETED,
        COMPLETED_BY_ARBITER,
        CANCELLED_BY_BUYER,
        CANCELLED_ON_REQUEST,
        REFUNDED,
        EXPIRED,
        DISPUTED,
        APPEAL_WITHDRAWN,
        CANCEL_REQUESTED,
        CANCEL_REQUEST_REJECTED,
        AUTO_REPLY
    }
}
