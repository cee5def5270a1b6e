package org.p2px.gateway.ws;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** New users and API keys through REST, each test its own, as the REST tests do. */
final class WsTestUsers
{
    private WsTestUsers()
    {
    }

    /** A new user's session: accessToken, user.id, ... */
    static JsonPath signUp()
    {
        final String name = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "correct horse battery"))
            .post("/api/v1/auth/signup")
            .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath apiKey(final String token, final List<String> permissions)
    {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("label", "ws bot", "permissions", permissions))
            .post("/api/v1/account/api-keys")
            .then().statusCode(201).extract().jsonPath();
    }

    static void revoke(final String token, final String keyId)
    {
        given().auth().oauth2(token).delete("/api/v1/account/api-keys/" + keyId).then().statusCode(200);
    }

    /** The auth.apikey signature as docs/protocol.md describes it, computed independently of the server. */
    static String signature(final String secret, final long timestamp)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "\nGET\n/ws\n\n").getBytes(StandardCharsets.UTF_8)));
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
