package org.p2px.gateway.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.p2px.auth.AccessTokens;
import org.p2px.auth.Accounts;
import org.p2px.auth.ApiKeys;
import org.p2px.auth.TwoFactor;
import org.p2px.gateway.Audit;
import org.p2px.gateway.AuditEntry;
import org.p2px.gateway.Caller;
import org.p2px.readmodel.ApiKey;
import org.p2px.readmodel.ApiPermission;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The caller's own account, and the API keys of its bots (managed by the person only, never by a key). Every change
 * of a credential is audited: fund password, authenticator on or off, API key created or revoked (its id, never
 * its secret).
 */
@Path("/api/v1/account")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource
{
    private final SecurityIdentity identity;
    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final TwoFactor twoFactor;
    private final Audit audit;

    public AccountResource(final SecurityIdentity identity, final Accounts accounts, final ApiKeys apiKeys,
        final TwoFactor twoFactor, final Audit audit)
    {
        this.audit = audit;
        this.identity = identity;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.twoFactor = twoFactor;
    }

    /** A new key; {@code totpCode} is asked for when the user has an authenticator. */
    public record NewApiKey(
        @NotNull @Pattern(regexp = "[ -~]{1,64}", message = "must be 1 to 64 printable characters") String label,
        @NotEmpty Set<@NotNull ApiPermission> permissions,
        @Size(max = 16) String totpCode)
    {
    }

    /** Setting up an authenticator takes the sign-in password. */
    public record TotpSetup(@NotNull @Size(max = 72) String password)
    {
    }

    /** Confirming it takes its first code. */
    public record TotpConfirm(@NotNull @Size(max = 16) String code)
    {
    }

    /** Turning it off takes the password and a code (or a recovery code). */
    public record TotpDisable(@NotNull @Size(max = 72) String password, @NotNull @Size(max = 16) String code)
    {
    }

    /** The recovery codes, shown once: each signs in (or releases) once when the phone is lost. */
    public record RecoveryCodes(List<String> recoveryCodes)
    {
    }

    @GET
    @Path("/totp")
    @RolesAllowed(AccessTokens.PERSON)
    public TwoFactor.Status totpStatus()
    {
        return twoFactor.status(Caller.of(identity).userId());
    }

    @POST
    @Path("/totp")
    @RolesAllowed(AccessTokens.PERSON)
    public TwoFactor.Enrolment beginTotp(@Valid @NotNull final TotpSetup body)
    {
        return twoFactor.begin(Caller.of(identity).userId(), body.password());
    }

    @POST
    @Path("/totp/confirm")
    @RolesAllowed(AccessTokens.PERSON)
    public RecoveryCodes confirmTotp(@Valid @NotNull final TotpConfirm body)
    {
        final Caller caller = Caller.of(identity);
        return new RecoveryCodes(audit.by(caller, "account.totp_enable")
            .run(() -> twoFactor.confirm(caller.userId(), body.code())));
    }

    @POST
    @Path("/totp/disable")
    @RolesAllowed(AccessTokens.PERSON)
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response disableTotp(@Valid @NotNull final TotpDisable body)
    {
        final Caller caller = Caller.of(identity);
        audit.by(caller, "account.totp_disable")
            .run(() -> twoFactor.disable(caller.userId(), body.password(), body.code()));
        return Response.noContent().build();
    }

    /** A key as listed: never its secret. */
    public record ApiKeyView(String keyId, String label, Set<ApiPermission> permissions, boolean revoked,
        Instant createdAt, Instant revokedAt)
    {
        static ApiKeyView of(final ApiKey key)
        {
            return new ApiKeyView(key.keyId, key.label, key.permissionSet(), key.revoked, key.createdAt, key.revokedAt);
        }
    }

    /** A key just created: the only time its secret is shown. */
    public record CreatedApiKey(String keyId, String secret, String label, Set<ApiPermission> permissions)
    {
    }

    /** Setting the fund password, the second factor of releases, takes the sign-in password. */
    public record FundPasswordChange(String password, String fundPassword)
    {
    }

    @PUT
    @Path("/fund-password")
    @RolesAllowed(AccessTokens.PERSON)
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response setFundPassword(final FundPasswordChange body)
    {
        final Caller caller = Caller.of(identity);
        audit.by(caller, "account.fund_password").run(() -> accounts.setFundPassword(caller.userId(),
            body == null ? null : body.password(), body == null ? null : body.fundPassword()));
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @RolesAllowed("READ")
    public UserView me()
    {
        return UserView.of(accounts.get(Caller.of(identity).userId()));
    }

    @POST
    @Path("/api-keys")
    @RolesAllowed(AccessTokens.PERSON)
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CreatedApiKey.class)))
    public Response createApiKey(@Valid @NotNull final NewApiKey body)
    {
        final Caller caller = Caller.of(identity);
        final AuditEntry entry = audit.by(caller, "apikey.create").with("permissions", body.permissions());
        final ApiKeys.Created created = entry.run(() ->
        {
            accounts.checkAuthenticatorIfOn(caller.userId(), body.totpCode());
            final ApiKeys.Created key = apiKeys.create(caller.userId(), body.label(), body.permissions());
            entry.with("keyId", key.key().keyId);
            return key;
        });
        return Response.status(Response.Status.CREATED).entity(new CreatedApiKey(created.key().keyId, created.secret(),
            created.key().label, created.key().permissionSet())).build();
    }

    @GET
    @Path("/api-keys")
    @RolesAllowed(AccessTokens.PERSON)
    public List<ApiKeyView> listApiKeys()
    {
        return apiKeys.list(Caller.of(identity).userId()).stream().map(ApiKeyView::of).toList();
    }

    @DELETE
    @Path("/api-keys/{keyId}")
    @RolesAllowed(AccessTokens.PERSON)
    public ApiKeyView revokeApiKey(@PathParam("keyId") final String keyId)
    {
        final Caller caller = Caller.of(identity);
        return ApiKeyView.of(audit.by(caller, "apikey.revoke").with("keyId", keyId)
            .run(() -> apiKeys.revoke(caller.userId(), keyId)));
    }
}
