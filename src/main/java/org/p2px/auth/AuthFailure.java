package org.p2px.auth;

import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;
import org.p2px.api.GatewayError;

/**
 * Authentication refused for a reason the client should know (stale timestamp, revoked key, ...): the reason
 * travels as an attribute of Quarkus' (final) exception, where the error mapper finds it.
 */
public final class AuthFailure
{
    private static final String ERROR_ATTRIBUTE = "p2px.error";

    private AuthFailure()
    {
    }

    public static AuthenticationFailedException of(final GatewayError error)
    {
        return new AuthenticationFailedException(error.message(), Map.of(ERROR_ATTRIBUTE, error));
    }

    /** The reason recorded by {@link #of}, or INVALID_TOKEN for failures from elsewhere (SmallRye JWT). */
    public static GatewayError errorOf(final AuthenticationFailedException ex)
    {
        final GatewayError error = ex.getAttribute(ERROR_ATTRIBUTE);
        return error == null ? GatewayError.INVALID_TOKEN : error;
    }
}
