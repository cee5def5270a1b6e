package org.p2px.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.commons.codec.binary.Base32;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.readmodel.UserAccount;

/**
 * A user's authenticator (TOTP, RFC 6238): set up with the sign-in password, confirmed with a first code (which
 * turns it on and gives ten single-use recovery codes), then asked for at sign-in, accepted instead of the fund
 * password to release escrow, and asked for to create API keys. Turning it off takes the password and a code.
 * The secret is sealed with the server's secrets key, as API-key secrets are; recovery codes are kept as SHA-256.
 */
@ApplicationScoped
public class TwoFactor
{
    private static final String ISSUER = "p2px";
    private static final int RECOVERY_CODES = 10;
    private static final int RECOVERY_BYTES = 5;

    private final SecretBox secrets;
    private final PasswordHashing hashing;
    private final GuessingGuard guard;
    private final SecureRandom random = new SecureRandom();

    public TwoFactor(final SecretBox secrets, final PasswordHashing hashing, final GuessingGuard guard)
    {
        this.secrets = secrets;
        this.hashing = hashing;
        this.guard = guard;
    }

    /** What the app needs: the secret, and the same as an otpauth:// URI for a QR code. */
    public record Enrolment(String secret, String otpauthUri)
    {
    }

    public record Status(boolean enabled, int recoveryCodesLeft)
    {
    }

    /** Starts (or starts over) setting up an authenticator: nothing is asked for until {@link #confirm}. */
    public Enrolment begin(final long userId, final String password)
    {
        return QuarkusTransaction.requiringNew().call(() ->
        {
            final UserAccount user = provePassword(userId, password);
            if (user.totpEnabled)
            {
                throw ApiException.of(GatewayError.TOTP_ALREADY_ENABLED);
            }
            final String secret = Totp.newSecret();
            user.totpSecret = secrets.seal(secret);
            user.totpLastStep = 0;
            user.totpRecovery = null;
            return new Enrolment(secret, Totp.otpauthUri(ISSUER, user.username, secret));
        });
    }

    /** Turns the authenticator on with its first code; answers the recovery codes, shown this once. */
    public List<String> confirm(final long userId, final String code)
    {
        guard.checkSecondFactor(userId);
        final List<String> codes = QuarkusTransaction.requiringNew().call(() ->
        {
            final UserAccount user = user(userId);
            if (user.totpEnabled)
            {
                throw ApiException.of(GatewayError.TOTP_ALREADY_ENABLED);
            }
            if (user.totpSecret == null)
            {
                throw ApiException.of(GatewayError.TOTP_NOT_ENABLED);
            }
            final long step = Totp.matchingStep(secrets.open(user.totpSecret), code, System.currentTimeMillis(), 0);
            if (step < 0)
            {
                return null;
            }
            user.totpEnabled = true;
            user.totpLastStep = step;
            final List<String> recovery = newRecoveryCodes();
            user.totpRecovery = recovery.stream().map(TwoFactor::hash).collect(Collectors.joining(","));
            return recovery;
        });
        return passedOrCounted(userId, codes);
    }

    /** Turns the authenticator off: the password and a code (or a recovery code). */
    public void disable(final long userId, final String password, final String code)
    {
        guard.checkSecondFactor(userId);
        final Boolean done = QuarkusTransaction.requiringNew().call(() ->
        {
            final UserAccount user = provePassword(userId, password);
            if (!user.totpEnabled)
            {
                throw ApiException.of(GatewayError.TOTP_NOT_ENABLED);
            }
            if (!consume(user, code))
            {
                return null;
            }
            user.totpEnabled = false;
            user.totpSecret = null;
            user.totpRecovery = null;
            user.totpLastStep = 0;
            return Boolean.TRUE;
        });
        passedOrCounted(userId, done);
    }

    public Status status(final long userId)
    {
        final UserAccount user = QuarkusTransaction.joiningExisting().call(() -> user(userId));
        return new Status(user.totpEnabled, user.totpEnabled && user.totpRecovery != null && !user.totpRecovery.isEmpty()
            ? user.totpRecovery.split(",").length : 0);
    }

    public boolean enabled(final long userId)
    {
        return QuarkusTransaction.joiningExisting().call(() -> user(userId).totpEnabled);
    }

    /**
     * Whether {@code code} is the user's current authenticator code (not used before) or one of the unused
     * recovery codes; either is spent. False when the authenticator is off.
     */
    public boolean verify(final long userId, final String code)
    {
        return QuarkusTransaction.requiringNew().call(() -> consume(user(userId), code));
    }

    /**
     * Refuses unless {@code code} is the user's authenticator code or a recovery code (INVALID_TOTP_CODE),
     * counting a wrong one toward the second-factor lock and refusing every try while it holds.
     */
    public void requireCode(final long userId, final String code)
    {
        guard.checkSecondFactor(userId);
        passedOrCounted(userId, verify(userId, code) ? Boolean.TRUE : null);
    }

    private boolean consume(final UserAccount user, final String code)
    {
        if (!user.totpEnabled || code == null || code.isBlank())
        {
            return false;
        }
        final String trimmed = code.strip();
        final long step = Totp.matchingStep(secrets.open(user.totpSecret), trimmed, System.currentTimeMillis(),
            user.totpLastStep);
        if (step >= 0)
        {
            user.totpLastStep = step;
            return true;
        }
        final String hashed = hash(trimmed.toLowerCase(Locale.ROOT));
        final List<String> left = new ArrayList<>(Arrays.asList(user.totpRecovery == null || user.totpRecovery.isEmpty()
            ? new String[0] : user.totpRecovery.split(",")));
        if (left.remove(hashed))
        {
            user.totpRecovery = String.join(",", left);
            return true;
        }
        return false;
    }

    /** A wrong code counts toward the second-factor lock and is INVALID_TOTP_CODE; a right one clears the count. */
    private <T> T passedOrCounted(final long userId, final T result)
    {
        if (result == null)
        {
            guard.secondFactorFailed(userId);
            throw ApiException.of(GatewayError.INVALID_TOTP_CODE);
        }
        guard.secondFactorPassed(userId);
        return result;
    }

    private UserAccount provePassword(final long userId, final String password)
    {
        final UserAccount user = user(userId);
        guard.checkSignIn(user.usernameKey, null);
        if (password == null || !hashing.matches(password, user.passwordHash))
        {
            guard.signInFailed(user.usernameKey, null);
            throw ApiException.of(GatewayError.INVALID_CREDENTIALS);
        }
        return user;
    }

    private static UserAccount user(final long userId)
    {
        final UserAccount user = UserAccount.findById(userId);
        if (user == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_USER);
        }
        return user;
    }

    /** Ten codes such as {@code k7p2-9xq4}: 40 random bits each, in lower-case base32. */
    private List<String> newRecoveryCodes()
    {
        final List<String> codes = new ArrayList<>();
        final Base32 base32 = new Base32();
        for (int i = 0; i < RECOVERY_CODES; i++)
        {
            final byte[] bytes = new byte[RECOVERY_BYTES];
            random.nextBytes(bytes);
            final String text = base32.encodeToString(bytes).toLowerCase(Locale.ROOT);
            codes.add(text.substring(0, 4) + "-" + text.substring(4, 8));
        }
        return codes;
    }

    private static String hash(final String code)
    {
        return Digests.sha256Hex(code);
    }
}
