package org.p2px.gateway.view;

import java.time.Instant;
import java.util.List;

/**
 * One line of an order's chat: kind USER, AUTO_REPLY (the ad's auto-reply), SYSTEM (authorId null) or EVIDENCE (a
 * statement in the order's appeal); a USER or EVIDENCE line may carry files its author uploaded to the order.
 */
public record ChatMessageView(long id, long orderId, Long authorId, String authorName, String kind, String text,
    Instant sentAt, List<AttachmentView> attachments)
{
}
