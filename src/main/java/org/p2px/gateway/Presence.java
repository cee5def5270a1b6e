package org.p2px.gateway;

/**
 * Who is online now, as the WebSocket gateway knows it (a user with at least one open connection). Profiles
 * show the flag; without an implementation every user shows as offline.
 */
public interface Presence
{
    boolean isOnline(long userId);
}
