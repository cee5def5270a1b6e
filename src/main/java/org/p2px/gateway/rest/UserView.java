package org.p2px.gateway.rest;

import java.time.Instant;

import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;

/** A user as the API shows it (never the entity, never the password hash). */
public record UserView(long id, String username, UserRole role, int kycLevel, Instant createdAt)
{
    public static UserView of(final UserAccount user)
    {
        return new UserView(user.id, user.username, user.role, user.kycLevel, user.createdAt);
    }
}
