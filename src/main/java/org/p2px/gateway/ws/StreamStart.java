package org.p2px.gateway.ws;

import java.util.List;

/**
 * How a subscription's pushes begin: a snapshot, or, for a public channel's client that resumed from its seq, the
 * updates its copy lacks (possibly none). On a public channel {@code at} is the channel's seq that these frames
 * reach (an update held back meanwhile at or below it is dropped); on a private one {@link #PER_CONNECTION}: the
 * snapshot is numbered by the connection.
 */
record StreamStart(List<Push> first, long at, boolean resumed)
{
    static final long PER_CONNECTION = -1;

    static StreamStart snapshot(final Push snapshot)
    {
        return new StreamStart(List.of(snapshot),
            snapshot instanceof ChannelFrame frame ? frame.seq() : PER_CONNECTION, false);
    }
}
