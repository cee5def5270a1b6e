package org.p2px.gateway.view;

import java.time.Instant;
import java.util.List;

/**
 * An appeal's dossier, the arbiter's one place for it: who opened it and when, and every statement of evidence
 * in the order it was made, each with its author, their role in the order and the files shown with it.
 */
public record AppealView(long orderId, String state, Long openedBy, String openedByName, Instant openedAt,
    List<Statement> statements)
{
    /** One statement: role BUYER, SELLER or ARBITER (an arbiter or admin). */
    public record Statement(long id, long authorId, String authorName, String role, String statement, Instant sentAt,
        List<EvidenceFile> attachments)
    {
    }

    /**
     * A file shown with a statement, with its journaled SHA-256, whether it has a thumbnail (images; at
     * {@code downloadUrl + "/thumbnail"}), where to download it, and purgedAt once retention deleted its bytes (the
     * download then answers ATTACHMENT_EXPIRED).
     */
    public record EvidenceFile(long id, String fileName, String mediaType, long size, String sha256, Integer width,
        Integer height, boolean thumbnail, String downloadUrl, Instant purgedAt)
    {
        public static EvidenceFile of(final AttachmentView file)
        {
            return new EvidenceFile(file.id(), file.fileName(), file.mediaType(), file.size(), file.sha256(),
                file.width(), file.height(), file.thumbnail(), "/api/v1/orders/" + file.orderId() + "/attachments/"
                + file.id(), file.purgedAt());
        }
    }
}
