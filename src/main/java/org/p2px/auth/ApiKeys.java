package org.p2px.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.readmodel.ApiKey;
import org.p2px.readmodel.ApiPermission;
import org.p2px.readmodel.UserAccount;

/** A user's API keys: create (the secret is shown once), list, revoke, and open a key's secret to verify a signature. */
@ApplicationScoped
public class ApiKeys
{
    private static final int KEY_ID_BYTES = 18;
    private static final int SECRET_BYTES = 32;
    /** Active (unrevoked) keys one user may hold: enough for every bot and venue, not a table to fill. */
    public static final int MAX_ACTIVE_KEYS = 20;

    private final SecretBox secrets;
    private final Event<ApiKeyRevoked> revocations;

    public ApiKeys(final SecretBox secrets, final Event<ApiKeyRevoked> revocations)
    {
        this.secrets = secrets;
        this.revocations = revocations;
    }

    /** TOO_MANY_API_KEYS once the user has {@link #MAX_ACTIVE_KEYS} active keys. */
    @Transactional
    public Created create(final long userId, final String label, final Set<ApiPermission> permissions)
    {
        // The user's row is locked so that two creations at once cannot both pass the count.
        UserAccount.findById(userId, LockModeType.PESSIMISTIC_WRITE);
        if (ApiKey.count("userId = ?1 and revoked = false", userId) >= MAX_ACTIVE_KEYS)
        {
            throw ApiException.of(GatewayError.TOO_MANY_API_KEYS);
        }
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
