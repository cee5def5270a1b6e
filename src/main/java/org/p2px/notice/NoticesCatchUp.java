package org.p2px.notice;

/**
 * Time to look in the database for what the other gateways stored but did not announce here: a notice is lost when
 * this gateway's listener was reconnecting, or when the telling gateway died between its commit and its
 * {@code pg_notify}. A CDI event, on a thread of its own ({@code p2px-notices-catch-up}), once at start and then every
 * {@code p2px.cluster.notice-catch-up-interval}; only where notices run ({@link GatewayNotices}).
 */
public record NoticesCatchUp()
{
}
