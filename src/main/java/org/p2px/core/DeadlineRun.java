package org.p2px.core;

/**
 * One sorted FIFO run of the {@link DeadlineQueue}: entries (deadline, order id, kind) appended in order at the
 * tail and taken from the head, stored in fixed-size chunks linked head to tail. A run never copies its entries
 * to grow: a full tail chunk gets a next one from the {@link Chunks} pool, and a head chunk that has been read
 * to its end goes back to it. Growing by doubling an array instead cost the core thread milliseconds at every
 * doubling once a run held a few hundred thousand deadlines (measured: 2, 5 and 10 ms at 2^17, 2^18 and 2^19).
 */
final class DeadlineRun
{
    static final int CHUNK_ENTRIES = 4096;

    /** A chunk of entries, and the link to the next one (toward the tail). */
    static final class Chunk
    {
        final long[] deadlines = new long[CHUNK_ENTRIES];
        final long[] orderIds = new long[CHUNK_ENTRIES];
        final byte[] kinds = new byte[CHUNK_ENTRIES];
        Chunk next;
    }

    /** Chunks no run uses, for the runs of one queue to share; new ones are made only when it is empty. */
    static final class Chunks
    {
        private Chunk free;

        Chunk take()
        {
            final Chunk chunk = free;
            if (chunk == null)
            {
                return new Chunk();
            }
            free = chunk.next;
            chunk.next = null;
            return chunk;
        }

        void give(final Chunk chunk)
        {
            chunk.next = free;
            free = chunk;
        }
    }

    private final Chunks chunks;
    private Chunk head;
    private Chunk tail;
    /** Next entry to read in the head chunk. */
    private int headIndex;
    /** Next free entry in the tail chunk. */
    private int tailIndex;

    DeadlineRun(final Chunks chunks)
    {
        this.chunks = chunks;
    }

    boolean isEmpty()
    {
        return head == null;
    }

    long headDeadline()
    {
        return head.deadlines[headIndex];
    }

    long headOrderId()
    {
        return head.orderIds[headIndex];
    }

    byte headKind()
    {
        return head.kinds[headIndex];
    }

    long lastDeadline()
    {
        return tail.deadlines[tailIndex - 1];
    }

    long lastOrderId()
    {
        return tail.orderIds[tailIndex - 1];
    }

    void append(final long deadline, final long orderId, final byte kind)
    {
        if (tail == null)
        {
            head = tail = chunks.take();
            headIndex = tailIndex = 0;
        }
        else if (tailIndex == CHUNK_ENTRIES)
        {
            tail.next = chunks.take();
            tail = tail.next;
            tailIndex = 0;
        }
        tail.deadlines[tailIndex] = deadline;
        tail.orderIds[tailIndex] = orderId;
        tail.kinds[tailIndex] = kind;
        tailIndex++;
    }

    /** Removes the head entry; the run must not be empty. */
    void removeHead()
    {
        headIndex++;
        if (head == tail && headIndex == tailIndex)
        {
            clear();
        }
        else if (headIndex == CHUNK_ENTRIES)
        {
            final Chunk read = head;
            head = head.next;
            headIndex = 0;
            chunks.give(read);
        }
    }

    /** Empties the run, its chunks going back to the pool. */
    void clear()
    {
        Chunk chunk = head;
        while (chunk != null)
        {
            final Chunk next = chunk.next;
            chunks.give(chunk);
            chunk = next;
        }
        head = tail = null;
        headIndex = tailIndex = 0;
    }
}
