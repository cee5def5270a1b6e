package org.p2px.gateway.ws;

import java.util.ArrayList;
import java.util.List;

/**
 * One subscription of one connection: the last seq sent and, while a snapshot is being taken, the pushes held
 * back to follow it. A public channel's stream may go stale when its client falls behind: its updates are then
 * dropped until the client has caught up and a fresh snapshot restarts it. Guarded by its session.
 */
final class ChannelStream
{
    private long seq;
    private List<Push> held = new ArrayList<>();
    private boolean stale;

    boolean live()
    {
        return held == null;
    }

    boolean stale()
    {
        return stale;
    }

    /** Drops updates from now on: the client is too far behind; a fresh snapshot will replace them. */
    void markStale()
    {
        stale = true;
    }

    /** Holds pushes back again while the fresh snapshot of a stale stream is taken. */
    void restartHolding()
    {
        held = new ArrayList<>();
        stale = false;
    }

    /** False when {@code max} pushes are already held: the client is too slow for this subscription. */
    boolean hold(final Push push, final int max)
    {
        if (held.size() >= max)
        {
            return false;
        }
        held.add(push);
        return true;
    }

    /**
     * Starts from {@code start}: its frames, then the held pushes they do not already contain, in order. The
     * stream is live from now on.
     */
    List<String> start(final StreamStart start)
    {
        final List<String> frames = new ArrayList<>(held.size() + start.first().size());
        for (final Push push : start.first())
        {
            frames.add(push instanceof ChannelFrame frame ? frame.text() : ((PushText)push).frame(++seq));
        }
        if (start.at() != StreamStart.PER_CONNECTION)
        {
            seq = start.at();
        }
        for (final Push push : held)
        {
            final String frame = frameOf(push);
            if (frame != null)
            {
                frames.add(frame);
            }
        }
        held = null;
        return frames;
    }

    /** The frame to send for a live stream's push; null for a channel update the stream has already covered. */
    String frameOf(final Push push)
    {
        if (push instanceof ChannelFrame frame)
        {
            if (frame.seq() <= seq)
            {
                return null;
            }
            seq = frame.seq();
            return frame.text();
        }
        return ((PushText)push).frame(++seq);
    }
}
