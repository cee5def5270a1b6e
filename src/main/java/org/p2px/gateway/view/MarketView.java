package org.p2px.gateway.view;

import java.util.List;

/** A market as clients see it; money and prices are decimal strings, {@code indexPrice} null until set. */
public record MarketView(String symbol, String asset, String fiat, int priceScale, String priceTick,
    String minOrderFiat, int makerFeeBps, int takerFeeBps, List<String> paymentMethods, String indexPrice)
{
}
