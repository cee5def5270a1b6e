package org.p2px.gateway.trade;

import java.util.Locale;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.AdStatus;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/** Names on the wire to the core's enums, each refused with the code the core would give it. */
final class WireValues
{
    private WireValues()
    {
    }

    static Side side(final String name)
    {
        final String value = upper(name);
        if ("BUY".equals(value) || "SELL".equals(value))
        {
            return Side.valueOf(value);
        }
        throw ApiException.of(ErrorCode.INVALID_SIDE, "side must be BUY or SELL.");
    }

    /** The status a new ad starts in: ONLINE unless OFFLINE is asked for. */
    static AdStatus initialStatus(final String name)
    {
        if (name == null)
        {
            return AdStatus.ONLINE;
        }
        final AdStatus status = adStatus(name);
        if (status == AdStatus.CLOSED)
        {
            throw ApiException.of(ErrorCode.INVALID_STATUS, "A new ad starts ONLINE or OFFLINE.");
        }
        return status;
    }

    static AdStatus adStatus(final String name)
    {
        final String value = upper(name);
        if ("ONLINE".equals(value) || "OFFLINE".equals(value) || "CLOSED".equals(value))
        {
            return AdStatus.valueOf(value);
        }
        throw ApiException.of(ErrorCode.INVALID_STATUS, "status must be ONLINE, OFFLINE or CLOSED.");
    }

    static PriceType priceType(final String name)
    {
        final String value = name == null ? "FIXED" : upper(name);
        if ("FIXED".equals(value) || "FLOATING".equals(value))
        {
            return PriceType.valueOf(value);
        }
        throw ApiException.of(ErrorCode.INVALID_PRICE, "priceType must be FIXED or FLOATING.");
    }

    static Visibility visibility(final String name)
    {
        final String value = name == null ? "PUBLIC" : upper(name);
        if ("PUBLIC".equals(value) || "PRIVATE".equals(value))
        {
            return Visibility.valueOf(value);
        }
        throw ApiException.of(GatewayError.VALIDATION_FAILED, "visibility must be PUBLIC or PRIVATE.");
    }

    static DisputeOutcome outcome(final String name)
    {
        final String value = upper(name);
        if ("RELEASE".equals(value) || "REFUND".equals(value))
        {
            return DisputeOutcome.valueOf(value);
        }
        throw ApiException.of(ErrorCode.INVALID_OUTCOME, "outcome must be RELEASE or REFUND.");
    }

    /** True when the amount is in fiat: FIAT (the default) or ASSET. */
    static boolean amountInFiat(final String name)
    {
        final String value = name == null ? "FIAT" : upper(name);
        if ("FIAT".equals(value) || "ASSET".equals(value))
        {
            return "FIAT".equals(value);
        }
        throw ApiException.of(GatewayError.VALIDATION_FAILED, "amountIn must be FIAT or ASSET.");
    }

    /** 0 for none; otherwise a positive id the client chose. */
    static long clientOrderId(final Long id)
    {
        return id == null ? 0 : id;   // positive: checked by the request's annotations
    }

    static int orZero(final Integer value)
    {
        return value == null ? 0 : value;
    }

    private static String upper(final String name)
    {
        return name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    }
}
