package org.p2px.gateway.feed;

/**
 * One update of a public channel, the same for every subscriber on every gateway of one engine: {@code seq} is the
 * engine batch it comes from, {@code prev} an earlier batch since which the channel had not changed before it (the
 * seq of its previous update, or the batch at which this server started to follow the channel). A client whose
 * copy is at a seq from {@code prev} to {@code seq - 1} applies it; one further back missed something.
 */
public record ChannelUpdate(long seq, long prev, Object data)
{
}
