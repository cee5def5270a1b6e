package org.p2px.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An operation of the connection itself (sign-in, subscriptions, ping): it sees the session rather than only the
 * caller, and anonymous connections may call it.
 */
interface SessionOperation
{
    String name();

    Object invoke(Session session, JsonNode args);
}
