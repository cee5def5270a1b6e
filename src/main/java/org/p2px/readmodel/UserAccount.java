package org.p2px.readmodel;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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

    public static Optional<UserAccount> findByUsername(final String username)
    {
        return find("username", username).firstResultOptional();
    }
}
