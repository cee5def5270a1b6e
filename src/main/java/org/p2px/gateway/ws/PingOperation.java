package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.agrona.concurrent.EpochClock;

/**
 * {@code ping}: answers {@code {"pong": <server time, epoch ms>}}; a keep-alive and clock check for clients. The
 * time is the trading core's clock, the one its deadlines are counted on, so a client's countdowns agree with them.
 */
@ApplicationScoped
class PingOperation implements SessionOperation
{
    private final EpochClock clock;

    PingOperation(final EpochClock clock)
    {
        this.clock = clock;
    }

    record Pong(long pong)
    {
    }

    @Override
    public String name()
    {
        return "ping";
    }

    @Override
    public Object invoke(final Session session, final JsonNode args)
    {
        return new Pong(clock.time());
    }
}
