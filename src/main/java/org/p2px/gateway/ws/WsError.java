package org.p2px.gateway.ws;

/** A reply's error: the stable upper-snake code clients match on and a message for people. */
public record WsError(String code, String message)
{
}
