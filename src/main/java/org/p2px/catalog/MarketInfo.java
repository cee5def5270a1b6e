package org.p2px.catalog;

import org.p2px.api.Decimals;

/** A market (USDT-EUR) with the terms the core enforces; prices have {@code priceScale} decimals. */
public record MarketInfo(int id, String symbol, AssetInfo asset, AssetInfo fiat, int priceScale, long priceTick,
    long minOrderFiat, int makerFeeBps, int takerFeeBps, long paymentMethods)
{
    public String formatPrice(final long price)
    {
        return Decimals.format(price, priceScale);
    }

    public String formatQuantity(final long quantity)
    {
        return Decimals.format(quantity, asset.scale());
    }

    public String formatFiat(final long fiatAmount)
    {
        return Decimals.format(fiatAmount, fiat.scale());
    }
}
