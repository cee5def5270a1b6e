package org.p2px.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps compute them: HMAC-SHA1 over the
 * 30-second step, dynamically truncated to 6 digits. A code is accepted for the step before and after the current
 * one (clocks drift), and only for a step later than the last one accepted, so that a code seen once is no good again.
 */
public final class Totp
{
    public static final int DIGITS = 6;
    public static final long STEP_MILLIS = 30_000;
    private static final int SECRET_BYTES = 20;
    private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp()
    {
    }

    /** A new secret of 160 random bits, in base32 as authenticator apps take it. */
    public static String newSecret()
    {
        final byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return new Base32().encodeToString(key).replace("=", "");
    }

    /** The code of {@code step} under the secret, {@code digits} long with leading zeros. */
    static String code(final byte[] key, final long step, final int digits)
    {
        final byte[] hash;
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", ex);
        }
        final int offset = hash[hash.length - 1] & 0x0f;
        final int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        final String digitsText = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /**
     * The step whose code {@code candidate} is, among the current step and its neighbours and later than
     * {@code lastStep}; -1 when it is none of them. Compared in constant time.
     */
    public static long matchingStep(final String base32Secret, final String candidate, final long nowMillis,
        final long lastStep)
    {
        if (candidate == null || candidate.length() != DIGITS)
        {
            return -1;
        }
        final byte[] key = new Base32().decode(base32Secret);
        final long now = Math.floorDiv(nowMillis, STEP_MILLIS);
        long matched = -1;
        for (long step = now - 1; step <= now + 1; step++)
        {
            final boolean same = MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), candidate.getBytes());
            if (same && step > lastStep && matched < 0)
            {
                matched = step;
            }
        }
        return matched;
    }

    /** What an authenticator app reads from a QR code to add the account. */
    public static String otpauthUri(final String issuer, final String account, final String base32Secret)
    {
        return "otpauth://totp/" + issuer + ":" + account + "?secret=" + base32Secret + "&issuer=" + issuer
            + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_MILLIS / 1000;
    }
}
