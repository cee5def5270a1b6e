package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import org.p2px.api.ApiException;
import org.p2px.auth.Accounts;
import org.p2px.codec.ErrorCode;
import org.p2px.gateway.Audit;
import org.p2px.gateway.Caller;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;

/**
 * Admin: look a user up, set its role, set its KYC level. Both changes go through the trading core too, and are
 * audited.
 */
@Path("/api/v1/admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class AdminUsersResource
{
    private final SecurityIdentity identity;
    private final Accounts accounts;
    private final Audit audit;

    public AdminUsersResource(final SecurityIdentity identity, final Accounts accounts, final Audit audit)
    {
        this.audit = audit;
        this.identity = identity;
        this.accounts = accounts;
    }

    public record RoleChange(@NotNull UserRole role)
    {
    }

    public record KycChange(@NotNull @Min(0) @Max(3) Integer kycLevel)
    {
    }

    /** A user by name (the admin screens look people up as they know them); 404 UNKNOWN_USER. */
    @GET
    @Path("/users")
    public UserView byName(@QueryParam("username") final String username)
    {
        return UserView.of(QuarkusTransaction.joiningExisting().call(() ->
            UserAccount.findByUsername(username == null ? "" : username.trim()))
            .orElseThrow(() -> ApiException.of(ErrorCode.UNKNOWN_USER)));
    }

    @GET
    @Path("/users/{userId}")
    public UserView get(@PathParam("userId") final long userId)
    {
        return UserView.of(accounts.get(userId));
    }

    @PUT
    @Path("/users/{userId}/role")
    public UserView setRole(@PathParam("userId") final long userId, @Valid @NotNull final RoleChange body)
    {
        final Caller caller = Caller.of(identity);
        return UserView.of(audit.by(caller, "admin.role").with("targetUserId", userId).with("role", body.role())
            .run(() -> accounts.setRole(caller.userId(), userId, body.role())));
    }

    @PUT
    @Path("/users/{userId}/kyc")
    public UserView setKyc(@PathParam("userId") final long userId, @Valid @NotNull final KycChange body)
    {
        final Caller caller = Caller.of(identity);
        return UserView.of(audit.by(caller, "admin.kyc").with("targetUserId", userId).with("kycLevel", body.kycLevel())
            .run(() -> accounts.setKycLevel(caller.userId(), userId, body.kycLevel())));
    }
}
