package org.p2px.server;

import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;

/**
 * The events an accepted command produced (a private copy, starting with CommandAccepted) and the batch
 * sequence under which they were journaled.
 */
public record CoreReply(long batchSequence, byte[] events)
{
    /** Decodes the events into {@code handler}, on the caller's thread. */
    public void replay(final EventHandler handler)
    {
        new EventAdapter(handler).onBatch(new UnsafeBuffer(events), 0, events.length);
    }
}
