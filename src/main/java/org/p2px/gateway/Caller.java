package org.p2px.gateway;

import java.util.EnumSet;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.auth.AccessTokens;
import org.p2px.auth.ApiKeyIdentityProvider;
import org.p2px.readmodel.ApiPermission;

/**
 * Who is asking, as both gateways see it: the user, what the credential may do (an access token may read and
 * trade; an API key only what it was granted), whether a person signed in (API keys never are one), with which
 * API key (null for a token), and from which client address (null for the server's own calls, such as the demo
 * data). The key and the address are for the audit log ({@link Audit}); nothing decides on them.
 */
public record Caller(long userId, Set<ApiPermission> permissions, boolean person, String apiKeyId, String address)
{
    /** The identity attribute that holds the client's address (REST: set by ClientAddressAugmentor). */
    public static final String ADDRESS = "p2px.address";

    /** The server calling on a user's behalf: no key, no address. */
    public Caller(final long userId, final Set<ApiPermission> permissions, final boolean person)
    {
        this(userId, permissions, person, null, null);
    }

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
            identity.hasRole(AccessTokens.PERSON), identity.getAttribute(ApiKeyIdentityProvider.KEY_ID_ATTRIBUTE),
            identity.getAttribute(ADDRESS));
    }

    /** The same caller asking from {@code clientAddress} (a WebSocket connection's, known after the sign-in). */
    public Caller from(final String clientAddress)
    {
        return new Caller(userId, permissions, person, apiKeyId, clientAddress);
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
