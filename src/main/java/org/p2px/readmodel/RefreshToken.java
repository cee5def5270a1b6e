package org.p2px.readmodel;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One refresh token, stored as its SHA-256 only. Tokens descending from one sign-in share a family: each use
 * rotates the token, and presenting a used one again revokes the whole family (someone copied it).
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase
{
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    public String tokenHash;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false, length = 36)
    public String family;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<RefreshToken> findByHash(final String tokenHash)
    {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** Revokes every live token of a family; returns how many. */
    public static int revokeFamily(final String family, final Instant now)
    {
        return update("revokedAt = ?1 where family = ?2 and revokedAt is null", now, family);
    }
}
