package org.p2px.gateway.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * Query parameters parsed by hand, so that a bad one is a 400 VALIDATION_FAILED naming it (JAX-RS would answer
 * a failed conversion with a bare 404).
 */
final class QueryParams
{
    private QueryParams()
    {
    }

    static int intOr(final String text, final int defaultValue, final String name)
    {
        if (text == null || text.isEmpty())
        {
            return defaultValue;
        }
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw invalid(name, "must be a whole number");
        }
    }

    static Long longOrNull(final String text, final String name)
    {
        if (text == null || text.isEmpty())
        {
            return null;
        }
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw invalid(name, "must be a whole number");
        }
    }

    /** An ISO-8601 instant such as 2026-11-24T08:00:00Z. */
    static Instant instantOrNull(final String text, final String name)
    {
        if (text == null || text.isEmpty())
        {
            return null;
        }
        try
        {
            return Instant.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-11-24T08:00:00Z");
        }
    }

    /** Empty means absent, as {@code ?state=} from a form would send it. */
    static String textOrNull(final String text)
    {
        return text == null || text.isEmpty() ? null : text;
    }

    private static ApiException invalid(final String name, final String problem)
    {
        return ApiException.of(GatewayError.VALIDATION_FAILED, name + " " + problem + ".");
    }
}
