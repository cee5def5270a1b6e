package org.p2px.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A file shown in an order, as the gateway stored it: the bytes are in the attachment store under {@link #sha256}
 * (its thumbnail under {@link #thumbSha256}), once a chat line carries it {@link #messageId} names the line.
 * Table attachments.
 */
@Entity
@Table(name = "attachments")
public class AttachmentRow extends PanacheEntityBase
{
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;
    @Column(name = "order_id")
    public long orderId;
    @Column(name = "uploader_id")
    public long uploaderId;
    @Column(name = "media_type")
    public String mediaType;
    public long size;
    public String sha256;
    @Column(name = "thumb_sha256")
    public String thumbSha256;
    public Integer width;
    public Integer height;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "message_id")
    public Long messageId;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Set when retention deleted the bytes. */
    @Column(name = "purged_at")
    public Instant purgedAt;
}
