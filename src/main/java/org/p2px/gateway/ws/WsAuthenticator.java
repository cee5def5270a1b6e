package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.p2px.auth.SignedRequest;
import org.p2px.gateway.Caller;

/**
 * Signs a connection in through the same identity providers as REST: an access token goes to SmallRye JWT, an
 * API-key signature to {@link org.p2px.auth.ApiKeyIdentityProvider} (receive window, revocation, constant-time
 * compare). Failures arrive as Quarkus' AuthenticationFailedException carrying our error code.
 */
@ApplicationScoped
public class WsAuthenticator
{
    /** The method and path an API-key sign-in signs: as a GET of /ws with no query and no body would be signed. */
    static final String SIGNED_METHOD = "GET";
    static final String SIGNED_PATH = "/ws";

    private final IdentityProviderManager identities;

    public WsAuthenticator(final IdentityProviderManager identities)
    {
        this.identities = identities;
    }

    Uni<WsLogin> token(final String token)
    {
        return identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)))
            .map(identity -> login(identity, "token"));
    }

    /** {@code signature} = hex HMAC-SHA256(secret, timestamp + "\nGET\n/ws\n\n"). */
    Uni<WsLogin> apiKey(final String keyId, final String timestamp, final String signature)
    {
        final String canonical = SignedRequest.canonical(timestamp, SIGNED_METHOD, SIGNED_PATH, "", "");
        return identities.authenticate(new SignedRequest(keyId, timestamp, signature, canonical))
            .map(identity -> login(identity, "apikey"));
    }

    private static WsLogin login(final SecurityIdentity identity, final String method)
    {
        final long expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
            ? jwt.getExpirationTime() * 1000L
            : WsLogin.NEVER;
        return new WsLogin(Caller.of(identity), expiresAt, method, identity.getAttribute("apiKeyId"));
    }
}
