package org.p2px.gateway;

import java.util.EnumSet;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.auth.AccessTokens;
import org.p2px.readmodel.ApiPermission;

/**
 * Who is asking, as both gateways see it: the user, what the credential may do (an access token may read and
 * trade; an API key only what it was granted), and whether a person signed in (API keys never are one).
 */
public record Caller(long userId, Set<ApiPermission> permissions, boolean person)
{
    public static Caller of(final SecurityIdentity identity)
    {
        if (identity == null || identity.isAnonymous())
        {
            throw ApiException.of(GatewayError.UNAUTHENTICATED);
        }
        final Set<ApiPermission> permissions = EnumSet.noneOf(ApiPermission.class);
        for (final ApiPermission permission : ApiPermission.values())
        {
            if (identity.hasRole(permission.name()))
            {
                permissions.add(permission);
            }
        }
        return new Caller(Long.parseLong(identity.getPrincipal().getName()), permissions,
            identity.hasRole(AccessTokens.PERSON));
    }

    /** Refuses with FORBIDDEN unless the credential carries {@code permission}. */
    public Caller require(final ApiPermission permission)
    {
        if (!permissions.contains(permission))
        {
            throw ApiException.of(GatewayError.FORBIDDEN, "This credential lacks the " + permission + " permission.");
        }
        return this;
    }
}
