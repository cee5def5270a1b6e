package org.p2px.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest
{
    /** RFC 6238, appendix B: the SHA1 rows, secret "12345678901234567890", 30-second steps, 8 digits. */
    @Test
    void theRfcTestVectors()
    {
        final byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertEquals("94287082", Totp.code(key, 59 / 30, 8));
        assertEquals("07081804", Totp.code(key, 1111111109L / 30, 8));
        assertEquals("14050471", Totp.code(key, 1111111111L / 30, 8));
        assertEquals("89005924", Totp.code(key, 1234567890L / 30, 8));
        assertEquals("69279037", Totp.code(key, 2000000000L / 30, 8));
        assertEquals("65353130", Totp.code(key, 20000000000L / 30, 8));
        assertEquals("287082", Totp.code(key, 59 / 30, 6));
    }

    @Test
    void aCodeIsGoodForItsStepAndTheNeighboursOnlyAndOnlyOnce()
    {
        final String secret = Totp.newSecret();
        final byte[] key = new Base32().decode(secret);
        final long now = 1_700_000_000_000L;
        final long step = now / Totp.STEP_MILLIS;
        assertEquals(step, Totp.matchingStep(secret, Totp.code(key, step, 6), now, 0));
        assertEquals(step - 1, Totp.matchingStep(secret, Totp.code(key, step - 1, 6), now, 0));
        assertEquals(step + 1, Totp.matchingStep(secret, Totp.code(key, step + 1, 6), now, 0));
        assertEquals(-1, Totp.matchingStep(secret, Totp.code(key, step + 2, 6), now, 0));
        assertEquals(-1, Totp.matchingStep(secret, Totp.code(key, step - 2, 6), now, 0));
        // Used once (the last step accepted), the code is no good again.
        assertEquals(-1, Totp.matchingStep(secret, Totp.code(key, step, 6), now, step));
        assertEquals(-1, Totp.matchingStep(secret, null, now, 0));
        assertEquals(-1, Totp.matchingStep(secret, "12345", now, 0));
        assertTrue(Totp.otpauthUri("p2px", "alice", secret).startsWith("otpauth://totp/p2px:alice?secret=" + secret));
    }
}
