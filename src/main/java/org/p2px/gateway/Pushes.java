package org.p2px.gateway;

/**
 * Where projected changes go out to WebSocket subscribers. Private channels ({@code orders}, {@code balances},
 * {@code chat}) reach one user's subscribed connections; public channels ({@code book.<market>},
 * {@code index.<market>}) reach everyone subscribed. A private channel's pushes are numbered per connection; a
 * public channel's carry the engine batch they come from as seq and the seq before which the channel last changed
 * as prev, the same for every subscriber, so they are encoded once.
 * {@code data} is a view record that serialises to JSON.
 */
public interface Pushes
{
    void toUser(long userId, String channel, String type, Object data);

    void toChannel(String channel, long seq, long prev, String type, Object data);

    /** To every connection subscribed to the staff's {@code disputes} channel (each numbers its own frames). */
    void toStaff(String type, Object data);

    /** True when an arbiter or admin is subscribed to {@code disputes}. */
    boolean hasStaffSubscribers();

    /** True when the user has a connection open: pushes to others need no view built. */
    boolean isOnline(long userId);

    /** True when someone is subscribed to the public channel. */
    boolean hasSubscribers(String channel);
}
