package org.p2px.gateway.ws;

/** The result of {@code subscribe} and {@code unsubscribe}: the channel concerned. */
public record ChannelResult(String channel)
{
}
