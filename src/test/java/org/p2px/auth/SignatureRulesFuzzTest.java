package org.p2px.auth;

import java.math.BigInteger;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.quarkus.security.AuthenticationFailedException;
import org.p2px.api.GatewayError;

/**
 * The signed-request reader under any headers Jazzer makes: a timestamp is let in exactly when it is a number within
 * the window (checked here with exact arithmetic), a signature exactly when it is the expected HMAC in either
 * ASCII case, and nothing else escapes but the refusal. Committed inputs run in every {@code mvn test}.
 */
class SignatureRulesFuzzTest
{
    private static final long YEAR_2100 = 4_102_444_800_000L;

    @FuzzTest(maxDuration = "5m")
    void onlyATimestampInTheWindowAndTheRightSignatureGetIn(final FuzzedDataProvider data)
    {
        final long now = data.consumeLong(0, YEAR_2100);
        final long window = data.consumeLong(0, 3_600_000);
        final String header = data.consumeBoolean() ? Long.toString(data.consumeLong()) : data.consumeString(24);
        checkTimestamp(header, now, window);

        // Secrets are never empty (32 random bytes); HMAC refuses an empty key.
        final String expected = Digests.hmacSha256Hex("k" + data.consumeString(48), data.consumeString(256));
        final String signature = data.consumeBoolean() ? mangle(expected, data) : data.consumeRemainingAsString();
        if (SignatureRules.signatureMatches(expected, signature) != expected.equalsIgnoreCase(signature)
            || (signature != null && signature.length() != 64 && SignatureRules.signatureMatches(expected, signature)))
        {
            throw new AssertionError("signature " + signature + " judged wrongly against " + expected);
        }
    }

    private static void checkTimestamp(final String header, final long now, final long window)
    {
        final Long parsed = parsedOrNull(header);
        final boolean inWindow = parsed != null
            && BigInteger.valueOf(parsed).subtract(BigInteger.valueOf(now)).abs().compareTo(BigInteger.valueOf(window)) <= 0;
        try
        {
            final long accepted = SignatureRules.timestampInWindow(header, now, window);
            if (!inWindow || accepted != parsed)
            {
                throw new AssertionError("timestamp " + header + " let in at now " + now + ", window " + window);
            }
        }
        catch (final AuthenticationFailedException refused)
        {
            if (inWindow || AuthFailure.errorOf(refused) != GatewayError.TIMESTAMP_OUTSIDE_WINDOW)
            {
                throw new AssertionError("timestamp " + header + " refused at now " + now + ", window " + window);
            }
        }
    }

    private static Long parsedOrNull(final String header)
    {
        try
        {
            return Long.parseLong(header);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    /** The expected signature with one character changed, its case flipped, or cut. */
    private static String mangle(final String expected, final FuzzedDataProvider data)
    {
        final StringBuilder text = new StringBuilder(data.consumeBoolean() ? expected.toUpperCase(java.util.Locale.ROOT) : expected);
        if (data.consumeBoolean())
        {
            text.setCharAt(data.consumeInt(0, text.length() - 1), data.consumeChar());
        }
        if (data.consumeBoolean())
        {
            text.setLength(data.consumeInt(0, text.length()));
        }
        return text.toString();
    }
}
