package org.p2px.gateway.view;

import java.time.Instant;

/**
 * A file shown in an order: who uploaded it, what it is (read from its bytes), its SHA-256 as the journal recorded
 * it, an image's dimensions, whether it has a thumbnail, the chat line that carries it (null until one does), and
 * when retention deleted its bytes (null while they are kept; the row stays so the chat still shows the file).
 */
public record AttachmentView(long id, long orderId, long uploaderId, String fileName, String mediaType, long size,
    String sha256, Integer width, Integer height, boolean thumbnail, Long messageId, Instant createdAt,
    Instant purgedAt)
{
}
