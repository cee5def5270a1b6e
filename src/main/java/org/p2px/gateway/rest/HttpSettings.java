package org.p2px.gateway.rest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** HTTP settings of p2px's own under {@code p2px.http.*} (Quarkus' are under {@code quarkus.http.*}). */
@ConfigMapping(prefix = "p2px.http")
public interface HttpSettings
{
    /** How long a client may take to send a request's body once its headers arrived; then 408 and the connection closes. */
    @WithDefault("PT10S")
    Duration bodyTimeout();

    /** Open connections one client address may hold (HTTP and WebSocket); the next is 429 and closed; 0: no cap. */
    @WithDefault("256")
    int maxConnectionsPerAddress();

    /** Loopback addresses are not capped: a reverse proxy on the same host, the operator's own tools. */
    @WithDefault("true")
    boolean exemptLoopback();
}
