package org.p2px.gateway;

/**
 * A channel's first push: its data and, on a public channel, the channel's seq that the data reflects (updates at
 * or below it are already in it). A private channel's pushes are numbered per connection, its snapshot as 1.
 */
public record ChannelSnapshot(Object data, long channelSeq)
{
    private static final long PER_CONNECTION = -1;

    public static ChannelSnapshot perConnection(final Object data)
    {
        return new ChannelSnapshot(data, PER_CONNECTION);
    }

    public boolean numberedPerConnection()
    {
        return channelSeq == PER_CONNECTION;
    }
}
