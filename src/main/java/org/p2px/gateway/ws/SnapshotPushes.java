package org.p2px.gateway.ws;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.p2px.gateway.Caller;
import org.p2px.gateway.ChannelSnapshot;
import org.p2px.gateway.ChannelSnapshots;

/**
 * A channel's snapshot as its first push: numbered by the connection on a private channel, at the channel's own
 * seq on a public one. Without a snapshot provider (not wired, as in some tests) the snapshot is {@code {}}.
 */
@ApplicationScoped
class SnapshotPushes
{
    static final String SNAPSHOT = "snapshot";

    private final Instance<ChannelSnapshots> snapshots;
    private final WsPushes pushes;

    SnapshotPushes(final Instance<ChannelSnapshots> snapshots, final WsPushes pushes)
    {
        this.snapshots = snapshots;
        this.pushes = pushes;
    }

    Push snapshot(final String channel, final Caller caller)
    {
        final ChannelSnapshot snapshot = snapshots.isUnsatisfied() ? ChannelSnapshot.perConnection(Map.of())
            : snapshots.get().snapshot(channel, caller);
        return snapshot.numberedPerConnection() ? pushes.text(channel, SNAPSHOT, snapshot.data())
            : pushes.frame(channel, snapshot.channelSeq(), SNAPSHOT, snapshot.data());
    }
}
