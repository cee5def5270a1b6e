package org.p2px.gateway.ws;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code auth.login} {@code {"token": "<access token>"}}: signs the connection in, or renews its sign-in with a
 * fresh token before the old one expires (same user only).
 */
@ApplicationScoped
class TokenLoginOperation implements SessionOperation
{
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WsAuthenticator authenticator;
    private final Sessions sessions;

    TokenLoginOperation(final WsAuthenticator authenticator, final Sessions sessions)
    {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @Override
    public String name()
    {
        return "auth.login";
    }

    @Override
    public Object invoke(final Session session, final JsonNode args)
    {
        final WsLogin login = authenticator.token(WsArgs.text(args, "token"), session.address()).await()
            .atMost(TIMEOUT);
        sessions.signIn(session, login);
        return SignedIn.of(login);
    }
}
