package org.p2px.gateway.rest;

/** Every failure's body: a stable upper-snake code that clients match on, and a message for people. */
public record ErrorBody(String code, String message)
{
}
