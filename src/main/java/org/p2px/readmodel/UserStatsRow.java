package org.p2px.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A user's trading statistics as of their last change in the core. Table user_stats. */
@Entity
@Table(name = "user_stats")
public class UserStatsRow extends PanacheEntityBase
{
    @Id
    @Column(name = "user_id")
    public long userId;
    @Column(name = "completed_orders")
    public long completedOrders;
    @Column(name = "completed_30d")
    public int completed30D;
    @Column(name = "failed_30d")
    public int failed30D;
    @Column(name = "pay_time_total_ms")
    public long payTimeTotalMs;
    @Column(name = "pay_count")
    public long payCount;
    @Column(name = "release_time_total_ms")
    public long releaseTimeTotalMs;
    @Column(name = "release_count")
    public long releaseCount;
    @Column(name = "restricted_until")
    public Instant restrictedUntil;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
