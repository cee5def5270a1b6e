package org.p2px.gateway.trade;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Taking a named ad: {@code amount} in fiat ({@code amountIn} FIAT, the default) or in the asset (ASSET), one of
 * the ad's payment methods, and an optional {@code clientOrderId} (a positive number) that makes retries safe.
 */
public record TakeBody(@NotNull Long adId, String amount, @OneOf({ "FIAT", "ASSET" }) String amountIn,
    String paymentMethod, @Positive Long clientOrderId)
{
}
