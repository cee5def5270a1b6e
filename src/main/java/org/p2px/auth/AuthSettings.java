package org.p2px.auth;

import java.time.Duration;
import java.util.Optional;

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

    /** The first admin, created on start when both are set and the username is free. */
    Admin admin();

    interface Admin
    {
        Optional<String> username();

        Optional<String> password();
    }
}
