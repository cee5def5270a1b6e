package org.p2px.gateway.trade;

import java.util.Locale;

import org.p2px.api.ApiException;
import org.p2px.codec.AdStatus;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/**
 * Names on the wire to the core's enums, each refused with the code the core would give it; the names whose
 * refusal is VALIDATION_FAILED are checked on the request records ({@link OneOf}) before they get here.
 */
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

    /** PUBLIC unless PRIVATE is asked for; the request's {@link OneOf} constraint refused any other name. */
    static Visibility visibility(final String name)
    {
        return "PRIVATE".equals(upper(name)) ? Visibility.PRIVATE : Visibility.PUBLIC;
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

    /** True when the amount is in fiat: FIAT (the default) rather than ASSET ({@link OneOf} refused any other name). */
    static boolean amountInFiat(final String name)
    {
        return !"ASSET".equals(upper(name));
    }

    /** 0 for none; otherwise the positive id the client chose ({@code @Positive} on the request). */
    static long clientOrderId(final Long id)
    {
        return id == null ? 0 : id;
    }

    static int orZero(final Integer value)
    {
        return value == null ? 0 : value;
    }

    static String upper(final String name)
    {
        return name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    }
}
