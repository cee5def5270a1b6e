package org.p2px.auth;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;

/**
 * An access token names the role its user had when it was issued, and lives 15 minutes. For staff roles that is
 * too long: an admin or arbiter who has been demoted must lose the staff reads at once, not when the token expires
 * (the core already refuses their staff commands). So a token that claims ADMIN or ARBITER is checked against the
 * user's role now, and the staff role is dropped when the user no longer has it. Other tokens pass untouched.
 */
@ApplicationScoped
public class CurrentStaffRole implements SecurityIdentityAugmentor
{
    private static final Set<String> STAFF = Set.of(UserRole.ADMIN.name(), UserRole.ARBITER.name());

    @Override
    public Uni<SecurityIdentity> augment(final SecurityIdentity identity, final AuthenticationRequestContext context)
    {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken) || !claimsStaff(identity))
        {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> withCurrentRole(identity));
    }

    private static boolean claimsStaff(final SecurityIdentity identity)
    {
        for (final String role : identity.getRoles())
        {
            if (STAFF.contains(role))
            {
                return true;
            }
        }
        return false;
    }

    private static SecurityIdentity withCurrentRole(final SecurityIdentity identity)
    {
        final long userId = Long.parseLong(identity.getPrincipal().getName());
        final UserRole current = QuarkusTransaction.requiringNew().call(() ->
        {
            final UserAccount user = UserAccount.findById(userId);
            return user == null ? null : user.role;
        });
        final Set<String> roles = new HashSet<>(identity.getRoles());
        roles.removeAll(STAFF);
        if (current != null)
        {
            roles.add(current.name());
        }
        if (roles.equals(identity.getRoles()))
        {
            return identity;
        }
        return QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addCredentials(identity.getCredentials())
            .addAttributes(identity.getAttributes())
            .addRoles(roles)
            .build();
    }
}
