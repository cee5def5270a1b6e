package org.p2px.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.p2px.testing.SigningClock;
import org.p2px.testing.TradingFixture;

/** API keys: their management by the person, and requests signed with them (computed here as docs/api.md says). */
@QuarkusTest
class ApiKeyTest
{
    @Test
    void createListRevoke()
    {
        final String token = TestUsers.signUp().getString("accessToken");
        final JsonPath created = create(token, List.of("READ", "TRADE"));
        final String keyId = created.getString("keyId");
        given().auth().oauth2(token).get("/api/v1/account/api-keys")
            .then().statusCode(200)
            .body("$", hasSize(1))
            .body("[0].keyId", equalTo(keyId))
            .body("[0].permissions", equalTo(List.of("READ", "TRADE")))
            .body("[0].secret", nullValue())
            .body("[0].revoked", equalTo(false));
        given().auth().oauth2(token).delete("/api/v1/account/api-keys/" + keyId)
            .then().statusCode(200).body("revoked", equalTo(true));
        // Someone else's key (or none) is not found.
        given().auth().oauth2(TestUsers.signUp().getString("accessToken")).delete("/api/v1/account/api-keys/" + keyId)
            .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aUserHoldsAtMostTwentyActiveKeysAndRevokingOneMakesRoom()
    {
        final String token = TestUsers.signUp().getString("accessToken");
        String first = null;
        for (int i = 0; i < 20; i++)
        {
            final String keyId = create(token, List.of("READ")).getString("keyId");
            first = first == null ? keyId : first;
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("label", "one more", "permissions", List.of("READ")))
            .post("/api/v1/account/api-keys").then().statusCode(409).body("code", equalTo("TOO_MANY_API_KEYS"));
        given().auth().oauth2(token).delete("/api/v1/account/api-keys/" + first).then().statusCode(200);
        create(token, List.of("READ"));
    }

    @Test
    void badKeyRequestsAreRefused()
    {
        final String token = TestUsers.signUp().getString("accessToken");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("label", "bot", "permissions", List.of()))
            .post("/api/v1/account/api-keys").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("label", "bot", "permissions", List.of("FLY")))
            .post("/api/v1/account/api-keys").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void aValidSignatureAuthenticates()
    {
        final JsonPath user = TestUsers.signUp();
        final JsonPath key = create(user.getString("accessToken"), List.of("READ"));
        signed(key.getString("keyId"), key.getString("secret"), SigningClock.next(), "GET", "/api/v1/account/me", "", "")
            .get("/api/v1/account/me")
            .then().statusCode(200).body("id", equalTo(user.getInt("user.id")));
    }

    @Test
    void theBodyAndQueryAreSigned()
    {
        final JsonPath user = TestUsers.signUp();
        final JsonPath key = create(user.getString("accessToken"), List.of("TRADE"));
        final String body = "{\"adId\":7,\"amount\":\"100.00\"}";
        final long now = SigningClock.next();
        signed(key.getString("keyId"), key.getString("secret"), now, "POST", "/test/signed-echo", "note=hi", body)
            .contentType(ContentType.JSON).body(body)
            .post("/test/signed-echo?note=hi")
            .then().statusCode(200).body("userId", equalTo(user.getInt("user.id"))).body("note", equalTo("hi"))
            .body("body", equalTo(body));
        signed(key.getString("keyId"), key.getString("secret"), now, "POST", "/test/signed-echo", "note=hi", body)
            .contentType(ContentType.JSON).body(body.replace("100", "900"))
            .post("/test/signed-echo?note=hi")
            .then().statusCode(401).body("code", equalTo("INVALID_SIGNATURE"));
        signed(key.getString("keyId"), key.getString("secret"), now, "POST", "/test/signed-echo", "note=hi", body)
            .contentType(ContentType.JSON).body(body)
            .post("/test/signed-echo?note=bye")
            .then().statusCode(401).body("code", equalTo("INVALID_SIGNATURE"));
    }

    @Test
    void aSignedRequestFromAClientAskingForHttp2IsServedOverHttp11() throws Exception
    {
        final JsonPath key = create(TestUsers.signUp().getString("accessToken"), List.of("READ"));
        final long now = SigningClock.next();
        final String canonical = now + "\nGET\n/api/v1/account/me\n\n";
        // The JDK client asks to upgrade cleartext requests to HTTP/2 (h2c), as a bot written in Java would by
        // default; p2px speaks HTTP/1.1 only (docs/security.md), and the client carries on with it.
        final HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
            .send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/account/me"))
                .header("X-P2PX-APIKEY", key.getString("keyId"))
                .header("X-P2PX-TIMESTAMP", String.valueOf(now))
                .header("X-P2PX-SIGNATURE", TradingFixture.hmac(key.getString("secret"), canonical))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void wrongSecretStaleTimestampUnknownAndRevokedKeysAre401()
    {
        final String token = TestUsers.signUp().getString("accessToken");
        final JsonPath key = create(token, List.of("READ"));
        final String keyId = key.getString("keyId");
        final long now = SigningClock.next();
        signed(keyId, "not-the-secret", now, "GET", "/api/v1/account/me", "", "").get("/api/v1/account/me")
            .then().statusCode(401).body("code", equalTo("INVALID_SIGNATURE"));
        signed(keyId, key.getString("secret"), now - 60_000, "GET", "/api/v1/account/me", "", "").get("/api/v1/account/me")
            .then().statusCode(401).body("code", equalTo("TIMESTAMP_OUTSIDE_WINDOW"));
        signed(keyId, key.getString("secret"), now + 60_000, "GET", "/api/v1/account/me", "", "").get("/api/v1/account/me")
            .then().statusCode(401).body("code", equalTo("TIMESTAMP_OUTSIDE_WINDOW"));
        given().header("X-P2PX-APIKEY", keyId).get("/api/v1/account/me")
            .then().statusCode(401).body("code", equalTo("TIMESTAMP_OUTSIDE_WINDOW"));
        signed("no-such-key", key.getString("secret"), now, "GET", "/api/v1/account/me", "", "").get("/api/v1/account/me")
            .then().statusCode(401).body("code", equalTo("INVALID_API_KEY"));

        given().auth().oauth2(token).delete("/api/v1/account/api-keys/" + keyId).then().statusCode(200);
        signed(keyId, key.getString("secret"), SigningClock.next(), "GET", "/api/v1/account/me", "", "")
            .get("/api/v1/account/me")
            .then().statusCode(401).body("code", equalTo("API_KEY_REVOKED"));
    }

    @Test
    void aKeyWithoutThePermissionIs403AndKeysCannotManageKeys()
    {
        final JsonPath key = create(TestUsers.signUp().getString("accessToken"), List.of("TRADE"));
        signed(key.getString("keyId"), key.getString("secret"), SigningClock.next(), "GET", "/api/v1/account/me", "", "")
            .get("/api/v1/account/me")
            .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        signed(key.getString("keyId"), key.getString("secret"), SigningClock.next(), "GET", "/api/v1/account/api-keys", "", "")
            .get("/api/v1/account/api-keys")
            .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private static JsonPath create(final String token, final List<String> permissions)
    {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("label", "my bot", "permissions", permissions))
            .post("/api/v1/account/api-keys")
            .then().statusCode(201).extract().jsonPath();
    }

    /** The request headers of docs/api.md, computed independently of the server's code. */
    private static RequestSpecification signed(final String keyId, final String secret, final long timestamp,
        final String method, final String path, final String query, final String body)
    {
        final String canonical = timestamp + "\n" + method + "\n" + path + "\n" + query + "\n" + body;
        return given().urlEncodingEnabled(false)
            .header("X-P2PX-APIKEY", keyId)
            .header("X-P2PX-TIMESTAMP", String.valueOf(timestamp))
            .header("X-P2PX-SIGNATURE", TradingFixture.hmac(secret, canonical));
    }
}
