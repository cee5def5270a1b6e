package org.p2px.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.AuthenticationFailedException;
import org.junit.jupiter.api.Test;
import org.p2px.api.GatewayError;

class SignatureRulesTest
{
    private static final long NOW = 1_700_000_000_000L;
    private static final long WINDOW = 5_000;

    @Test
    void aTimestampInsideTheWindowEitherWayIsAccepted()
    {
        assertEquals(NOW - WINDOW, SignatureRules.timestampInWindow(String.valueOf(NOW - WINDOW), NOW, WINDOW));
        assertEquals(NOW + WINDOW, SignatureRules.timestampInWindow(String.valueOf(NOW + WINDOW), NOW, WINDOW));
    }

    @Test
    void outsideTheWindowOrNotANumberIsRefused()
    {
        for (final String header : new String[]{ String.valueOf(NOW - WINDOW - 1), String.valueOf(NOW + WINDOW + 1),
            "", "null", "1e12", " " + NOW, "0x1", String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE) })
        {
            assertOutside(header);
        }
    }

    /** {@code now - timestamp} is Long.MIN_VALUE here, whose absolute value is negative: the old check let it in. */
    @Test
    void aTimestampThatWouldOverflowTheSubtractionIsOutsideTheWindow()
    {
        assertOutside(String.valueOf(NOW + Long.MIN_VALUE));
    }

    @Test
    void theSignatureMatchesInEitherCaseAndNothingElse()
    {
        final String expected = Digests.hmacSha256Hex("secret", "1700000000000\nGET\n/api/v1/account/me\n\n");
        assertTrue(SignatureRules.signatureMatches(expected, expected));
        assertTrue(SignatureRules.signatureMatches(expected, expected.toUpperCase(java.util.Locale.ROOT)));
        assertFalse(SignatureRules.signatureMatches(expected, null));
        assertFalse(SignatureRules.signatureMatches(expected, expected.substring(1)));
        assertFalse(SignatureRules.signatureMatches(expected, expected + " "));
    }

    private static void assertOutside(final String header)
    {
        final AuthenticationFailedException refused = assertThrows(AuthenticationFailedException.class,
            () -> SignatureRules.timestampInWindow(header, NOW, WINDOW), header);
        assertEquals(GatewayError.TIMESTAMP_OUTSIDE_WINDOW, AuthFailure.errorOf(refused));
    }
}
