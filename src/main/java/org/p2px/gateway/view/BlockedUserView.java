package org.p2px.gateway.view;

import java.time.Instant;

/** A user the caller has blocked: they cannot trade with each other nor see each other's ads. */
public record BlockedUserView(long userId, String username, Instant blockedAt)
{
}
