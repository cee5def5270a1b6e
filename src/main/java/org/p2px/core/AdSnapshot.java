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
    /** The same ad closed: the core releases its reservation and forgets it. */
    public AdSnapshot closed()
    {
        return new AdSnapshot(adId, ownerId, marketId, side, AdStatus.CLOSED, priceType, fixedPrice, marginBps, price,
            remaining, frozen, filled, 0, minFiat, maxFiat, paymentMethods, paymentWindowMinutes, minKycLevel,
            minAccountAgeDays, minCompletedOrders, minCompletionRateBps, maxOpenOrdersPerTaker, visibility, autoMatch,
            createdAt);
    }
}
