package org.p2px.gateway.rest;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Signs up users with unique names, so no test depends on another's database rows. */
final class TestUsers
{
    static final String PASSWORD = "correct horse battery";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-test-password";

    private TestUsers()
    {
    }

    static String uniqueName()
    {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A new user's session: accessToken, refreshToken, user.id, ... */
    static JsonPath signUp()
    {
        return given().contentType(ContentType.JSON).body(Map.of("username", uniqueName(), "password", PASSWORD))
            .post("/api/v1/auth/signup")
            .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath signIn(final String username, final String password)
    {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
            .post("/api/v1/auth/signin")
            .then().statusCode(200).extract().jsonPath();
    }

    static String adminToken()
    {
        return signIn(ADMIN, ADMIN_PASSWORD).getString("accessToken");
    }
}
