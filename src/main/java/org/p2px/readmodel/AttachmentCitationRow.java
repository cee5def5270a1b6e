package org.p2px.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A statement of evidence citing a file shown before on another line of the order's chat (the file's own row keeps
 * the line that first showed it). Table attachment_citations.
 */
@Entity
@Table(name = "attachment_citations")
public class AttachmentCitationRow extends PanacheEntityBase
{
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;
    @Column(name = "message_id")
    public long messageId;
    @Column(name = "attachment_id")
    public long attachmentId;

    public static AttachmentCitationRow of(final long messageId, final long attachmentId)
    {
        final AttachmentCitationRow row = new AttachmentCitationRow();
        row.messageId = messageId;
        row.attachmentId = attachmentId;
        return row;
    }
}
