package org.p2px.gateway.ws;

import org.p2px.gateway.Caller;

/**
 * Who a connection signed in as, until when (epoch milliseconds: an access token's expiry; API-key sign-ins do
 * not expire), how ({@code "token"} or {@code "apikey"}), and with which API key (null for a token).
 */
record WsLogin(Caller caller, long expiresAtMillis, String method, String apiKeyId)
{
    static final long NEVER = Long.MAX_VALUE;

    boolean expired(final long nowMillis)
    {
        return nowMillis >= expiresAtMillis;
    }
}
