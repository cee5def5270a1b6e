package org.p2px.core;

import java.util.List;

import org.p2px.codec.Role;

/**
 * A user as the core holds one, copied out by {@link CoreReader}. The 30-day counts are as of the core's current
 * time; {@code balances} has an entry for every defined asset the account has ever used.
 */
public record UserSnapshot(long userId, Role role, int kycLevel, long createdAt, long completedOrders,
    int completed30d, int failed30d, long payTimeTotalMs, long payCount, long releaseTimeTotalMs, long releaseCount,
    long restrictedUntil, List<BalanceSnapshot> balances)
{
}
