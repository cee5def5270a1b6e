package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.gateway.Presence;

/** Whether a user has at least one signed-in WebSocket connection open (profiles show it). */
@ApplicationScoped
public class OnlineUsers implements Presence
{
    private final Sessions sessions;

    public OnlineUsers(final Sessions sessions)
    {
        this.sessions = sessions;
    }

    @Override
    public boolean isOnline(final long userId)
    {
        return sessions.isOnline(userId);
    }
}
