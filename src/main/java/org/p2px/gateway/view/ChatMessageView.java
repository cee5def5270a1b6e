package org.p2px.gateway.view;

import java.time.Instant;

/** One line of an order's chat: kind USER, AUTO_REPLY (the ad's auto-reply) or SYSTEM (authorId null). */
public record ChatMessageView(long id, long orderId, Long authorId, String authorName, String kind, String text,
    Instant sentAt)
{
}
