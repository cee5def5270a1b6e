package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.p2px.auth.SignedRequest;
import org.p2px.gateway.Audit;
import org.p2px.gateway.AuditEntry;
import org.p2px.gateway.Caller;

/**
 * Signs a connection in through the same identity providers as REST: an access token goes to SmallRye JWT, an
 * API-key signature to {@link org.p2px.auth.ApiKeyIdentityProvider} (receive window, revocation, constant-time
 * compare). Failures arrive as Quarkus' AuthenticationFailedException carrying our error code. Every sign-in is
 * audited ({@code ws.signin}, with the connection's address, which the caller then carries).
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

    /** A sign-in with an access token, from the client at {@code address}. */
    Uni<WsLogin> token(final String token, final String address)
    {
        final AuditEntry entry = Audit.from(address, "ws.signin").with("method", "token");
        return audited(entry, identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)))
            .map(identity -> login(identity, "token", address)));
    }

    /** {@code signature} = hex HMAC-SHA256(secret, timestamp + "\nGET\n/ws\n\n"). */
    Uni<WsLogin> apiKey(final String keyId, final String timestamp, final String signature, final String address)
    {
        final String canonical = SignedRequest.canonical(timestamp, SIGNED_METHOD, SIGNED_PATH, "", "");
        final AuditEntry entry = Audit.from(address, "ws.signin").with("method", "apikey").with("apiKey", keyId);
        return audited(entry, identities.authenticate(new SignedRequest(keyId, timestamp, signature, canonical))
            .map(identity -> login(identity, "apikey", address)));
    }

    private static Uni<WsLogin> audited(final AuditEntry entry, final Uni<WsLogin> login)
    {
        return login.onItemOrFailure().invoke((signedIn, failure) ->
        {
            if (signedIn != null)
            {
                entry.with("userId", signedIn.caller().userId());
            }
            entry.outcome(failure);
        });
    }

    private static WsLogin login(final SecurityIdentity identity, final String method, final String address)
    {
        final long expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
            ? jwt.getExpirationTime() * 1000L
            : WsLogin.NEVER;
        return new WsLogin(Caller.of(identity).from(address), expiresAt, method);
    }
}
