package org.p2px.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An ad as of the last batch that touched it. Table ads. */
@Entity
@Table(name = "ads")
public class AdRow extends PanacheEntityBase
{
    @Id
    public long id;
    @Column(name = "owner_id")
    public long ownerId;
    @Column(name = "market_id")
    public int marketId;
    public String side;
    public String status;
    @Column(name = "price_type")
    public String priceType;
    @Column(name = "fixed_price")
    public long fixedPrice;
    @Column(name = "margin_bps")
    public int marginBps;
    public Long price;
    public long remaining;
    public long frozen;
    public long filled;
    public long reserved;
    @Column(name = "min_fiat")
    public long minFiat;
    @Column(name = "max_fiat")
    public long maxFiat;
    @Column(name = "payment_methods")
    public long paymentMethods;
    @Column(name = "payment_window_minutes")
    public int paymentWindowMinutes;
    @Column(name = "min_kyc_level")
    public int minKycLevel;
    @Column(name = "min_account_age_days")
    public int minAccountAgeDays;
    @Column(name = "min_completed_orders")
    public int minCompletedOrders;
    @Column(name = "min_completion_rate_bps")
    public int minCompletionRateBps;
    @Column(name = "max_open_orders_per_taker")
    public int maxOpenOrdersPerTaker;
    public String visibility;
    @Column(name = "auto_match")
    public boolean autoMatch;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
