package org.p2px.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of {@code markets}. */
@Entity
@Table(name = "markets")
public class MarketEntity extends PanacheEntityBase
{
    @Id
    public int id;
    public String symbol;
    @Column(name = "asset_id")
    public int assetId;
    @Column(name = "fiat_id")
    public int fiatId;
    @Column(name = "price_scale")
    public int priceScale;
    @Column(name = "price_tick")
    public long priceTick;
    @Column(name = "min_order_fiat")
    public long minOrderFiat;
    @Column(name = "maker_fee_bps")
    public int makerFeeBps;
    @Column(name = "taker_fee_bps")
    public int takerFeeBps;
    @Column(name = "payment_methods")
    public long paymentMethods;
}
