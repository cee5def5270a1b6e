package org.p2px.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A market's index price. Table index_prices. */
@Entity
@Table(name = "index_prices")
public class IndexPriceRow extends PanacheEntityBase
{
    @Id
    @Column(name = "market_id")
    public int marketId;
    public long price;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
