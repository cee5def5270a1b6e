package org.p2px.core;

/** One asset of a user's account: what can be used, and what is locked in escrow or SELL-ad reservations. */
public record BalanceSnapshot(int assetId, long available, long locked)
{
}
