package org.p2px.gateway.view;

import java.time.Instant;

/** A rating one party of a completed order left for the other. */
public record FeedbackView(long orderId, long fromUserId, String fromUsername, long toUserId, boolean positive,
    String comment, Instant createdAt)
{
}
