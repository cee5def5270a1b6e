package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.util.UUID;

/**
 * The embedded store: files in {@code p2px.attachments.directory}, each named by its SHA-256 under a folder of its
 * first two hex digits. A file is copied to {@code tmp/}, forced to disk, then renamed into place in one atomic
 * step (and the folder forced too), so a crash leaves a whole file or none, never a part under a hash.
 */
public final class FileAttachmentStore implements AttachmentStore
{
    private final Path root;
    private final Path tmp;

    public FileAttachmentStore(final Path root) throws IOException
    {
        this.root = root;
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    @Override
    public String put(final Path file) throws IOException
    {
        final Path copy = tmp.resolve(UUID.randomUUID() + ".part");
        try
        {
            final String sha256;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), Sha256.newDigest()))
            {
                Files.copy(in, copy);
                sha256 = Sha256.hex(((DigestInputStream)in).getMessageDigest().digest());
            }
            final Path target = pathOf(sha256);
            if (Files.exists(target))
            {
                return sha256;
            }
            force(copy);
            Files.createDirectories(target.getParent());
            Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
            force(target.getParent());
            return sha256;
        }
        finally
        {
            Files.deleteIfExists(copy);
        }
    }

    @Override
    public InputStream open(final String sha256) throws IOException
    {
        try
        {
            return Files.newInputStream(pathOf(sha256));
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
    }

    @Override
    public void delete(final String sha256) throws IOException
    {
        Files.deleteIfExists(pathOf(sha256));
    }

    /** Where the bytes of {@code sha256} live; only a well-formed hash is ever turned into a path. */
    Path pathOf(final String sha256)
    {
        Sha256.requireHex(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void force(final Path path) throws IOException
    {
        final boolean folder = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, folder ? StandardOpenOption.READ : StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            if (!folder)
            {
                throw ex;
            }
            // Some file systems cannot open a folder for a sync; the file itself was forced.
        }
    }
}
