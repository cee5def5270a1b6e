package org.p2px.readmodel;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.p2px.readmodel.ApiPermission;

/** An API key of a user's bot: the public key id, the encrypted HMAC secret, its permissions, revocation. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase
{
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "key_id", nullable = false, unique = true, length = 64)
    public String keyId;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false, length = 64)
    public String label;

    @Column(name = "secret_cipher", nullable = false)
    public String secretCipher;

    /** Comma-separated {@link ApiPermission} names: three flags do not deserve a table. */
    @Column(nullable = false, length = 64)
    public String permissions;

    @Column(nullable = false)
    public boolean revoked;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public Set<ApiPermission> permissionSet()
    {
        final Set<ApiPermission> set = EnumSet.noneOf(ApiPermission.class);
        Arrays.stream(permissions.split(",")).filter(name -> !name.isEmpty()).map(ApiPermission::valueOf)
            .forEach(set::add);
        return set;
    }

    public void permissionSet(final Set<ApiPermission> set)
    {
        permissions = set.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Optional<ApiKey> findByKeyId(final String keyId)
    {
        return find("keyId", keyId).firstResultOptional();
    }

    public static List<ApiKey> listOfUser(final long userId)
    {
        return list("userId = ?1 order by id", userId);
    }
}
