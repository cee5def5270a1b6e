package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code ping}: answers {@code {"pong": <server time, epoch ms>}}; a keep-alive and clock check for clients. */
@ApplicationScoped
class PingOperation implements SessionOperation
{
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
        return new Pong(System.currentTimeMillis());
    }
}
