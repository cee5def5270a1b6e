package org.p2px.readmodel;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a user is paid by one payment method. Table payment_accounts. */
@Entity
@Table(name = "payment_accounts")
@IdClass(PaymentAccountRow.Key.class)
public class PaymentAccountRow extends PanacheEntityBase
{
    @Id
    @Column(name = "user_id")
    public long userId;
    @Id
    public String method;
    public String holder;
    public String details;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite key. */
    public record Key(long userId, String method) implements Serializable
    {
    }
}
