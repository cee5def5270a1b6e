package org.p2px.gateway.ws;

import org.p2px.gateway.Caller;

/**
 * Who a connection signed in as (with which API key, null for a token, and from which address: the caller's),
 * until when (epoch milliseconds: an access token's expiry; API-key sign-ins do not expire), and how
 * ({@code "token"} or {@code "apikey"}).
 */
record WsLogin(Caller caller, long expiresAtMillis, String method)
{
    static final long NEVER = Long.MAX_VALUE;

    boolean expired(final long nowMillis)
    {
        return nowMillis >= expiresAtMillis;
    }
}
