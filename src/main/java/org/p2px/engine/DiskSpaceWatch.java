package org.p2px.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.Agent;

/**
 * Watches the free space of the journal's file system from a thread of its own, so that the engine refuses
 * commands before an append can fail. The journal is memory-mapped: on a full disk an append faults inside a
 * mapped page, which may leave the command that was in flight journaled although it was answered as refused, and
 * can crash the JVM. Refusing while space is low keeps every answer true. Space counts as back once it reaches
 * twice the minimum, so that the engine does not flap at the edge.
 */
final class DiskSpaceWatch implements Agent
{
    private static final System.Logger LOG = System.getLogger(DiskSpaceWatch.class.getName());

    private final FileStore store;
    private final Path directory;
    private final long minFreeBytes;
    private final Runnable onChange;
    private volatile boolean low;

    DiskSpaceWatch(final Path directory, final long minFreeBytes, final Runnable onChange)
    {
        this.directory = directory;
        this.minFreeBytes = minFreeBytes;
        this.onChange = onChange;
        try
        {
            this.store = Files.getFileStore(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot watch the free space of " + directory, ex);
        }
        check();
    }

    /** True while the journal's disk has less than the minimum free: no command may be decided. */
    boolean isLow()
    {
        return low;
    }

    @Override
    public int doWork()
    {
        check();
        return 0;
    }

    private void check()
    {
        final long free;
        try
        {
            free = store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "cannot read the free space of " + directory, ex);
            return;
        }
        final boolean nowLow = low ? free < 2 * minFreeBytes : free < minFreeBytes;
        if (nowLow != low)
        {
            low = nowLow;
            LOG.log(nowLow ? System.Logger.Level.ERROR : System.Logger.Level.WARNING, nowLow
                ? "the journal''s disk ({0}) has {1} bytes free, less than the minimum {2}: commands are refused"
                : "the journal''s disk ({0}) has {1} bytes free again: commands are taken", directory, free,
                minFreeBytes);
            onChange.run();
        }
    }

    @Override
    public String roleName()
    {
        return "p2px-disk-space";
    }
}
