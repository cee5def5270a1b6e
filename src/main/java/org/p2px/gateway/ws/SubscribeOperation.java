package org.p2px.gateway.ws;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.Caller;
import org.p2px.gateway.ChannelSnapshots;
import org.p2px.readmodel.ApiPermission;

/**
 * {@code subscribe} {@code {"channel"}}. The stream is registered first and holds pushes back; then the snapshot
 * is taken; then the reply, the snapshot (seq 1) and the held pushes (seq 2, 3, ...) leave in that order. So no
 * update is lost between snapshot and updates; one already in the snapshot may come again, which is harmless
 * because pushes carry whole entities. Without a snapshot provider (not wired yet) the snapshot is {@code {}}.
 */
@ApplicationScoped
class SubscribeOperation implements SessionOperation
{
    static final String SNAPSHOT = "snapshot";

    private final Sessions sessions;
    private final WsPushes pushes;
    private final Instance<ChannelSnapshots> snapshots;

    SubscribeOperation(final Sessions sessions, final WsPushes pushes, final Instance<ChannelSnapshots> snapshots)
    {
        this.sessions = sessions;
        this.pushes = pushes;
        this.snapshots = snapshots;
    }

    @Override
    public String name()
    {
        return "subscribe";
    }

    @Override
    public Object invoke(final Session session, final JsonNode args)
    {
        final String channel = Channels.check(WsArgs.text(args, "channel"));
        final Caller caller = session.caller();
        if (Channels.isPrivate(channel) && caller == null)
        {
            throw ApiException.of(GatewayError.UNAUTHENTICATED, "Sign in to subscribe to " + channel + ".");
        }
        if (Channels.isPrivate(channel))
        {
            // The channel is the user's own data, as the READ endpoints' (a TRADE-only key does not read it).
            caller.require(ApiPermission.READ);
        }
        if (!sessions.subscribe(session, channel))
        {
            throw ApiException.of(GatewayError.ALREADY_SUBSCRIBED, "Already subscribed to " + channel + ".");
        }
        try
        {
            final Object snapshot = snapshots.isUnsatisfied() ? Map.of() : snapshots.get().snapshot(channel, caller);
            return new Start(session, channel, pushes.text(channel, SNAPSHOT, snapshot));
        }
        catch (final RuntimeException ex)
        {
            sessions.unsubscribe(session, channel);
            throw ex;
        }
    }

    /** Sends the reply, then the snapshot and what was held back. */
    private final class Start implements FollowUp
    {
        private final Session session;
        private final String channel;
        private final PushText snapshot;

        private Start(final Session session, final String channel, final PushText snapshot)
        {
            this.session = session;
            this.channel = channel;
            this.snapshot = snapshot;
        }

        @Override
        public Object result()
        {
            return new ChannelResult(channel);
        }

        @Override
        public void send(final String reply)
        {
            session.startStream(channel, reply, snapshot);
        }

        @Override
        public void abort()
        {
            sessions.unsubscribe(session, channel);
        }
    }
}
