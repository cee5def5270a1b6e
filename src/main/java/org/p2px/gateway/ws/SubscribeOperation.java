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
 * {@code subscribe} {@code {"channel", "since"}}. The stream is registered first and holds pushes back; then the
 * snapshot is taken; then the reply, the snapshot and the held pushes leave in that order. So no update is lost
 * between snapshot and updates. On a public channel the snapshot carries the batch it reflects as seq and the held
 * updates it already contains are dropped; on a private one the snapshot is seq 1 and an update already in it may
 * come again, which is harmless because those pushes carry whole entities. A public channel's client that gives
 * the seq of its copy ({@code since}, from this gateway or another of the same engine) gets, instead of the
 * snapshot, the updates after it when this server holds them all ({@code "resumed": true}).
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
        final Long since = since(args);
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
            return new Start(session, channel, snapshots.start(channel, caller, since));
        }
        catch (final RuntimeException ex)
        {
            sessions.unsubscribe(session, channel);
            throw ex;
        }
    }

    /** The seq of the client's copy of a public channel, when it gives one: a whole number from 0. */
    private static Long since(final JsonNode args)
    {
        final JsonNode since = args.get("since");
        if (since == null || since.isNull())
        {
            return null;
        }
        if (!since.isIntegralNumber() || !since.canConvertToLong())
        {
            throw ApiException.of(GatewayError.MALFORMED_REQUEST,
                "'since' must be a whole number, such as 42 (not a string or a fraction).");
        }
        if (since.longValue() < 0)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "since must be 0 or more");
        }
        return since.longValue();
    }

    /** Sends the reply, then the snapshot (or the catch-up) and what was held back. */
    private final class Start implements FollowUp
    {
        private final Session session;
        private final String channel;
        private final StreamStart start;

        private Start(final Session session, final String channel, final StreamStart start)
        {
            this.session = session;
            this.channel = channel;
            this.start = start;
        }

        @Override
        public Object result()
        {
            return new ChannelResult(channel, start.resumed());
        }

        @Override
        public void send(final String reply)
        {
            session.startStream(channel, reply, start);
        }

        @Override
        public void abort()
        {
            sessions.unsubscribe(session, channel);
        }
    }
}
