package org.p2px.gateway.feed;

/** One update of a public channel: its seq, the same for every subscriber, and what it carries. */
public record ChannelUpdate(long seq, Object data)
{
}
