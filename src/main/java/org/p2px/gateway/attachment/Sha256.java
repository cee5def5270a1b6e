package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 that names stored bytes: a store's key, and what the journal records for each attachment. */
final class Sha256
{
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER_BYTES = 64 * 1024;

    private Sha256()
    {
    }

    static MessageDigest newDigest()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** The digest of a file's bytes, read in blocks, never whole. */
    static byte[] of(final Path file) throws IOException
    {
        final MessageDigest digest = newDigest();
        final byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file))
        {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer))
            {
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    static String hex(final byte[] digest)
    {
        return HexFormat.of().formatHex(digest);
    }

    /** The hash as given, once checked to be one: only a well-formed hash is ever turned into a path or a key. */
    static String requireHex(final String sha256)
    {
        if (sha256 == null || !HEX.matcher(sha256).matches())
        {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        return sha256;
    }
}
