package org.p2px.gateway.view;

import java.time.Instant;

/**
 * A file shown in an order: who uploaded it, what it is (read from its bytes), its SHA-256 as the journal recorded
 * it, an image's dimensions, whether it has a thumbnail, and the chat line that carries it (null until one does).
 */
public record AttachmentView(long id, long orderId, long uploaderId, String fileName, String mediaType, long size,
    String sha256, Integer width, Integer height, boolean thumbnail, Long messageId, Instant createdAt)
{
}
