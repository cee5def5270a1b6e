package org.p2px.journal;

import java.io.IOException;

import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import org.agrona.concurrent.Agent;

/**
 * Touches the journal's file ahead of the appender, on a thread of its own, so that the core thread's appends
 * find their pages already mapped and in memory. Without it, an append that crosses into a new page takes a page
 * fault (the filesystem allocates the page, at times waiting for its own journal), and one that crosses into a
 * new chunk of the file first maps that chunk; either can stall an append for milliseconds.
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
final class JournalPretoucher implements Agent
{
    private static final System.Logger LOG = System.getLogger(JournalPretoucher.class.getName());
    private static final long PAGE = 4096;
    private static final int PAGES_PER_DUTY_CYCLE = 256;

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

    @Override
    public String roleName()
    {
        return "p2px-journal-pretoucher";
    }

    @Override
    public int doWork()
    {
        try
        {
            return touchAhead();
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

    private int touchAhead() throws IOException
    {
        followCycle();
        if (store == null)
        {
            return 0;
        }
        final long writePosition = store.writePosition();
        final long from = Math.max(touchedUpTo, (writePosition & ~(PAGE - 1)) + PAGE);
        final long to = Math.min(writePosition + aheadBytes, from + PAGES_PER_DUTY_CYCLE * PAGE);
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
    public void onClose()
    {
        releaseChunk();
        if (store != null)
        {
            queue.closeStore(store);
            store = null;
        }
    }
}
