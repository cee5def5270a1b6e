package org.p2px.gateway.rest;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user's id: the principal name of both access tokens and API key identities. */
public final class CurrentUser
{
    private CurrentUser()
    {
    }

    public static long id(final SecurityIdentity identity)
    {
        return Long.parseLong(identity.getPrincipal().getName());
    }
}
