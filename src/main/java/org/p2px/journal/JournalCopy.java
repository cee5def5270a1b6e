package org.p2px.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;
import net.openhft.chronicle.threads.BusyTimedPauser;

/**
 * Copies a journal directory, also while a server appends to it, so that the copy reads as the journal did at
 * some moment of the copy: every excerpt complete then, and nothing after.
 * <ul>
 *   <li>Files are read from the start to their current end, block after block: an excerpt's header is marked
 *       complete only after its bytes are written, and sits before them, so a copy that holds a complete header
 *       holds its bytes too; one that caught an excerpt being written holds its header marked incomplete, which
 *       readers take as the end, and which the next append overwrites.</li>
 *   <li>The queue's metadata first, then the cycle files newest first: a file that rolls over while the copy runs
 *       was finished before any newer file existed, so no older file's end can be missing behind a newer file's
 *       start.</li>
 *   <li>Blocks of zeros are left as holes: the journal's files are sparse, far larger than what they hold.</li>
 *   <li>The copy's write locks are released: a copy taken during an append holds the appender's lock with the
 *       server's process id, and Chronicle Queue would wait 15 s for it, then refuse to start if a live process
 *       has that id (in a container the server is always process 1).</li>
 * </ul>
 */
public final class JournalCopy
{
    private static final String METADATA = "metadata.cq4t";
    private static final String CYCLE_SUFFIX = ".cq4";
    private static final int BLOCK = 1 << 20;

    private JournalCopy()
    {
    }

    /**
     * Copies {@code from} into {@code to}, which must not exist yet or be empty.
     *
     * @return the bytes written (holes not counted).
     * @throws NoSuchFileException when a file went away while the copy ran (the engine deletes journal files a
     *                             snapshot made unnecessary): copy again.
     */
    public static long copy(final Path from, final Path to) throws IOException
    {
        Files.createDirectories(to);
        long written = 0;
        for (final Path file : inCopyOrder(from))
        {
            written += copySparse(file, to.resolve(file.getFileName().toString()));
        }
        releaseLocks(to);
        return written;
    }

    private static List<Path> inCopyOrder(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            // Metadata (and anything else that is not a cycle file) first, then cycle files by name, newest
            // first: Chronicle names them by their cycle's time, so the names sort as the cycles do.
            return files.filter(Files::isRegularFile)
                .sorted(Comparator.comparing((Path file) -> file.getFileName().toString().endsWith(CYCLE_SUFFIX))
                    .thenComparing(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed()))
                .toList();
        }
    }

    private static long copySparse(final Path from, final Path to) throws IOException
    {
        long written = 0;
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
            FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            final ByteBuffer block = ByteBuffer.allocate(BLOCK);
            long position = 0;
            int read;
            while ((read = in.read(block.clear(), position)) > 0)
            {
                block.flip();
                if (!allZero(block))
                {
                    while (block.hasRemaining())
                    {
                        out.write(block, position + block.position());
                    }
                    written += read;
                }
                position += read;
            }
            if (out.size() < position)
            {
                out.write(ByteBuffer.allocate(1), position - 1); // the file's length, the rest a hole
            }
        }
        return written;
    }

    private static boolean allZero(final ByteBuffer block)
    {
        final int end = block.limit();
        int i = block.position();
        for (; i + Long.BYTES <= end; i += Long.BYTES)
        {
            if (block.getLong(i) != 0)
            {
                return false;
            }
        }
        for (; i < end; i++)
        {
            if (block.get(i) != 0)
            {
                return false;
            }
        }
        return true;
    }

    /** Frees the write and append locks of a copied queue: no process of the copy's holds them. */
    private static void releaseLocks(final Path directory)
    {
        final Path metadata = directory.resolve(METADATA);
        if (!Files.exists(metadata))
        {
            return;
        }
        SingleChronicleQueueBuilder.addAliases(); // the metadata's class names, known once a queue was built
        try (TableStore<Metadata.NoMeta> store =
                SingleTableBuilder.binary(metadata, Metadata.NoMeta.INSTANCE).readOnly(false).build();
            TableStoreWriteLock write = new TableStoreWriteLock(store, BusyTimedPauser::new, 0L);
            TableStoreWriteLock append = new TableStoreWriteLock(store, BusyTimedPauser::new, 0L,
                TableStoreWriteLock.APPEND_LOCK_KEY))
        {
            for (final TableStoreWriteLock lock : List.of(write, append))
            {
                if (lock.locked())
                {
                    lock.forceUnlock();
                }
            }
        }
    }
}
