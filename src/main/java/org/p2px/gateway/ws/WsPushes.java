package org.p2px.gateway.ws;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p2px.gateway.Pushes;

/**
 * Pushes to WebSocket subscribers. The data is serialised once per call, whatever the number of receivers: a
 * public channel's frame whole (its seq and prev are the channel's), a private channel's in pieces (each
 * connection numbers its own frames). Never blocks: a receiver that cannot keep up is conflated or closed, not waited for.
 */
@Singleton
public class WsPushes implements Pushes
{
    private final Sessions sessions;
    private final ObjectMapper mapper;

    public WsPushes(final Sessions sessions, final ObjectMapper mapper)
    {
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @Override
    public void toUser(final long userId, final String channel, final String type, final Object data)
    {
        if (!Channels.isPrivate(channel))
        {
            throw new IllegalArgumentException("not a private channel: " + channel);
        }
        if (sessions.isOnline(userId))
        {
            sessions.toUser(userId, channel, text(channel, type, data));
        }
    }

    @Override
    public void toChannel(final String channel, final long seq, final long prev, final String type, final Object data)
    {
        if (!Channels.isPublic(channel))
        {
            throw new IllegalArgumentException("not a public channel: " + channel);
        }
        if (sessions.hasSubscribers(channel))
        {
            sessions.toChannel(channel, update(channel, seq, prev, type, data));
        }
    }

    @Override
    public void toStaff(final String type, final Object data)
    {
        if (sessions.hasSubscribers(Channels.DISPUTES))
        {
            sessions.toChannel(Channels.DISPUTES, text(Channels.DISPUTES, type, data));
        }
    }

    @Override
    public boolean hasStaffSubscribers()
    {
        return sessions.hasSubscribers(Channels.DISPUTES);
    }

    @Override
    public boolean isOnline(final long userId)
    {
        return sessions.isOnline(userId);
    }

    @Override
    public boolean hasSubscribers(final String channel)
    {
        return sessions.hasSubscribers(channel);
    }

    PushText text(final String channel, final String type, final Object data)
    {
        return new PushText(json(channel, type, channel), json(channel, type, type), json(channel, type, data));
    }

    /** A public channel's snapshot: the state at batch {@code seq}. */
    ChannelFrame snapshot(final String channel, final long seq, final Object data)
    {
        return new ChannelFrame(seq, text(channel, SnapshotPushes.SNAPSHOT, data).frame(seq));
    }

    /** A public channel's update from batch {@code seq}, for a copy at {@code prev} or later. */
    ChannelFrame update(final String channel, final long seq, final long prev, final String type, final Object data)
    {
        return new ChannelFrame(seq, text(channel, type, data).frame(seq, prev));
    }

    private String json(final String channel, final String type, final Object value)
    {
        try
        {
            return mapper.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException("cannot serialise a " + type + " push on " + channel, ex);
        }
    }
}
