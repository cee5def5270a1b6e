package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/**
 * The attachments' own folder for short-lived files ({@code <p2px.attachments.directory>/scratch/}): images being
 * re-encoded and thumbnails, and download copies being hashed. On the attachments' volume rather than
 * {@code java.io.tmpdir}, so a small {@code /tmp} never refuses a 5 MB file; emptied at start, since a file left
 * here by a crash belongs to no request.
 */
@ApplicationScoped
@Startup
public class ScratchFolder
{
    private final Path folder;

    @Inject
    public ScratchFolder(final AttachmentSettings settings)
    {
        this(Path.of(settings.directory(), "scratch"));
    }

    /** Outside the server (the upload benchmark): a folder of the caller's. */
    public ScratchFolder(final Path folder)
    {
        this.folder = folder;
        try
        {
            Files.createDirectories(folder);
            emptied(folder);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot prepare " + folder + " (p2px.attachments.directory)", ex);
        }
    }

    /** A new empty file, for the caller to delete. */
    Path newFile(final String prefix, final String suffix) throws IOException
    {
        return Files.createTempFile(folder, prefix, suffix);
    }

    Path path()
    {
        return folder;
    }

    private static void emptied(final Path folder) throws IOException
    {
        try (Stream<Path> left = Files.list(folder))
        {
            for (final Path file : (Iterable<Path>)left::iterator)
            {
                if (Files.isRegularFile(file))
                {
                    Files.delete(file);
                }
            }
        }
    }
}
