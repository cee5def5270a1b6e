package org.p2px.readmodel;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One asset of one user's account. Table balances. */
@Entity
@Table(name = "balances")
@IdClass(BalanceRow.BalanceRowKey.class)
public class BalanceRow extends PanacheEntityBase
{
    @Id
    @Column(name = "user_id")
    public long userId;
    @Id
    @Column(name = "asset_id")
    public int assetId;
    public long available;
    public long locked;

    /** The composite key. */
    public record BalanceRowKey(long userId, int assetId) implements Serializable
    {
    }
}
