package org.p2px.readmodel;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One user's block of another. Table blocks. */
@Entity
@Table(name = "blocks")
@IdClass(BlockRow.BlockRowKey.class)
public class BlockRow extends PanacheEntityBase
{
    @Id
    @Column(name = "blocker_id")
    public long blockerId;
    @Id
    @Column(name = "blocked_id")
    public long blockedId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The composite key. */
    public record BlockRowKey(long blockerId, long blockedId) implements Serializable
    {
    }
}
