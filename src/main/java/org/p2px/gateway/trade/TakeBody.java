package org.p2px.gateway.trade;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Taking a named ad: {@code amount} in fiat ({@code amountIn} FIAT, the default) or in the asset (ASSET), one of
 * the ad's payment methods, an optional {@code clientOrderId} (a positive number) that makes retries safe, and for
 * someone else's PRIVATE ad its {@code link}.
 */
public record TakeBody(@NotNull Long adId,
    @Schema(required = true, description = "A decimal string, in fiat or in the asset (amountIn)", examples = "92.50") String amount,
    @Schema(enumeration = { "FIAT", "ASSET" }) @OneOf({ "FIAT", "ASSET" }) String amountIn,
    @Schema(required = true, examples = "SEPA") String paymentMethod, @Positive Long clientOrderId,
    @Schema(description = "The link of someone else's PRIVATE ad") @Size(max = 64) String link)
{
}
