package org.p2px.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * The server's key files in {@code p2px.auth.key-dir}: the RSA pair that signs access tokens (SmallRye JWT
 * verifies with {@code jwt-public.pem}) and the AES key that encrypts API key secrets. The embedded default
 * generates them on first start so a newcomer needs no setup; later starts reuse them, so tokens and API keys
 * survive restarts. With {@code p2px.auth.generate-keys=false} (production) they must be provided.
 */
@Startup
@ApplicationScoped
public class KeyFiles
{
    public static final String PRIVATE_KEY = "jwt-private.pem";
    public static final String PUBLIC_KEY = "jwt-public.pem";
    public static final String SECRETS_KEY = "api-key-secrets.key";
    private static final System.Logger LOG = System.getLogger(KeyFiles.class.getName());
    private static final int RSA_BITS = 2048;
    private static final int AES_BYTES = 32;

    private final PrivateKey signingKey;
    private final SecretKey secretsKey;

    public KeyFiles(final AuthSettings settings)
    {
        final Path dir = Path.of(settings.keyDir()).toAbsolutePath();
        final boolean present = Files.exists(dir.resolve(PRIVATE_KEY)) && Files.exists(dir.resolve(PUBLIC_KEY));
        if (!present && settings.generateKeys())
        {
            writeKeyPair(dir);
        }
        if (!Files.exists(dir.resolve(SECRETS_KEY)) && settings.generateKeys())
        {
            final byte[] key = new byte[AES_BYTES];
            new SecureRandom().nextBytes(key);
            writePrivate(dir.resolve(SECRETS_KEY), Base64.getEncoder().encodeToString(key) + "\n");
        }
        signingKey = readPrivateKey(dir.resolve(PRIVATE_KEY));
        secretsKey = new SecretKeySpec(Base64.getDecoder().decode(read(dir.resolve(SECRETS_KEY)).trim()), "AES");
    }

    public PrivateKey signingKey()
    {
        return signingKey;
    }

    public SecretKey secretsKey()
    {
        return secretsKey;
    }

    private static void writeKeyPair(final Path dir)
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            final KeyPair pair = generator.generateKeyPair();
            writePrivate(dir.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            LOG.log(System.Logger.Level.INFO, "generated a new token signing key pair in {0}", dir);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("cannot generate an RSA key pair", ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void writePrivate(final Path file, final String content)
    {
        try
        {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.US_ASCII);
            // Owner-only where the file system knows POSIX permissions; elsewhere the directory's rights apply.
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix"))
            {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{ '\n' }).encodeToString(der) +
            "\n-----END " + type + "-----\n";
    }

    private static PrivateKey readPrivateKey(final Path file)
    {
        final String base64 = read(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try
        {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(file + " is not a PKCS#8 RSA private key", ex);
        }
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("missing key file " + file +
                " (set p2px.auth.generate-keys=true to create it, or provide it)", ex);
        }
    }
}
