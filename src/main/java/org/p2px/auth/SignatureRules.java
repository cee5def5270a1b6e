package org.p2px.auth;

import java.util.Locale;

import org.p2px.api.GatewayError;

/**
 * The parts of checking a signed request that need no database: reading the timestamp header and keeping it inside
 * the receive window, and comparing the signature header with the expected HMAC. Pure functions of their
 * arguments, so that they are fuzzed on their own ({@code SignatureRulesFuzzTest}).
 */
final class SignatureRules
{
    private SignatureRules()
    {
    }

    /**
     * The header's epoch milliseconds when they lie within {@code windowMillis} of {@code nowMillis}, either way;
     * TIMESTAMP_OUTSIDE_WINDOW for anything else, a header that is no number included. Compared without a
     * subtraction that could overflow: {@code now - timestamp} wraps for timestamps near {@code Long.MIN_VALUE}.
     */
    static long timestampInWindow(final String header, final long nowMillis, final long windowMillis)
    {
        final long millis;
        try
        {
            millis = Long.parseLong(header);
        }
        catch (final NumberFormatException ex)
        {
            throw AuthFailure.of(GatewayError.TIMESTAMP_OUTSIDE_WINDOW);
        }
        if (millis < nowMillis - windowMillis || millis > nowMillis + windowMillis)
        {
            throw AuthFailure.of(GatewayError.TIMESTAMP_OUTSIDE_WINDOW);
        }
        return millis;
    }

    /** Whether the signature header is {@code expectedHex} in either case, compared in constant time. */
    static boolean signatureMatches(final String expectedHex, final String header)
    {
        return header != null && Digests.constantTimeEquals(expectedHex, header.toLowerCase(Locale.ROOT));
    }
}
