package org.p2px.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.Usernames;
import org.p2px.readmodel.UserRole;
import org.p2px.server.CoreCommands;

/**
 * Users in the database and in the trading core, kept in step: the database assigns the id, the core must
 * accept the user (or the change) before the transaction commits, and a refusal by the core rolls it back.
 */
@ApplicationScoped
public class Accounts
{
    /** bcrypt hashes the first 72 bytes of a password and ignores the rest. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private final CoreCommands core;
    private final PasswordHashing hashing;
    private final GuessingGuard guard;
    private final TwoFactor twoFactor;
    private final Usernames usernames;

    public Accounts(final CoreCommands core, final PasswordHashing hashing, final GuessingGuard guard,
        final TwoFactor twoFactor, final Usernames usernames)
    {
        this.usernames = usernames;
        this.core = core;
        this.hashing = hashing;
        this.guard = guard;
        this.twoFactor = twoFactor;
    }

    /**
     * Creates the account, then registers the user with the core; the account is removed again if the core
     * refuses it. No transaction is held while the core answers.
     */
    public UserAccount signUp(final String username, final String password, final UserRole role, final int kycLevel)
    {
        final UserAccount user = new UserAccount();
        user.username = username;
        user.passwordHash = hashing.hash(password);
        user.role = role;
        user.kycLevel = kycLevel;
        user.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> insert(user));
        usernames.add(user.id, user.username);
        try
        {
            core.registerUser(user.id, role.toCore(), kycLevel);
        }
        catch (final RuntimeException ex)
        {
            QuarkusTransaction.requiringNew().run(() -> UserAccount.deleteById(user.id));
            throw ex;
        }
        return user;
    }

    private static void insert(final UserAccount user)
    {
        if (UserAccount.findByUsername(user.username).isPresent())
        {
            throw ApiException.of(GatewayError.USERNAME_TAKEN);
        }
        // Flushing assigns the id (and trips the unique index on a concurrent duplicate) before the core hears of it.
        try
        {
            user.persistAndFlush();
        }
        catch (final PersistenceException ex)
        {
            // Two sign-ups with one name at the same time: the unique index decides, and the loser gets the same answer.
            throw ApiException.of(GatewayError.USERNAME_TAKEN);
        }
    }

    /**
     * The user with this username and password, asked from {@code address}. One answer, in the same time, for a
     * wrong password and an unknown username, so usernames do not leak; locked after too many wrong ones. A user
     * with an authenticator also gives its code (or a recovery code): TOTP_REQUIRED without one, INVALID_TOTP_CODE
     * for a wrong one, which counts as a wrong password.
     */
    public UserAccount signIn(final String username, final String password, final String totpCode,
        final String address)
    {
        final String account = UserAccount.keyOf(username);
        guard.checkSignIn(account, address);
        final UserAccount user = UserAccount.findByUsername(username).orElse(null);
        final boolean right = user == null ? hashing.matchesNone(password) : hashing.matches(password, user.passwordHash);
        if (!right)
        {
            guard.signInFailed(account, address);
            throw ApiException.of(GatewayError.INVALID_CREDENTIALS);
        }
        if (user.totpEnabled)
        {
            if (totpCode == null || totpCode.isBlank())
            {
                throw ApiException.of(GatewayError.TOTP_REQUIRED);
            }
            if (!twoFactor.verify(user.id, totpCode))
            {
                guard.signInFailed(account, address);
                throw ApiException.of(GatewayError.INVALID_TOTP_CODE);
            }
        }
        guard.signedIn(account);
        return user;
    }

    /** Sets or changes the fund password; the sign-in password proves it is the person. */
    @Transactional
    public void setFundPassword(final long userId, final String password, final String fundPassword)
    {
        final UserAccount user = get(userId);
        // The sign-in password proves it is the person, so guessing it here counts as guessing it at sign-in.
        guard.checkSignIn(user.usernameKey, null);
        if (password == null || !hashing.matches(password, user.passwordHash))
        {
            guard.signInFailed(user.usernameKey, null);
            throw ApiException.of(GatewayError.INVALID_CREDENTIALS);
        }
        if (fundPassword == null || fundPassword.length() < 6 || fundPassword.length() > 64)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "fundPassword: 6 to 64 characters.");
        }
        if (fundPassword.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES)
        {
            // bcrypt reads no further: a longer fund password would be cut silently.
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "fundPassword: at most 72 bytes in UTF-8.");
        }
        if (hashing.matches(fundPassword, user.passwordHash))
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "fundPassword: must differ from the sign-in password.");
        }
        user.fundPasswordHash = hashing.hash(fundPassword);
    }

    /**
     * The second factor of a release by a person: the authenticator's code when given ({@code totpCode}), else the
     * fund password; every try is refused for a while after too many wrong ones.
     */
    public void checkSecondFactor(final long userId, final String fundPassword, final String totpCode)
    {
        if (totpCode != null && !totpCode.isBlank())
        {
            twoFactor.requireCode(userId, totpCode);
            return;
        }
        final UserAccount user = get(userId);
        if (user.fundPasswordHash == null)
        {
            throw ApiException.of(user.totpEnabled ? GatewayError.TOTP_REQUIRED : GatewayError.FUND_PASSWORD_NOT_SET);
        }
        if (fundPassword == null || fundPassword.isEmpty())
        {
            throw ApiException.of(GatewayError.SECOND_FACTOR_REQUIRED);
        }
        guard.checkSecondFactor(userId);
        if (!hashing.matches(fundPassword, user.fundPasswordHash))
        {
            guard.secondFactorFailed(userId);
            throw ApiException.of(GatewayError.INVALID_SECOND_FACTOR);
        }
        guard.secondFactorPassed(userId);
    }

    /** Creating an API key: a user with an authenticator gives its code (TOTP_REQUIRED, INVALID_TOTP_CODE). */
    public void checkAuthenticatorIfOn(final long userId, final String totpCode)
    {
        if (!twoFactor.enabled(userId))
        {
            return;
        }
        if (totpCode == null || totpCode.isBlank())
        {
            throw ApiException.of(GatewayError.TOTP_REQUIRED);
        }
        twoFactor.requireCode(userId, totpCode);
    }

    public UserAccount get(final long userId)
    {
        final UserAccount user = UserAccount.findById(userId);
        if (user == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_USER);
        }
        return user;
    }

    /** The core decides first (it refuses anyone who is not an admin); the account follows in its own transaction. */
    public UserAccount setRole(final long adminId, final long userId, final UserRole role)
    {
        QuarkusTransaction.joiningExisting().run(() -> get(userId));
        core.setUserRole(adminId, userId, role.toCore());
        return QuarkusTransaction.requiringNew().call(() ->
        {
            final UserAccount user = get(userId);
            user.role = role;
            return user;
        });
    }

    /** As {@link #setRole}. */
    public UserAccount setKycLevel(final long adminId, final long userId, final int kycLevel)
    {
        QuarkusTransaction.joiningExisting().run(() -> get(userId));
        core.setUserKyc(adminId, userId, kycLevel);
        return QuarkusTransaction.requiringNew().call(() ->
        {
            final UserAccount user = get(userId);
            user.kycLevel = kycLevel;
            return user;
        });
    }
}
