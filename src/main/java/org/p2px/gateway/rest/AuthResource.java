package org.p2px.gateway.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.p2px.auth.AccessTokens;
import org.p2px.auth.Accounts;
import org.p2px.auth.RefreshTokens;
import org.p2px.gateway.Audit;
import org.p2px.gateway.AuditEntry;
import org.p2px.gateway.MaxUtf8Bytes;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sign up, sign in, refresh and sign out. Everything here is reachable without a token. Sign-ups and sign-ins are
 * audited with the username given and the client's address (never the password).
 */
@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource
{
    private final Accounts accounts;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    public AuthResource(final Accounts accounts, final AccessTokens accessTokens, final RefreshTokens refreshTokens)
    {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /** A new user's name and password. */
    public record Credentials(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}", message = "must be 3 to 32 letters, digits, '_', '.' or '-'")
        String username,
        @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters")
        @MaxUtf8Bytes(MaxUtf8Bytes.BCRYPT) String password)
    {
    }

    /** Sign-in checks no password rules: they may have changed since the password was chosen. */
    public record SignIn(@NotBlank @Size(max = 32) String username, @NotBlank @Size(max = 72) String password,
        @Size(max = 16) String totpCode)
    {
    }

    public record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken)
    {
    }

    /** What signing in (or refreshing) gives: a short-lived bearer token and the refresh token to renew it. */
    public record Session(String accessToken, String tokenType, long expiresIn, String refreshToken, UserView user)
    {
    }

    @POST
    @Path("/signup")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Session.class)))
    public Response signUp(@Valid @NotNull final Credentials body, @Context final HttpServerRequest request)
    {
        final AuditEntry entry = Audit.from(address(request), "auth.signup").with("username", body.username());
        final UserAccount user = entry.run(() ->
        {
            final UserAccount created = accounts.signUp(body.username(), body.password(), UserRole.USER, 0);
            entry.with("userId", created.id);
            return created;
        });
        return Response.status(Response.Status.CREATED).entity(session(user, refreshTokens.issue(user.id))).build();
    }

    @POST
    @Path("/signin")
    public Session signIn(@Valid @NotNull final SignIn body, @Context final HttpServerRequest request)
    {
        final String address = address(request);
        final AuditEntry entry = Audit.from(address, "auth.signin").with("username", body.username());
        final UserAccount user = entry.run(() ->
        {
            final UserAccount signedIn = accounts.signIn(body.username(), body.password(), body.totpCode(), address);
            entry.with("userId", signedIn.id);
            return signedIn;
        });
        return session(user, refreshTokens.issue(user.id));
    }

    @POST
    @Path("/refresh")
    public Session refresh(@Valid @NotNull final RefreshRequest body)
    {
        final RefreshTokens.Rotated rotated = refreshTokens.rotate(body.refreshToken());
        return session(accounts.get(rotated.userId()), rotated.refreshToken());
    }

    /** Revokes the refresh token and every token rotated from the same sign-in. */
    @POST
    @Path("/signout")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response signOut(@Valid @NotNull final RefreshRequest body)
    {
        refreshTokens.revoke(body.refreshToken());
        return Response.noContent().build();
    }

    private static String address(final HttpServerRequest request)
    {
        return request.remoteAddress().hostAddress();
    }

    private Session session(final UserAccount user, final String refreshToken)
    {
        return new Session(accessTokens.issue(user), "Bearer", accessTokens.ttlSeconds(), refreshToken, UserView.of(user));
    }
}
