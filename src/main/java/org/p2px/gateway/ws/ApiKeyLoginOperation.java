package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code auth.apikey} {@code {"keyId", "timestamp", "signature"}}: signs the connection in with an API key. The
 * signature is the lowercase hex HMAC-SHA256, under the key's secret, of the canonical request of a {@code GET /ws}
 * with no query and no body: {@code "<timestamp>\nGET\n/ws\n\n"}; the timestamp (epoch ms) must be inside the
 * receive window, as for REST. The connection gets the key's permissions.
 */
@ApplicationScoped
class ApiKeyLoginOperation implements SessionOperation
{
    private final WsAuthenticator authenticator;
    private final Sessions sessions;

    ApiKeyLoginOperation(final WsAuthenticator authenticator, final Sessions sessions)
    {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @Override
    public String name()
    {
        return "auth.apikey";
    }

    @Override
    public Object invoke(final Session session, final JsonNode args)
    {
        final WsLogin login = authenticator.apiKey(WsArgs.text(args, "keyId"), WsArgs.text(args, "timestamp"),
            WsArgs.text(args, "signature"), session.address()).await().atMost(TokenLoginOperation.TIMEOUT);
        sessions.signIn(session, login);
        return SignedIn.of(login);
    }
}
