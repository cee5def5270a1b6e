package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;

/**
 * Stored bytes copied to a temporary file while they are hashed, so that a download serves only bytes proven to
 * match the journaled hash, without holding a file in memory and whichever store they come from.
 */
final class VerifiedCopy
{
    /** What a copy found: the bytes to serve (deleted when closed) with their length, or why there are none. */
    record Result(InputStream content, long size, boolean missing)
    {
        boolean matches()
        {
            return content != null;
        }
    }

    private VerifiedCopy()
    {
    }

    static Result of(final AttachmentStore store, final String sha256, final String expected,
        final ScratchFolder scratch) throws IOException
    {
        final Path copy = scratch.newFile("p2px-download-", ".part");
        try
        {
            final String actual;
            try (InputStream stored = store.open(sha256))
            {
                if (stored == null)
                {
                    Files.delete(copy);
                    return new Result(null, 0, true);
                }
                final DigestInputStream in = new DigestInputStream(stored, Sha256.newDigest());
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                actual = Sha256.hex(in.getMessageDigest().digest());
            }
            if (!actual.equals(expected))
            {
                Files.delete(copy);
                return new Result(null, 0, false);
            }
            // Measured first: on Linux DELETE_ON_CLOSE unlinks the file as soon as it is opened.
            final long size = Files.size(copy);
            return new Result(Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE), size, false);
        }
        catch (final IOException | RuntimeException ex)
        {
            Files.deleteIfExists(copy);
            throw ex;
        }
    }
}
