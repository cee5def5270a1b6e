package org.p2px.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What the journal recorded of an attachment (its AttachmentRecorded event), written by the projector: the hash
 * every download is checked against. Table attachment_records.
 */
@Entity
@Table(name = "attachment_records")
public class AttachmentRecordRow extends PanacheEntityBase
{
    @Id
    @Column(name = "attachment_id")
    public long attachmentId;
    @Column(name = "order_id")
    public long orderId;
    @Column(name = "uploader_id")
    public long uploaderId;
    @Column(name = "media_type")
    public String mediaType;
    public long size;
    public String sha256;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
