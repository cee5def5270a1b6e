package org.p2px.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;

/**
 * Gets the journal's file ready ahead of the appender, so that appends find their pages in memory and mapped.
 * Without it, an append that crosses into a new page takes a page fault, and a fault on a page of the file that
 * has never been written makes the kernel read ahead: it fills the whole read-ahead window (8 MiB on this
 * machine's disk) with zeros before the append goes on, which took 18 ms here, once every 8 MiB of journal.
 *
 * <p>So the pages ahead are first written with zeros through the file ({@code pwrite}, which puts a page in the
 * page cache without any read-ahead), and then touched through the queue's own mapping (a compare-and-swap of
 * zero for zero, which maps the page for the appender). Only pages after the end of the last appended excerpt
 * are written, and only by the thread that appends, between appends, so a zero never lands on data.
 *
 * <p>The core thread calls it when it has nothing else to do, a page at a time ({@link Journal#prepareAhead}): the
 * work then costs no other thread's CPU and never preempts the core. (It used to run on a thread of its own; on a
 * two-core machine that third busy thread took the CPU from the core thread or its clients.) Chronicle Queue's own
 * pretoucher is an enterprise feature; in the open-source build an appender's {@code pretouch()} does not work (it
 * recurses until the stack overflows).
 *
 * <p>Best effort: a failure is logged once and the pretoucher carries on; the appender faults pages itself when it
 * gets there first.
 */
final class JournalPretoucher implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(JournalPretoucher.class.getName());
    private static final long PAGE = 4096;
    /** Room left after the last excerpt's end for what Chronicle adds when it closes it (padding, alignment). */
    private static final long SLACK = 1024;

    private final SingleChronicleQueue queue;
    private final long aheadBytes;
    private final ReferenceOwner owner = ReferenceOwner.temporary("p2px-journal-pretoucher");
    private final ByteBuffer zeros = ByteBuffer.allocateDirect((int)PAGE);
    private SingleChronicleQueueStore store;
    private FileChannel file;
    private int cycle = Integer.MIN_VALUE;
    private MappedBytesStore chunk;
    private long filledUpTo;
    private long touchedUpTo;
    private boolean failureLogged;

    JournalPretoucher(final SingleChronicleQueue queue, final long aheadBytes)
    {
        this.queue = queue;
        this.aheadBytes = aheadBytes;
    }

    /**
     * Readies up to {@code maxPages} pages after {@code end}, the end of the last excerpt appended (to the file of
     * {@code fileCycle}); returns how many pages it wrote or touched.
     */
    int prepare(final int fileCycle, final long end, final int maxPages)
    {
        try
        {
            return prepareAhead(fileCycle, end, maxPages);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (!failureLogged)
            {
                failureLogged = true;
                LOG.log(System.Logger.Level.WARNING, "journal pretouch failed; appends will fault pages themselves", ex);
            }
            closeCycle();
            return 0;
        }
    }

    private int prepareAhead(final int fileCycle, final long end, final int maxPages) throws IOException
    {
        if (fileCycle != cycle && !openCycle(fileCycle))
        {
            return 0;
        }
        final long firstFree = (end + SLACK + PAGE - 1) & ~(PAGE - 1);
        final long limit = end + aheadBytes;
        filledUpTo = Math.max(filledUpTo, firstFree);
        touchedUpTo = Math.max(touchedUpTo, firstFree);
        int done = 0;
        while (done < maxPages && touchedUpTo < filledUpTo)
        {
            touch(touchedUpTo);
            touchedUpTo += PAGE;
            done++;
        }
        while (done < maxPages && filledUpTo < limit)
        {
            zeros.clear();
            file.write(zeros, filledUpTo);
            filledUpTo += PAGE;
            done++;
        }
        return done;
    }

    private void touch(final long page) throws IOException
    {
        if (chunk == null || !chunk.inside(page, Long.BYTES))
        {
            releaseChunk();
            chunk = store.bytes().mappedFile().acquireByteStore(owner, page);
        }
        chunk.compareAndSwapLong(page, 0L, 0L);
    }

    /** Takes hold of the file of {@code fileCycle}, letting go of the previous one. */
    private boolean openCycle(final int fileCycle) throws IOException
    {
        final SingleChronicleQueueStore next = queue.storeForCycle(fileCycle, queue.epoch(), false, store);
        if (next == null)
        {
            return false;
        }
        closeCycle();
        store = next;
        file = FileChannel.open(next.file().toPath(), StandardOpenOption.WRITE);
        cycle = fileCycle;
        filledUpTo = 0;
        touchedUpTo = 0;
        return true;
    }

    private void closeCycle()
    {
        releaseChunk();
        if (file != null)
        {
            try
            {
                file.close();
            }
            catch (final IOException ex)
            {
                LOG.log(System.Logger.Level.DEBUG, "closing the journal file for pretouching", ex);
            }
            file = null;
        }
        if (store != null)
        {
            queue.closeStore(store);
            store = null;
        }
        cycle = Integer.MIN_VALUE;
    }

    private void releaseChunk()
    {
        if (chunk != null)
        {
            chunk.release(owner);
            chunk = null;
        }
    }

    @Override
    public void close()
    {
        closeCycle();
    }
}
