package org.p2px.core;

import org.p2px.codec.AdStatus;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/**
 * An ad as the core holds it, copied out by {@link CoreReader}. {@code price} is the effective price: the fixed
 * price, or the index moved by the margin and rounded down to the tick (0 while a floating ad's market has no
 * index price).
 */
public record AdSnapshot(long adId, long ownerId, int marketId, Side side, AdStatus status, PriceType priceType,
    long fixedPrice, int marginBps, long price, long remaining, long frozen, long filled, long reserved, long minFiat,
    long maxFiat, long paymentMethods, int paymentWindowMinutes, int minKycLevel, int minAccountAgeDays,
    int minCompletedOrders, int minCompletionRateBps, int maxOpenOrdersPerTaker, Visibility visibility,
    boolean autoMatch, long createdAt)
{
    /**
     * Written out rather than generated: the book windows compare each ad of a side with its last snapshot after
     * every batch that touches the market, and the generated equals (a chain of method handles) was the live
     * view's hottest code. The most changeable fields come first.
     */
    @Override
    public boolean equals(final Object other)
    {
        return other instanceof AdSnapshot that
            && adId == that.adId && remaining == that.remaining && frozen == that.frozen && filled == that.filled
            && reserved == that.reserved && price == that.price && status == that.status
            && fixedPrice == that.fixedPrice && marginBps == that.marginBps && minFiat == that.minFiat
            && maxFiat == that.maxFiat && paymentMethods == that.paymentMethods
            && paymentWindowMinutes == that.paymentWindowMinutes && minKycLevel == that.minKycLevel
            && minAccountAgeDays == that.minAccountAgeDays && minCompletedOrders == that.minCompletedOrders
            && minCompletionRateBps == that.minCompletionRateBps && maxOpenOrdersPerTaker == that.maxOpenOrdersPerTaker
            && visibility == that.visibility && autoMatch == that.autoMatch && priceType == that.priceType
            && ownerId == that.ownerId && marketId == that.marketId && side == that.side && createdAt == that.createdAt;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(adId) * 31 + Long.hashCode(remaining);
    }

    /** The same ad closed: the core releases its reservation and forgets it. */
    public AdSnapshot closed()
    {
        return new AdSnapshot(adId, ownerId, marketId, side, AdStatus.CLOSED, priceType, fixedPrice, marginBps, price,
            remaining, frozen, filled, 0, minFiat, maxFiat, paymentMethods, paymentWindowMinutes, minKycLevel,
            minAccountAgeDays, minCompletedOrders, minCompletionRateBps, maxOpenOrdersPerTaker, visibility, autoMatch,
            createdAt);
    }
}
