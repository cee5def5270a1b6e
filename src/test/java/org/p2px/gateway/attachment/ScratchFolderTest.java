package org.p2px.gateway.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Download copies are made in the attachments' own scratch folder, not {@code java.io.tmpdir}, and leave nothing
 * there; the folder is emptied when the server starts.
 */
class ScratchFolderTest
{
    @TempDir
    Path attachments;

    @Test
    void aFileLeftByACrashIsDeletedAtStart() throws IOException
    {
        final Path folder = attachments.resolve("scratch");
        Files.createDirectories(folder);
        final Path stale = Files.writeString(folder.resolve("p2px-download-1.part"), "half a copy");
        new ScratchFolder(folder);
        assertFalse(Files.exists(stale));
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aDownloadIsCopiedIntoTheScratchFolderAndLeavesNothingThere() throws IOException
    {
        final ScratchFolder scratch = new ScratchFolder(attachments.resolve("scratch"));
        final byte[] bytes = TestFiles.pdf();
        final String sha256 = AttachmentsContract.sha256(bytes);
        final List<String> seenWhileCopying = new ArrayList<>();
        // A store whose stream looks into the scratch folder while the copy is being written.
        final AttachmentStore store = new AttachmentStore()
        {
            @Override
            public String put(final Path file)
            {
                throw new UnsupportedOperationException();
            }

            @Override
            public InputStream open(final String key)
            {
                return new ByteArrayInputStream(bytes)
                {
                    @Override
                    public synchronized int read(final byte[] into, final int offset, final int length)
                    {
                        seenWhileCopying.addAll(names(scratch.path()));
                        return super.read(into, offset, length);
                    }
                };
            }

            @Override
            public void delete(final String key)
            {
            }
        };

        final VerifiedCopy.Result copy = VerifiedCopy.of(store, sha256, sha256, scratch);
        try (InputStream served = copy.content())
        {
            assertArrayEquals(bytes, served.readAllBytes());
        }
        assertTrue(seenWhileCopying.stream().allMatch(name -> name.startsWith("p2px-download-")), seenWhileCopying.toString());
        assertFalse(seenWhileCopying.isEmpty(), "the copy was not made in the scratch folder");
        assertEquals(List.of(), names(scratch.path()));

        assertFalse(VerifiedCopy.of(store, sha256, "0".repeat(64), scratch).matches(), "a wrong hash is not served");
        assertEquals(List.of(), names(scratch.path()));
    }

    private static List<String> names(final Path folder)
    {
        try (Stream<Path> files = Files.list(folder))
        {
            return files.map(file -> file.getFileName().toString()).toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
