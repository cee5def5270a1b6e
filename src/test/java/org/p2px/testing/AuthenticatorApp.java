package org.p2px.testing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/** What an authenticator app shows for a secret, computed per RFC 6238 apart from the server's code. */
public final class AuthenticatorApp
{
    private AuthenticatorApp()
    {
    }

    /** The 6-digit code {@code stepsAhead} 30-second steps from now. */
    public static String code(final String base32Secret, final int stepsAhead)
    {
        final long step = System.currentTimeMillis() / 30_000 + stepsAhead;
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
            final byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            final int offset = hash[19] & 0xf;
            final int value = ((hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8 | (hash[offset + 3] & 0xff)) % 1_000_000;
            return String.format("%06d", value);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
