package org.p2px.readmodel;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.p2px.readmodel.UserRole;

/** A user account. Its id is also the user's id in the trading core. */
@Entity
@Table(name = "users")
public class UserAccount extends PanacheEntityBase
{
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 32)
    public String username;

    /** The username in lower case, unique: "Alice" cannot sign up next to "alice", and either finds the account. */
    @Column(name = "username_key", nullable = false, unique = true, length = 32)
    public String usernameKey;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public UserRole role;

    @Column(name = "kyc_level", nullable = false)
    public int kycLevel;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** bcrypt of the fund password that releasing escrow asks a person for; null until set. */
    @Column(name = "fund_password_hash", length = 100)
    public String fundPasswordHash;

    /** The TOTP secret (base32), sealed by the server's secrets key; null when none was ever begun. */
    @Column(name = "totp_secret", length = 200)
    public String totpSecret;

    /** Whether the TOTP secret was confirmed with a code and is now asked for. */
    @Column(name = "totp_enabled", nullable = false)
    public boolean totpEnabled;

    /** The last 30-second step whose code was accepted: no code is good twice. */
    @Column(name = "totp_last_step", nullable = false)
    public long totpLastStep;

    /** The unused recovery codes, SHA-256 hex, comma-separated. */
    @Column(name = "totp_recovery", length = 1000)
    public String totpRecovery;

    /** The account whose username equals {@code username} ignoring case. */
    public static Optional<UserAccount> findByUsername(final String username)
    {
        return find("usernameKey", keyOf(username)).firstResultOptional();
    }

    public static String keyOf(final String username)
    {
        return username.toLowerCase(Locale.ROOT);
    }

    @PrePersist
    @PreUpdate
    void keyTheUsername()
    {
        usernameKey = keyOf(username);
    }
}
