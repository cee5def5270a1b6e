package org.p2px.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.auth.PasswordHashing;

@QuarkusTest
class AuthResourceTest
{
    @Inject
    PasswordHashing hashing;

    @Test
    void signUpReturnsASessionAndTheUserExistsInTheCore()
    {
        final String name = TestUsers.uniqueName();
        final JsonPath session = given().contentType(ContentType.JSON)
            .body(Map.of("username", name, "password", TestUsers.PASSWORD))
            .post("/api/v1/auth/signup")
            .then().statusCode(201)
            .body("tokenType", equalTo("Bearer"))
            .body("expiresIn", equalTo(900))
            .body("refreshToken", notNullValue())
            .body("user.username", equalTo(name))
            .body("user.role", equalTo("USER"))
            .body("user.kycLevel", equalTo(0))
            .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")))
            .extract().jsonPath();

        given().auth().oauth2(session.getString("accessToken"))
            .get("/api/v1/account/me")
            .then().statusCode(200).body("username", equalTo(name)).body("id", equalTo(session.getInt("user.id")));

        // The core knows the user: setting its KYC level through the core succeeds rather than UNKNOWN_USER.
        given().auth().oauth2(TestUsers.adminToken()).contentType(ContentType.JSON)
            .body(Map.of("kycLevel", 1))
            .put("/api/v1/admin/users/" + session.getLong("user.id") + "/kyc")
            .then().statusCode(200).body("kycLevel", equalTo(1));
    }

    @Test
    void duplicateUsernameIsAConflict()
    {
        final String name = TestUsers.uniqueName();
        final Map<String, String> body = Map.of("username", name, "password", TestUsers.PASSWORD);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/signup").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/signup")
            .then().statusCode(409).body("code", equalTo("USERNAME_TAKEN")).body("message", notNullValue());
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused()
    {
        // 40 characters, 80 bytes in UTF-8: bcrypt would ignore the last 8 bytes.
        final String password = "\u00e9".repeat(40);
        given().contentType(ContentType.JSON).body(Map.of("username", TestUsers.uniqueName(), "password", password))
            .post("/api/v1/auth/signup")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
            .body("message", equalTo("password must be at most 72 bytes in UTF-8"));
        given().contentType(ContentType.JSON)
            .body(Map.of("username", TestUsers.uniqueName(), "password", "\u00e9".repeat(36)))
            .post("/api/v1/auth/signup").then().statusCode(201);

        final String token = TestUsers.signUp().getString("accessToken");
        given().auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("password", TestUsers.PASSWORD, "fundPassword", "\u00e9".repeat(40)))
            .put("/api/v1/account/fund-password")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
            .body("message", equalTo("fundPassword: at most 72 bytes in UTF-8."));
        given().auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("password", TestUsers.PASSWORD, "fundPassword", "\u00e9".repeat(30)))
            .put("/api/v1/account/fund-password").then().statusCode(204);
    }

    @Test
    void aBodyWithAnythingAfterItsJsonIsMalformed()
    {
        given().contentType(ContentType.JSON)
            .body("{\"username\": \"" + TestUsers.uniqueName() + "\", \"password\": \"" + TestUsers.PASSWORD + "\"} {}")
            .post("/api/v1/auth/signup")
            .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void usernamesDifferingOnlyInCaseAreOneAccount()
    {
        final String name = "Case_" + TestUsers.uniqueName();
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", TestUsers.PASSWORD))
            .post("/api/v1/auth/signup").then().statusCode(201);
        given().contentType(ContentType.JSON)
            .body(Map.of("username", name.toUpperCase(java.util.Locale.ROOT), "password", TestUsers.PASSWORD))
            .post("/api/v1/auth/signup")
            .then().statusCode(409).body("code", equalTo("USERNAME_TAKEN"));
        // Signing in ignores case too, and the account keeps the name as it was registered.
        given().contentType(ContentType.JSON)
            .body(Map.of("username", name.toLowerCase(java.util.Locale.ROOT), "password", TestUsers.PASSWORD))
            .post("/api/v1/auth/signin")
            .then().statusCode(200).body("user.username", equalTo(name));
    }

    @Test
    void signInWithTheRightPasswordOnly()
    {
        final JsonPath session = TestUsers.signUp();
        final String name = session.getString("user.username");
        TestUsers.signIn(name, TestUsers.PASSWORD);
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "wrong password!"))
            .post("/api/v1/auth/signin")
            .then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body(Map.of("username", TestUsers.uniqueName(), "password", "whatever123"))
            .post("/api/v1/auth/signin")
            .then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneAndNoOther()
    {
        final String name = TestUsers.signUp().getString("user.username");
        final String other = TestUsers.signUp().getString("user.username");
        for (int i = 0; i < 5; i++)
        {
            signIn(name, "wrong password " + i).then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        }
        signIn(name, TestUsers.PASSWORD).then().statusCode(429).body("code", equalTo("SIGN_IN_LOCKED"))
            .body("message", containsString("try again in"));
        signIn(name.toUpperCase(java.util.Locale.ROOT), TestUsers.PASSWORD).then().statusCode(429)
            .body("code", equalTo("SIGN_IN_LOCKED"));
        TestUsers.signIn(other, TestUsers.PASSWORD);
    }

    @Test
    void anUnknownUsernameIsHashedAndLockedAsAKnownOneSoNeitherTellsItExists()
    {
        final String nobody = TestUsers.uniqueName();
        final long hashedBefore = hashing.computations();
        signIn(nobody, "whatever123").then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        assertEquals(hashedBefore + 1, hashing.computations(), "an unknown username costs one bcrypt, as a known one");
        for (int i = 0; i < 4; i++)
        {
            signIn(nobody, "whatever123").then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        }
        signIn(nobody, "whatever123").then().statusCode(429).body("code", equalTo("SIGN_IN_LOCKED"));
    }

    @Test
    void aWrongPasswordWhenSettingTheFundPasswordCountsTowardTheLock()
    {
        final JsonPath session = TestUsers.signUp();
        for (int i = 0; i < 5; i++)
        {
            given().auth().oauth2(session.getString("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("password", "wrong password " + i, "fundPassword", "fund-password-1"))
                .put("/api/v1/account/fund-password").then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        }
        signIn(session.getString("user.username"), TestUsers.PASSWORD).then().statusCode(429)
            .body("code", equalTo("SIGN_IN_LOCKED"));
    }

    private static io.restassured.response.Response signIn(final String username, final String password)
    {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
            .post("/api/v1/auth/signin");
    }

    @Test
    void signInChecksNoPasswordRulesOnlyThePassword()
    {
        given().contentType(ContentType.JSON).body(Map.of("username", TestUsers.uniqueName(), "password", "x"))
            .post("/api/v1/auth/signin")
            .then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body(Map.of("username", "someone"))
            .post("/api/v1/auth/signin")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("message", containsString("password"));
    }

    @Test
    void badInputIsA400WithACode()
    {
        given().contentType(ContentType.JSON).body(Map.of("username", "x", "password", "short"))
            .post("/api/v1/auth/signup")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
            .body("message", containsString("username")).body("message", containsString("password"));
        given().contentType(ContentType.JSON).body("{\"username\": ")
            .post("/api/v1/auth/signup")
            .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().contentType(ContentType.JSON).body("[1, 2]")
            .post("/api/v1/auth/signup")
            .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().contentType(ContentType.JSON)
            .post("/api/v1/auth/signup")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().contentType(ContentType.TEXT).body("hello")
            .post("/api/v1/auth/signup")
            .then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().get("/api/v1/auth/signup")
            .then().statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeSignIn()
    {
        final JsonPath first = TestUsers.signUp();
        final String original = first.getString("refreshToken");
        final JsonPath second = refresh(original).then().statusCode(200)
            .body("user.username", equalTo(first.getString("user.username")))
            .extract().jsonPath();
        final String rotated = second.getString("refreshToken");
        assertNotEquals(original, rotated);
        given().auth().oauth2(second.getString("accessToken")).get("/api/v1/account/me").then().statusCode(200);

        // Replaying the spent token: someone copied it, so the successor dies too.
        refresh(original).then().statusCode(401).body("code", equalTo("REFRESH_TOKEN_REUSED"));
        refresh(rotated).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        refresh("not-a-token").then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void signOutRevokesTheRefreshToken()
    {
        final String token = TestUsers.signUp().getString("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", token))
            .post("/api/v1/auth/signout").then().statusCode(204);
        refresh(token).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    private static io.restassured.response.Response refresh(final String token)
    {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }
}
