package org.p2px.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates requests signed with an API key (as Binance does): the key id, a millisecond timestamp and the
 * HMAC-SHA256 of the canonical request in three headers. Requests without the key header are left to the other
 * mechanisms (a bearer token). The body is signed too: the gateway's body reader has read it onto the routing
 * context, from which the REST layer reads it as well.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism
{
    public static final String KEY_HEADER = "X-P2PX-APIKEY";
    public static final String TIMESTAMP_HEADER = "X-P2PX-TIMESTAMP";
    public static final String SIGNATURE_HEADER = "X-P2PX-SIGNATURE";

    @Override
    public Uni<SecurityIdentity> authenticate(final RoutingContext context, final IdentityProviderManager identities)
    {
        final HttpServerRequest request = context.request();
        final String keyId = request.getHeader(KEY_HEADER);
        if (keyId == null)
        {
            return Uni.createFrom().optional(Optional.empty());
        }
        final String timestamp = String.valueOf(request.getHeader(TIMESTAMP_HEADER));
        final String canonical = SignedRequest.canonical(timestamp, request.method().name(), request.path(),
            request.query(), body(context));
        final SignedRequest signed = new SignedRequest(keyId, timestamp,
            String.valueOf(request.getHeader(SIGNATURE_HEADER)), canonical);
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(signed, context));
    }

    /** The body, read onto the routing context before authentication; none for a request without one. */
    private static String body(final RoutingContext context)
    {
        final Buffer body = context.getBody();
        return body == null ? "" : body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Uni<ChallengeData> getChallenge(final RoutingContext context)
    {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes()
    {
        return Set.of(SignedRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(final RoutingContext context)
    {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, KEY_HEADER));
    }
}
