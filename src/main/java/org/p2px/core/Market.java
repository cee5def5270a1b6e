package org.p2px.core;

import org.p2px.codec.Side;

/**
 * An asset/fiat pair: its price grid, minimum order, fees, payment methods, index price, and four books (public
 * and crossing, one per side). Prices are in units of 10^-priceScale fiat per whole asset, so
 * {@code fiat minor units = quantity minor units x price / 10^(assetScale + priceScale - fiatScale)}.
 */
final class Market
{
    final int id;
    final Asset asset;
    final Asset fiat;
    final int priceScale;
    final long priceTick;
    final long minOrderFiat;
    final int makerFeeBps;
    final int takerFeeBps;
    final long paymentMethods;
    /** 10^(assetScale + priceScale - fiatScale): converts quantity x price into fiat minor units. */
    final long unitFactor;
    long indexPrice;

    private final AdBook[] books = new AdBook[4];

    Market(
        final int id,
        final Asset asset,
        final Asset fiat,
        final int priceScale,
        final long priceTick,
        final long minOrderFiat,
        final int makerFeeBps,
        final int takerFeeBps,
        final long paymentMethods)
    {
        this.id = id;
        this.asset = asset;
        this.fiat = fiat;
        this.priceScale = priceScale;
        this.priceTick = priceTick;
        this.minOrderFiat = minOrderFiat;
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
        this.paymentMethods = paymentMethods;
        this.unitFactor = Money.pow10(asset.scale + priceScale - fiat.scale);
        for (int slot = 0; slot < 2; slot++)
        {
            books[slot * 2] = new AdBook(this, Side.BUY, slot);
            books[slot * 2 + 1] = new AdBook(this, Side.SELL, slot);
        }
    }

    /** The exponent of {@link #unitFactor}; a market is valid only when it lies in [0, 18]. */
    static int unitExponent(final int assetScale, final int priceScale, final int fiatScale)
    {
        return assetScale + priceScale - fiatScale;
    }

    AdBook book(final int slot, final Side side)
    {
        return books[slot * 2 + (side == Side.BUY ? 0 : 1)];
    }

    /** The ad's price now: fixed, or the index moved by its margin and rounded down to the tick; 0 if none. */
    long priceOf(final Ad ad)
    {
        return ad.isFloating() ? floatingPrice(ad.marginBps) : ad.price;
    }

    long floatingPrice(final int marginBps)
    {
        if (indexPrice <= 0)
        {
            return 0;
        }
        final long raw = Money.mulDivFloor(indexPrice, 10_000L + marginBps, 10_000L);
        return raw <= 0 ? 0 : raw - raw % priceTick;
    }

    long fiatFor(final long quantity, final long price, final boolean roundUp)
    {
        return roundUp ? Money.mulDivCeil(quantity, price, unitFactor) : Money.mulDivFloor(quantity, price, unitFactor);
    }

    long quantityFor(final long fiatAmount, final long price, final boolean roundUp)
    {
        return roundUp ? Money.mulDivCeil(fiatAmount, unitFactor, price) : Money.mulDivFloor(fiatAmount, unitFactor, price);
    }

    /** Asset a SELL ad reserves for {@code quantity}: the quantity plus its maker fee. */
    long reservationFor(final long quantity)
    {
        return quantity + Money.fee(quantity, makerFeeBps);
    }

    long digest()
    {
        long hash = Digests.mix(id, asset.id);
        hash = Digests.mix(hash, fiat.id);
        hash = Digests.mix(hash, priceScale);
        hash = Digests.mix(hash, priceTick);
        hash = Digests.mix(hash, minOrderFiat);
        hash = Digests.mix(hash, makerFeeBps);
        hash = Digests.mix(hash, takerFeeBps);
        hash = Digests.mix(hash, paymentMethods);
        return Digests.mix(hash, indexPrice);
    }
}
