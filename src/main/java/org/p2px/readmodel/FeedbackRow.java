package org.p2px.readmodel;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rating one party of a completed order left for the other. Table feedback. */
@Entity
@Table(name = "feedback")
@IdClass(FeedbackRow.FeedbackRowKey.class)
public class FeedbackRow extends PanacheEntityBase
{
    @Id
    @Column(name = "order_id")
    public long orderId;
    @Id
    @Column(name = "from_user_id")
    public long fromUserId;
    @Column(name = "to_user_id")
    public long toUserId;
    public boolean positive;
    public String comment;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The composite key. */
    public record FeedbackRowKey(long orderId, long fromUserId) implements Serializable
    {
    }
}
