package org.p2px.readmodel;

import org.p2px.codec.Role;

/** A user's role, as stored and as carried in access tokens; the same names as the core's {@link Role}. */
public enum UserRole
{
    USER,
    MERCHANT,
    ARBITER,
    ADMIN;

    public Role toCore()
    {
        return Role.valueOf(name());
    }
}
