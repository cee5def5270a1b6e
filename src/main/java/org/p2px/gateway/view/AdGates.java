package org.p2px.gateway.view;

/** What a counterparty must meet to trade with an ad; 0 means no requirement. */
public record AdGates(int minKycLevel, int minAccountAgeDays, int minCompletedOrders, int minCompletionRateBps,
    int maxOpenOrdersPerTaker)
{
}
