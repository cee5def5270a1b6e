package org.p2px.gateway.view;

/** One asset of a user's account: what can be used, and what is reserved by SELL ads or locked in escrow. */
public record BalanceView(String asset, String available, String locked)
{
}
