package org.p2px.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authentication settings under {@code p2px.auth.*}; see docs/api.md and docs/database.md. */
@ConfigMapping(prefix = "p2px.auth")
public interface AuthSettings
{
    /** The {@code iss} of access tokens; tokens from any other issuer are refused. */
    @WithDefault("https://p2px.local")
    String issuer();

    @WithDefault("PT15M")
    Duration accessTokenTtl();

    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /** Holds jwt-private.pem, jwt-public.pem and api-key-secrets.key. */
    @WithDefault("data/keys")
    String keyDir();

    /** Create the key files on first start when they are missing (the embedded default); false: they must exist. */
    @WithDefault("true")
    boolean generateKeys();

    /** How far a signed request's timestamp may be from the server's clock. */
    @WithDefault("PT5S")
    Duration receiveWindow();

    /** Limits on guessing passwords: see docs/security.md. */
    Lockout lockout();

    /** The threads that compute bcrypt, apart from those that serve requests. */
    Hashing hashing();

    /** The first admin, created on start when both are set and the username is free. */
    Admin admin();

    interface Admin
    {
        Optional<String> username();

        Optional<String> password();
    }

    interface Lockout
    {
        /** Wrong sign-in passwords for one username before it is locked. */
        @Positive
        @WithDefault("5")
        int maxFailures();

        /** Wrong sign-in passwords from one client address, whatever the usernames, before it is locked. */
        @Positive
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** Wrong fund passwords of one user before releasing with it is locked. */
        @WithDefault("5")
        int maxFundPasswordFailures();

        /** How long a lock lasts after the last wrong password; counts also fade after this long without one. */
        @WithDefault("PT15M")
        Duration duration();
    }

    interface Hashing
    {
        /** Default: half the cores, at least one; the rest serve everyone else while sign-ins hash. */
        OptionalInt threads();

        /** Hashes waiting for a thread; past that, RATE_LIMITED. */
        @WithDefault("32")
        int queue();
    }
}
