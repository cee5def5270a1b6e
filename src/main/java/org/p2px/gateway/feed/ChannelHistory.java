package org.p2px.gateway.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A public channel's recent updates, chained by their {@code prev}, so that a client that had the channel at some
 * seq (on this server or on another gateway of the same engine) can be sent what it missed instead of a snapshot.
 * The chain starts where this server started to follow the channel; the oldest updates fall off past a bound.
 */
final class ChannelHistory
{
    private final int capacity;
    private final ArrayDeque<ChannelUpdate> updates;
    private long last;

    ChannelHistory(final int capacity)
    {
        this.capacity = capacity;
        this.updates = new ArrayDeque<>(Math.min(capacity, 64));
    }

    /** Starts a new chain: the channel is known as it is at batch {@code at}, nothing of before. */
    void restart(final long at)
    {
        updates.clear();
        last = at;
    }

    /** The next update of the chain, at batch {@code seq}, kept for clients that resume. */
    ChannelUpdate next(final long seq, final Object data)
    {
        final ChannelUpdate update = new ChannelUpdate(seq, last, data);
        if (updates.size() == capacity)
        {
            updates.removeFirst();
        }
        updates.addLast(update);
        last = seq;
        return update;
    }

    /**
     * What a client whose copy is at {@code since} lacks, oldest first (empty when nothing changed since), or null
     * when this history cannot tell: {@code since} is before the chain's start or its oldest kept update.
     */
    List<ChannelUpdate> after(final long since)
    {
        if (since >= last)
        {
            return List.of();
        }
        final List<ChannelUpdate> missed = new ArrayList<>();
        final Iterator<ChannelUpdate> newestFirst = updates.descendingIterator();
        while (newestFirst.hasNext())
        {
            final ChannelUpdate update = newestFirst.next();
            missed.add(update);
            if (update.prev() <= since)
            {
                Collections.reverse(missed);
                return missed;
            }
        }
        return null;
    }
}
