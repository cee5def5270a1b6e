package org.p2px.journal;

import java.io.IOException;

import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;

/**
 * Touches the journal's file ahead of the appender so that appends find their pages already mapped and in
 * memory. Without it, an append that crosses into a new page takes a page fault (the filesystem allocates the
 * page, at times waiting for its own journal), and one that crosses into a new chunk of the file first maps that
 * chunk; either can stall an append for milliseconds.
 *
 * <p>The core thread calls it when it has nothing else to do, a few pages at a time ({@link Journal#prepareAhead}):
 * the work then costs no other thread's CPU and never preempts the core. (It used to run on a thread of its own;
 * on a two-core machine that third busy thread, waking every millisecond, took the CPU from the core thread or
 * its clients and was the largest single cause of multi-millisecond latency stalls.)
 *
 * <p>For each page from the queue's write position up to {@code aheadBytes} beyond it, the toucher maps the chunk
 * that holds it (through the queue's own mapped file, so the appender sees the same mapping) and writes the page
 * with a compare-and-swap of zero for zero: a page the appender has already written is left as it is, a fresh
 * page is faulted in. Chronicle Queue's own pretoucher is an enterprise feature; in the open-source build an
 * appender's {@code pretouch()} does not work (it recurses until the stack overflows).
 *
 * <p>Best effort: a failure is logged once and the toucher carries on; the appender maps and faults pages itself
 * when it gets there first.
 */
final class JournalPretoucher implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(JournalPretoucher.class.getName());
    private static final long PAGE = 4096;

    private final SingleChronicleQueue queue;
    private final long aheadBytes;
    private final ReferenceOwner owner = ReferenceOwner.temporary("p2px-journal-pretoucher");
    private SingleChronicleQueueStore store;
    private int cycle = Integer.MIN_VALUE;
    private MappedBytesStore chunk;
    private long touchedUpTo;
    private boolean failureLogged;

    JournalPretoucher(final SingleChronicleQueue queue, final long aheadBytes)
    {
        this.queue = queue;
        this.aheadBytes = aheadBytes;
    }

    /** Touches up to {@code maxPages} pages not yet touched ahead of the write position; returns how many. */
    int touch(final int maxPages)
    {
        try
        {
            return touchAhead(maxPages);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (!failureLogged)
            {
                failureLogged = true;
                LOG.log(System.Logger.Level.WARNING, "journal pretouch failed; appends will fault pages themselves", ex);
            }
            releaseChunk();
            return 0;
        }
    }

    private int touchAhead(final int maxPages) throws IOException
    {
        followCycle();
        if (store == null)
        {
            return 0;
        }
        final long writePosition = store.writePosition();
        final long from = Math.max(touchedUpTo, (writePosition & ~(PAGE - 1)) + PAGE);
        final long to = Math.min(writePosition + aheadBytes, from + maxPages * PAGE);
        int touched = 0;
        for (long page = from; page < to; page += PAGE)
        {
            if (chunk == null || !chunk.inside(page, Long.BYTES))
            {
                releaseChunk();
                chunk = mappedFile().acquireByteStore(owner, page);
            }
            chunk.compareAndSwapLong(page, 0L, 0L);
            touchedUpTo = page + PAGE;
            touched++;
        }
        return touched;
    }

    /** Holds the store of the queue's current cycle once its file exists, letting go of the previous one. */
    private void followCycle()
    {
        final int current = queue.cycle();
        if (current == cycle)
        {
            return;
        }
        final SingleChronicleQueueStore next = queue.storeForCycle(current, queue.epoch(), false, store);
        if (next == null)
        {
            return;
        }
        releaseChunk();
        if (store != null && store != next)
        {
            queue.closeStore(store);
        }
        store = next;
        cycle = current;
        touchedUpTo = 0;
    }

    private MappedFile mappedFile()
    {
        return store.bytes().mappedFile();
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
        releaseChunk();
        if (store != null)
        {
            queue.closeStore(store);
            store = null;
        }
    }
}
