package org.p2px.live;

/** One asset of one user's account after a batch changed it, in minor units. */
public record BalanceChange(long userId, int assetId, long available, long locked)
{
}
