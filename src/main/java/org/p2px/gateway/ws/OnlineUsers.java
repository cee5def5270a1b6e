package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether a user has at least one signed-in WebSocket connection open (profiles show it). */
@ApplicationScoped
public class OnlineUsers
{
    private final Sessions sessions;

    public OnlineUsers(final Sessions sessions)
    {
        this.sessions = sessions;
    }

    public boolean isOnline(final long userId)
    {
        return sessions.isOnline(userId);
    }
}
