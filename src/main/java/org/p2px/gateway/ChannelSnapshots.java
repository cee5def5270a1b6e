package org.p2px.gateway;

import org.p2px.api.ApiException;

/**
 * The first push of a subscription: the channel's current state, for {@code caller} (null on a public channel
 * when nobody signed in); or, on a public channel whose client has a copy at some seq, what that copy lacks.
 * Throws {@link ApiException} for an unknown channel or market.
 */
public interface ChannelSnapshots
{
    ChannelSnapshot snapshot(String channel, Caller caller);

    /**
     * The updates of public channel {@code channel} after seq {@code since}, or null when this server does not
     * hold them all (a snapshot must do).
     */
    ChannelCatchUp catchUp(String channel, long since);
}
