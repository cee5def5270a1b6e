package org.p2px.gateway;

import org.p2px.api.ApiException;

/**
 * The first push of a subscription: the channel's current state, for {@code caller} (null on a public channel
 * when nobody signed in). Throws {@link ApiException} for an unknown channel or market.
 */
public interface ChannelSnapshots
{
    ChannelSnapshot snapshot(String channel, Caller caller);
}
