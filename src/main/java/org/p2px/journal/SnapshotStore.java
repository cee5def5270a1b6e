package org.p2px.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Snapshot files: a fixed header, then the core's snapshot records. Written to a temporary file, forced to the
 * device, then atomically renamed, so a crash leaves either the whole snapshot or none; the CRC32C of the
 * payload catches anything else. The newest snapshot that checks out is the one recovery loads.
 * <pre>
 *   0          8         12        20              28             36           44          48
 *   +----------+---------+---------+---------------+--------------+------------+-----------+---------+
 *   | P2PXSNAP | version | batch   | journal index | taken at     | payload    | CRC32C of | payload |
 *   | (magic)  | (int)   | sequence| (covered)     | (epoch ms)   | length     | payload   | ...     |
 *   +----------+---------+---------+---------------+--------------+------------+-----------+---------+
 * </pre>
 */
public final class SnapshotStore
{
    public static final int HEADER_LENGTH = 48;
    private static final long MAGIC = 0x50414E5358503250L; // "P2PXSNAP" little-endian
    private static final int VERSION = 1;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";

    private final Path directory;

    public SnapshotStore(final Path directory)
    {
        this.directory = directory;
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** A snapshot on disk: what it covers, and (once loaded) its payload. */
    public record Snapshot(Path file, long batchSequence, long journalIndex, long takenAt, DirectBuffer payload)
    {
        public int payloadLength()
        {
            return payload.capacity();
        }
    }

    /**
     * Writes a snapshot durably.
     *
     * @return the file written.
     */
    public Path write(
        final long batchSequence,
        final long journalIndex,
        final long takenAt,
        final DirectBuffer payload,
        final int length) throws IOException
    {
        final byte[] bytes = new byte[length];
        payload.getBytes(0, bytes);
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);

        final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(MAGIC).putInt(VERSION).putLong(batchSequence).putLong(journalIndex).putLong(takenAt)
            .putLong(length).putInt((int)crc.getValue()).flip();

        final Path target = directory.resolve(String.format("%s%020d%s", PREFIX, batchSequence, SUFFIX));
        final Path temporary = directory.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            channel.write(header);
            final ByteBuffer body = ByteBuffer.wrap(bytes);
            while (body.hasRemaining())
            {
                channel.write(body);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        return target;
    }

    /** The newest snapshot whose header and checksum are valid, loaded; invalid ones are skipped and reported. */
    public Optional<Snapshot> newestValid(final java.util.function.Consumer<String> warnings)
    {
        for (final Path file : filesNewestFirst())
        {
            try
            {
                return Optional.of(read(file));
            }
            catch (final IOException | IllegalStateException ex)
            {
                warnings.accept("skipping snapshot " + file.getFileName() + ": " + ex.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Reads and checks one snapshot file. */
    public Snapshot read(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < HEADER_LENGTH)
        {
            throw new IllegalStateException("shorter than its header");
        }
        final ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getLong() != MAGIC || header.getInt() != VERSION)
        {
            throw new IllegalStateException("not a p2px snapshot of a known version");
        }
        final long batchSequence = header.getLong();
        final long journalIndex = header.getLong();
        final long takenAt = header.getLong();
        final long length = header.getLong();
        final int expectedCrc = header.getInt();
        if (length != bytes.length - HEADER_LENGTH)
        {
            throw new IllegalStateException("payload is " + (bytes.length - HEADER_LENGTH) + " bytes, header says " + length);
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER_LENGTH, (int)length);
        if ((int)crc.getValue() != expectedCrc)
        {
            throw new IllegalStateException("checksum mismatch");
        }
        return new Snapshot(file, batchSequence, journalIndex, takenAt,
            new UnsafeBuffer(bytes, HEADER_LENGTH, (int)length));
    }

    /** Deletes all but the newest {@code keep} snapshots (and any leftover temporary files). */
    public void prune(final int keep) throws IOException
    {
        final List<Path> files = filesNewestFirst();
        for (int i = keep; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i));
        }
        try (Stream<Path> leftovers = Files.list(directory))
        {
            for (final Path file : leftovers.filter(path -> path.toString().endsWith(".tmp")).toList())
            {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Copies the snapshot files to {@code target}, also while snapshots are taken: each file is whole (written
     * under another name, then renamed), and one pruned while the copy runs is left out.
     *
     * @return how many were copied.
     */
    public int copyTo(final Path target) throws IOException
    {
        Files.createDirectories(target);
        int copied = 0;
        for (final Path file : filesNewestFirst())
        {
            try
            {
                Files.copy(file, target.resolve(file.getFileName().toString()));
                copied++;
            }
            catch (final NoSuchFileException pruned)
            {
                // An older snapshot, deleted after a newer one was written.
            }
        }
        return copied;
    }

    public List<Path> filesNewestFirst()
    {
        try (Stream<Path> files = Files.list(directory))
        {
            final List<Path> snapshots = new ArrayList<>(files
                .filter(path -> path.getFileName().toString().startsWith(PREFIX))
                .filter(path -> path.getFileName().toString().endsWith(SUFFIX))
                .toList());
            snapshots.sort(Comparator.comparing((Path path) -> path.getFileName().toString()).reversed());
            return snapshots;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void forceDirectory()
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ignored)
        {
            // Not every file system lets a directory be opened for a sync; the rename is still atomic.
        }
    }
}
