package org.p2px.gateway.trade;

import java.util.List;

import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Express: the taker's {@code side} (BUY takes SELL ads), the amount (FIAT by default), the payment methods the
 * taker accepts, an optional price limit, and whether the amount may be split across several ads.
 */
public record ExpressBody(@Schema(required = true, examples = "USDT-EUR") String market,
    @Schema(required = true, enumeration = { "BUY", "SELL" }) String side,
    @Schema(required = true, description = "A decimal string", examples = "150") String amount,
    @Schema(enumeration = { "FIAT", "ASSET" }) @OneOf({ "FIAT", "ASSET" }) String amountIn,
    @Schema(required = true) List<String> paymentMethods,
    @Schema(description = "A decimal string: the worst price the taker accepts") String priceLimit, Boolean allowSplit,
    @Positive Long clientOrderId)
{
}
