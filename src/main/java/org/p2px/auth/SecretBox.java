package org.p2px.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts API key secrets at rest with AES-256-GCM. HMAC verification needs the secret itself (unlike a
 * password, a hash of it is useless), so, as exchanges do, it is stored encrypted under a key that lives
 * outside the database: a stolen database alone does not let anyone sign requests.
 */
@ApplicationScoped
public class SecretBox
{
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyFiles keys;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(final KeyFiles keys)
    {
        this.keys = keys;
    }

    /** base64(iv || ciphertext || tag). */
    public String seal(final String secret)
    {
        final byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        final byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    }

    public String open(final String box)
    {
        final byte[] bytes = Base64.getDecoder().decode(box);
        final byte[] iv = Arrays.copyOfRange(bytes, 0, IV_BYTES);
        final byte[] sealed = Arrays.copyOfRange(bytes, IV_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, iv, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(final int mode, final byte[] iv, final byte[] input)
    {
        try
        {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.secretsKey(), new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(input);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("API key secret cannot be sealed or opened (wrong api-key-secrets.key?)", ex);
        }
    }
}
