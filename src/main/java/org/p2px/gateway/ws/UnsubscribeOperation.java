package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/** {@code unsubscribe} {@code {"channel"}}: no push of that channel follows the reply. */
@ApplicationScoped
class UnsubscribeOperation implements SessionOperation
{
    private final Sessions sessions;

    UnsubscribeOperation(final Sessions sessions)
    {
        this.sessions = sessions;
    }

    @Override
    public String name()
    {
        return "unsubscribe";
    }

    @Override
    public Object invoke(final Session session, final JsonNode args)
    {
        final String channel = Channels.check(WsArgs.text(args, "channel"));
        if (!sessions.unsubscribe(session, channel))
        {
            throw ApiException.of(GatewayError.NOT_SUBSCRIBED, "Not subscribed to " + channel + ".");
        }
        return new ChannelResult(channel);
    }
}
