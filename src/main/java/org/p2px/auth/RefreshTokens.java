package org.p2px.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.readmodel.RefreshToken;

/**
 * Opaque refresh tokens (256 random bits), stored as SHA-256 only: a fast hash is enough for a random token,
 * and a database leak yields nothing usable. Each use rotates: the token is spent and a new one of the same
 * family is issued. Presenting a spent token again means it was copied, so the whole family is revoked.
 */
@ApplicationScoped
public class RefreshTokens
{
    private static final int TOKEN_BYTES = 32;

    private final AuthSettings settings;

    public RefreshTokens(final AuthSettings settings)
    {
        this.settings = settings;
    }

    /** A new family, for a sign-in. */
    @Transactional
    public String issue(final long userId)
    {
        return issue(userId, UUID.randomUUID().toString(), Instant.now());
    }

    /** Spends {@code token} and returns the user id and its successor; refuses unknown, expired, spent, revoked. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Rotated rotate(final String token)
    {
        final Instant now = Instant.now();
        final RefreshToken stored = RefreshToken.findByHash(Digests.sha256Hex(token))
            .orElseThrow(() -> ApiException.of(GatewayError.INVALID_REFRESH_TOKEN));
        if (stored.revokedAt != null || stored.expiresAt.isBefore(now))
        {
            throw ApiException.of(GatewayError.INVALID_REFRESH_TOKEN);
        }
        if (stored.usedAt != null)
        {
            // The revocation must commit although the request fails: hence dontRollbackOn.
            RefreshToken.revokeFamily(stored.family, now);
            throw ApiException.of(GatewayError.REFRESH_TOKEN_REUSED);
        }
        stored.usedAt = now;
        return new Rotated(stored.userId, issue(stored.userId, stored.family, now));
    }

    /** Signs out the sign-in this token belongs to; an unknown token is already as good as revoked. */
    @Transactional
    public void revoke(final String token)
    {
        RefreshToken.findByHash(Digests.sha256Hex(token))
            .ifPresent(stored -> RefreshToken.revokeFamily(stored.family, Instant.now()));
    }

    private String issue(final long userId, final String family, final Instant now)
    {
        final String token = Digests.randomToken(TOKEN_BYTES);
        final RefreshToken stored = new RefreshToken();
        stored.tokenHash = Digests.sha256Hex(token);
        stored.userId = userId;
        stored.family = family;
        stored.createdAt = now;
        stored.expiresAt = now.plus(settings.refreshTokenTtl());
        stored.persist();
        return token;
    }

    /** The user a refresh token belonged to and the token that replaces it. */
    public record Rotated(long userId, String refreshToken)
    {
    }
}
