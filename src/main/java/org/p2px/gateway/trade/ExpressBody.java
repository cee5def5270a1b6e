package org.p2px.gateway.trade;

import java.util.List;

import jakarta.validation.constraints.Positive;

/**
 * Express: the taker's {@code side} (BUY takes SELL ads), the amount (FIAT by default), the payment methods the
 * taker accepts, an optional price limit, and whether the amount may be split across several ads.
 */
public record ExpressBody(String market, String side, String amount, @OneOf({ "FIAT", "ASSET" }) String amountIn,
    List<String> paymentMethods, String priceLimit, Boolean allowSplit, @Positive Long clientOrderId)
{
}
