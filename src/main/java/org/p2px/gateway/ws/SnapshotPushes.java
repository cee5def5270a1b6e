package org.p2px.gateway.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.p2px.gateway.Caller;
import org.p2px.gateway.ChannelCatchUp;
import org.p2px.gateway.ChannelSnapshot;
import org.p2px.gateway.ChannelSnapshots;
import org.p2px.gateway.feed.ChannelUpdate;

/**
 * A channel's first pushes: its snapshot, numbered by the connection on a private channel, at the batch it
 * reflects on a public one; or, for a public channel's client that says which seq its copy is at, the updates it
 * lacks when this server still holds them all and they are fewer than a slow client may have waiting. Without a snapshot provider (not wired, as in some tests) the
 * snapshot is {@code {}}.
 */
@ApplicationScoped
class SnapshotPushes
{
    static final String SNAPSHOT = "snapshot";

    private final Instance<ChannelSnapshots> snapshots;
    private final WsPushes pushes;
    private final WsSettings settings;

    SnapshotPushes(final Instance<ChannelSnapshots> snapshots, final WsPushes pushes, final WsSettings settings)
    {
        this.snapshots = snapshots;
        this.pushes = pushes;
        this.settings = settings;
    }

    /** The snapshot, or the catch-up from {@code since} (null: none asked) where it can be had. */
    StreamStart start(final String channel, final Caller caller, final Long since)
    {
        if (since != null && Channels.isPublic(channel) && !snapshots.isUnsatisfied())
        {
            final ChannelCatchUp catchUp = snapshots.get().catchUp(channel, since);
            if (catchUp != null)
            {
                final List<Push> missed = new ArrayList<>(catchUp.updates().size());
                long chars = 0;
                for (final ChannelUpdate update : catchUp.updates())
                {
                    final ChannelFrame frame = pushes.update(channel, update.seq(), update.prev(), catchUp.type(),
                        update.data());
                    missed.add(frame);
                    chars += frame.text().length();
                }
                // More than a slow client may have waiting: a snapshot is smaller, and does not overflow the queue.
                if (missed.size() <= settings.outbound().conflateMessages() && chars <= settings.outbound().conflateBytes())
                {
                    return new StreamStart(missed, catchUp.at(), true);
                }
            }
        }
        return StreamStart.snapshot(snapshot(channel, caller));
    }

    Push snapshot(final String channel, final Caller caller)
    {
        final ChannelSnapshot snapshot = snapshots.isUnsatisfied() ? ChannelSnapshot.perConnection(Map.of())
            : snapshots.get().snapshot(channel, caller);
        return snapshot.numberedPerConnection() ? pushes.text(channel, SNAPSHOT, snapshot.data())
            : pushes.snapshot(channel, snapshot.channelSeq(), snapshot.data());
    }
}
