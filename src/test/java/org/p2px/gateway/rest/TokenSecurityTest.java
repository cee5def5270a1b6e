package org.p2px.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.p2px.auth.AuthSettings;
import org.p2px.auth.KeyFiles;

/** Access tokens that must not get in: none, expired, altered, from another issuer, signed by another key. */
@QuarkusTest
class TokenSecurityTest
{
    @Inject
    KeyFiles keys;

    @Inject
    AuthSettings settings;

    @Test
    void noTokenIsUnauthenticated()
    {
        given().get("/api/v1/account/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void expiredTokenIs401()
    {
        final long userId = TestUsers.signUp().getLong("user.id");
        final String expired = Jwt.issuer(settings.issuer()).upn(String.valueOf(userId)).groups(Set.of("USER", "READ"))
            .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
            .jws().sign(keys.signingKey());
        given().auth().oauth2(expired).get("/api/v1/account/me").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void aTokenExpiredMoreThanFiveSecondsAgoIsRefused()
    {
        // MicroProfile JWT's default leeway would accept it for a minute; p2px allows 5 s of clock difference.
        final long userId = TestUsers.signUp().getLong("user.id");
        final String expired = Jwt.issuer(settings.issuer()).upn(String.valueOf(userId)).groups(Set.of("USER", "READ"))
            .issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(15))
            .jws().sign(keys.signingKey());
        given().auth().oauth2(expired).get("/api/v1/account/me").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void tamperedTokenIs401()
    {
        final String token = TestUsers.signUp().getString("accessToken");
        final String[] parts = token.split("\\.");
        final String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"READ\"", "\"ADMIN\",\"READ\"");
        final String tampered = parts[0] + "." +
            Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/v1/admin/users/1").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
        given().auth().oauth2(token + "x").get("/api/v1/account/me").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void wrongIssuerIs401()
    {
        final long userId = TestUsers.signUp().getLong("user.id");
        final String foreign = Jwt.issuer("https://evil.example").upn(String.valueOf(userId)).groups(Set.of("USER", "READ"))
            .expiresIn(600).jws().sign(keys.signingKey());
        given().auth().oauth2(foreign).get("/api/v1/account/me").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception
    {
        final java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        final String forged = Jwt.issuer(settings.issuer()).upn("1").groups(Set.of("ADMIN", "READ"))
            .expiresIn(600).jws().sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/api/v1/admin/users/1").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
    }
}
