package org.p2px.auth;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import org.p2px.readmodel.ApiPermission;
import org.p2px.readmodel.UserAccount;

/**
 * Issues RS256 access tokens. The principal name ({@code upn}) is the user id, as it is for API keys, so that
 * endpoints find the user the same way whichever way the caller signed in. Groups: the role, the permissions a
 * person has (READ, TRADE) and {@link #PERSON}, which API keys never have.
 */
@ApplicationScoped
public class AccessTokens
{
    /** The group of a person signed in with a password: managing API keys needs it. */
    public static final String PERSON = "PERSON";

    private final AuthSettings settings;
    private final KeyFiles keys;

    public AccessTokens(final AuthSettings settings, final KeyFiles keys)
    {
        this.settings = settings;
        this.keys = keys;
    }

    public String issue(final UserAccount user)
    {
        final Set<String> groups = new LinkedHashSet<>();
        groups.add(user.role.name());
        groups.add(ApiPermission.READ.name());
        groups.add(ApiPermission.TRADE.name());
        groups.add(PERSON);
        return Jwt.issuer(settings.issuer())
            .upn(String.valueOf(user.id))
            .subject(String.valueOf(user.id))
            .claim("preferred_username", user.username)
            .groups(groups)
            .expiresIn(settings.accessTokenTtl())
            .jws()
            .sign(keys.signingKey());
    }

    public long ttlSeconds()
    {
        return settings.accessTokenTtl().toSeconds();
    }
}
