package org.p2px.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An order with its deadlines and outcome; finished orders stay for history. Table orders. */
@Entity
@Table(name = "orders")
public class OrderRow extends PanacheEntityBase
{
    @Id
    public long id;
    @Column(name = "market_id")
    public int marketId;
    public String state;
    @Column(name = "buyer_id")
    public long buyerId;
    @Column(name = "seller_id")
    public long sellerId;
    @Column(name = "maker_id")
    public long makerId;
    @Column(name = "taker_id")
    public long takerId;
    @Column(name = "buy_ad_id")
    public Long buyAdId;
    @Column(name = "sell_ad_id")
    public Long sellAdId;
    public long price;
    public long quantity;
    @Column(name = "fiat_amount")
    public long fiatAmount;
    @Column(name = "buyer_fee")
    public long buyerFee;
    @Column(name = "seller_fee")
    public long sellerFee;
    @Column(name = "payment_method")
    public int paymentMethod;
    @Column(name = "client_order_id")
    public Long clientOrderId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "pay_by")
    public Instant payBy;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "release_by")
    public Instant releaseBy;
    @Column(name = "appealable_from")
    public Instant appealableFrom;
    @Column(name = "appellant_id")
    public Long appellantId;
    @Column(name = "disputed_at")
    public Instant disputedAt;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
