package org.p2px.gateway.trade;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A new ad: its market (USDT-EUR), side (BUY or SELL), quantity of the asset, whether it starts ONLINE (default) or OFFLINE, and its terms. */
public record NewAdBody(String market, String side, String quantity, String status, @NotNull @Valid AdTermsBody terms)
{
}
