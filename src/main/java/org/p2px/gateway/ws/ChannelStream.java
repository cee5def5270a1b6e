package org.p2px.gateway.ws;

import java.util.ArrayList;
import java.util.List;

/**
 * One subscription of one connection: the last seq sent and, while the snapshot is being taken, the pushes held
 * back to follow it. Guarded by its session.
 */
final class ChannelStream
{
    private long seq;
    private List<PushText> held = new ArrayList<>();

    boolean live()
    {
        return held == null;
    }

    long nextSeq()
    {
        return ++seq;
    }

    /** False when {@code max} pushes are already held: the client is too slow for this subscription. */
    boolean hold(final PushText push, final int max)
    {
        if (held.size() >= max)
        {
            return false;
        }
        held.add(push);
        return true;
    }

    /** The held pushes, in order; the stream is live from now on. */
    List<PushText> goLive()
    {
        final List<PushText> pushes = held;
        held = null;
        return pushes;
    }
}
