package org.p2px.auth;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.p2px.api.GatewayError;
import org.p2px.readmodel.ApiKey;

/**
 * Checks a signed request: the timestamp inside the receive window, the key known and not revoked, the signature
 * right and not seen before ({@link UsedSignatures}). The identity's principal is the key owner's user id and its roles are the key's permissions.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<SignedRequest>
{
    /** The identity attribute that names the API key a request was signed with. */
    public static final String KEY_ID_ATTRIBUTE = "apiKeyId";

    private final AuthSettings settings;
    private final ApiKeys keys;
    private final UsedSignatures usedSignatures;

    public ApiKeyIdentityProvider(final AuthSettings settings, final ApiKeys keys, final UsedSignatures usedSignatures)
    {
        this.settings = settings;
        this.keys = keys;
        this.usedSignatures = usedSignatures;
    }

    @Override
    public Class<SignedRequest> getRequestType()
    {
        return SignedRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(final SignedRequest request, final AuthenticationRequestContext context)
    {
        // The database lookup blocks: off the event loop, in a transaction of its own (which also gives it a
        // request context: authentication runs before the REST layer opens one).
        return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> verify(request)));
    }

    private SecurityIdentity verify(final SignedRequest request)
    {
        final long timestamp = SignatureRules.timestampInWindow(request.timestamp(), Instant.now().toEpochMilli(),
            settings.receiveWindow().toMillis());
        final ApiKey key = ApiKey.findByKeyId(request.keyId()).orElseThrow(() -> AuthFailure.of(GatewayError.INVALID_API_KEY));
        if (key.revoked)
        {
            throw AuthFailure.of(GatewayError.API_KEY_REVOKED);
        }
        final String expected = Digests.hmacSha256Hex(keys.secretOf(key), request.canonical());
        if (!SignatureRules.signatureMatches(expected, request.signature()))
        {
            throw AuthFailure.of(GatewayError.INVALID_SIGNATURE);
        }
        // Only a right signature is recorded: nobody without the secret can fill the table.
        usedSignatures.claim(expected, timestamp);
        final QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(String.valueOf(key.userId)))
            .addAttribute(KEY_ID_ATTRIBUTE, key.keyId);
        key.permissionSet().forEach(permission -> identity.addRole(permission.name()));
        return identity.build();
    }
}
