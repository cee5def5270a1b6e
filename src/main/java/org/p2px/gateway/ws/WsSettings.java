package org.p2px.gateway.ws;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * WebSocket gateway limits under {@code p2px.ws.*} (docs/protocol.md, "Limits and close codes"). Frame and message
 * sizes and the server's automatic pings are Quarkus' own keys under {@code quarkus.websockets-next.server.*}.
 */
@ConfigMapping(prefix = "p2px.ws")
public interface WsSettings
{
    RateLimit rateLimit();

    Outbound outbound();

    /** Requests of one connection accepted but not answered yet; more are refused with RATE_LIMITED. */
    @Positive
    @WithDefault("64")
    int maxPendingRequests();

    /** Channels one connection may subscribe to at once; more are refused with TOO_MANY_SUBSCRIPTIONS. */
    @Positive
    @WithDefault("32")
    int maxSubscriptions();

    /** A connection from which nothing arrived (no request, no pong to the server's pings) for this long is closed. */
    @WithDefault("PT60S")
    Duration idleTimeout();

    /** How often idle connections and expired sign-ins are looked for. */
    @WithDefault("PT5S")
    Duration sweepInterval();

    /** A token bucket per connection: {@code per-second} requests on average, bursts up to {@code burst}. */
    interface RateLimit
    {
        @Positive
        @WithDefault("20")
        int perSecond();

        @Positive

        @WithDefault("40")
        int burst();

        /** Requests refused with no second-long pause between them, after which the connection is closed with 1008. */
        @Positive
        @WithDefault("200")
        int closeAfterRefusals();
    }

    /** The bound of a connection's queue of frames written but not yet taken by the client. */
    interface Outbound
    {
        @Positive
        @WithDefault("4096")
        int maxMessages();

        /** Counted in characters of the JSON text. */
        @Positive
        @WithDefault("1048576")
        long maxBytes();

        /**
         * A public channel's updates to a connection with this many frames waiting are dropped, and a fresh
         * snapshot follows once the client has read what waits (docs/protocol.md, "Slow clients").
         */
        @WithDefault("256")
        int conflateMessages();

        /** The same, counted in characters waiting. */
        @WithDefault("262144")
        long conflateBytes();
    }
}
