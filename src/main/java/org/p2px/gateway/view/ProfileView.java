package org.p2px.gateway.view;

import java.time.Instant;

/**
 * A user's public profile. Rates are decimal strings between "0" and "1" (null with nothing to rate yet);
 * average times in seconds (null with no sample).
 */
public record ProfileView(long userId, String username, String role, long completedOrders,
    long completedOrders30d, String completionRate30d, Long avgPaySeconds, Long avgReleaseSeconds,
    String positiveRate, long feedbackCount, long accountAgeDays, boolean online, Instant registeredAt)
{
}
