package org.p2px.gateway.ws;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of {@code subscribe} and {@code unsubscribe}: the channel concerned; for {@code subscribe}, whether
 * the client's copy was resumed from its {@code since} (the updates it lacks follow) or a snapshot follows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelResult(String channel, Boolean resumed)
{
    ChannelResult(final String channel)
    {
        this(channel, null);
    }
}
