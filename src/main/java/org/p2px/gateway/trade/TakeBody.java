package org.p2px.gateway.trade;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Taking a named ad: {@code amount} in fiat ({@code amountIn} FIAT, the default) or in the asset (ASSET), one of
 * the ad's payment methods, an optional {@code clientOrderId} (a positive number) that makes retries safe, and for
 * someone else's PRIVATE ad its {@code link}.
 */
public record TakeBody(@NotNull Long adId, String amount, @OneOf({ "FIAT", "ASSET" }) String amountIn,
    String paymentMethod, @Positive Long clientOrderId, @Size(max = 64) String link)
{
}
