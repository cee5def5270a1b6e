package org.p2px.gateway.trade;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new ad: its market (USDT-EUR), side (BUY or SELL), quantity of the asset, whether it starts ONLINE (default) or OFFLINE, and its terms. */
public record NewAdBody(@Schema(required = true, examples = "USDT-EUR") String market,
    @Schema(required = true, enumeration = { "BUY", "SELL" }) String side,
    @Schema(required = true, description = "A decimal string, in the asset", examples = "1500") String quantity,
    @Schema(enumeration = { "ONLINE", "OFFLINE" }) String status, @NotNull @Valid AdTermsBody terms)
{
}
