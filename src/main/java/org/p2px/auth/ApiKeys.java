package org.p2px.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.readmodel.ApiKey;
import org.p2px.readmodel.ApiPermission;

/** A user's API keys: create (the secret is shown once), list, revoke, and open a key's secret to verify a signature. */
@ApplicationScoped
public class ApiKeys
{
    private static final int KEY_ID_BYTES = 18;
    private static final int SECRET_BYTES = 32;

    private final SecretBox secrets;
    private final Event<ApiKeyRevoked> revocations;

    public ApiKeys(final SecretBox secrets, final Event<ApiKeyRevoked> revocations)
    {
        this.secrets = secrets;
        this.revocations = revocations;
    }

    @Transactional
    public Created create(final long userId, final String label, final Set<ApiPermission> permissions)
    {
        final String secret = Digests.randomToken(SECRET_BYTES);
        final ApiKey key = new ApiKey();
        key.keyId = Digests.randomToken(KEY_ID_BYTES);
        key.userId = userId;
        key.label = label;
        key.secretCipher = secrets.seal(secret);
        key.permissionSet(permissions);
        key.createdAt = Instant.now();
        key.persist();
        return new Created(key, secret);
    }

    public List<ApiKey> list(final long userId)
    {
        return ApiKey.listOfUser(userId);
    }

    /**
     * Revokes one of the user's own keys; revoking twice keeps the first time. Once committed, connections still
     * signed in with the key are signed out ({@link ApiKeyRevoked}).
     */
    @Transactional
    public ApiKey revoke(final long userId, final String keyId)
    {
        final ApiKey key = ApiKey.findByKeyId(keyId).filter(found -> found.userId == userId)
            .orElseThrow(() -> ApiException.of(GatewayError.NOT_FOUND, "You have no API key " + keyId + "."));
        if (!key.revoked)
        {
            key.revoked = true;
            key.revokedAt = Instant.now();
        }
        revocations.fire(new ApiKeyRevoked(userId, keyId));
        return key;
    }

    /** The plain secret of a stored key, for signature checks only. */
    public String secretOf(final ApiKey key)
    {
        return secrets.open(key.secretCipher);
    }

    /** A new key and its secret, which is never shown again. */
    public record Created(ApiKey key, String secret)
    {
    }
}
