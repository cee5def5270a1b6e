package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.gateway.Caller;
import org.p2px.gateway.OrderAccess;
import org.p2px.readmodel.ApiPermission;

/**
 * {@code subscribe} {@code {"channel"}}. The stream is registered first and holds pushes back; then the snapshot
 * is taken; then the reply, the snapshot and the held pushes leave in that order. So no update is lost between
 * snapshot and updates. On a public channel the snapshot carries the channel's seq and the held updates it
 * already contains are dropped; on a private one the snapshot is seq 1 and an update already in it may come
 * again, which is harmless because those pushes carry whole entities.
 */
@ApplicationScoped
class SubscribeOperation implements SessionOperation
{
    private final Sessions sessions;
    private final SnapshotPushes snapshots;
    private final WsSettings settings;
    private final OrderAccess access;

    SubscribeOperation(final Sessions sessions, final SnapshotPushes snapshots, final WsSettings settings,
        final OrderAccess access)
    {
        this.sessions = sessions;
        this.snapshots = snapshots;
        this.settings = settings;
        this.access = access;
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
        if (Channels.isStaff(channel))
        {
            if (caller == null)
            {
                throw ApiException.of(GatewayError.UNAUTHENTICATED, "Sign in to subscribe to " + channel + ".");
            }
            if (!QuarkusTransaction.joiningExisting().call(() -> access.isStaff(caller)))
            {
                throw ApiException.of(GatewayError.FORBIDDEN, "The disputes channel is for arbiters and admins.");
            }
        }
        switch (sessions.subscribe(session, channel))
        {
            case ALREADY_OPEN -> throw ApiException.of(GatewayError.ALREADY_SUBSCRIBED,
                "Already subscribed to " + channel + ".");
            case TOO_MANY -> throw ApiException.of(GatewayError.TOO_MANY_SUBSCRIPTIONS,
                "A connection may hold " + settings.maxSubscriptions() + " subscriptions; unsubscribe from one first.");
            case OPENED ->
            {
            }
        }
        try
        {
            return new Start(session, channel, snapshots.snapshot(channel, caller));
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
        private final Push snapshot;

        private Start(final Session session, final String channel, final Push snapshot)
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
