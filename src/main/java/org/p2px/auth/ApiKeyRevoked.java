package org.p2px.auth;

/**
 * An API key was revoked (fired once the revocation is committed): whatever is still signed in with it, such as a
 * WebSocket connection, is signed out.
 */
public record ApiKeyRevoked(long userId, String keyId)
{
}
