package org.p2px.gateway.trade;

/**
 * Taking a named ad: {@code amount} in fiat ({@code amountIn} FIAT, the default) or in the asset (ASSET), one of
 * the ad's payment methods, and an optional {@code clientOrderId} (a positive number) that makes retries safe.
 */
public record TakeBody(Long adId, String amount, String amountIn, String paymentMethod, Long clientOrderId)
{
}
