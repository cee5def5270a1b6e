package org.p2px.live;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;

/**
 * The events an accepted command produced (starting with CommandAccepted) and the batch they were journaled
 * under. Valid only during the {@link AnswerReader#read} call it is given to; {@link #copy()} keeps it.
 */
public final class CommandReply
{
    private final UnsafeBuffer events = new UnsafeBuffer(new byte[0]);
    private long batchSequence;

    void wrap(final long batchSequence, final DirectBuffer buffer, final int offset, final int length)
    {
        this.batchSequence = batchSequence;
        events.wrap(buffer, offset, length);
    }

    public long batchSequence()
    {
        return batchSequence;
    }

    /** Decodes the events into {@code handler}. */
    public void replay(final EventHandler handler)
    {
        new EventAdapter(handler).onBatch(events, 0, events.capacity());
    }

    /** The events as a private copy. */
    public byte[] copy()
    {
        final byte[] copy = new byte[events.capacity()];
        events.getBytes(0, copy);
        return copy;
    }
}
