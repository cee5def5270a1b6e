package org.p2px.gateway.ws;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.ADMIN_PASSWORD;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.hmac;
import static org.p2px.testing.TradingFixture.newKey;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.p2px.testing.AuthenticatorApp;
import org.p2px.testing.SigningClock;
import org.p2px.testing.TradingFixture.Key;
import org.p2px.testing.TradingFixture.Trader;

/**
 * With JSON logs switched on (p2px.log.json, as in the container), a whole trade over both gateways: sign-ins, an
 * API key, a signed take, paid over the WebSocket, a refused and a granted release, an authenticator turned on and
 * off. Every line the server logged (to a file of the test's own, in the same JSON format as the console's) parses
 * as JSON; the audit lines name who, from where, on what and the result; no line holds a password, token, secret,
 * code or signature the test used. Beside WsClient, which it drives the WebSocket with.
 */
@QuarkusTest
@TestProfile(AuditLogTest.JsonLogs.class)
class AuditLogTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class JsonLogs implements QuarkusTestProfile
    {
        @Override
        public Map<String, String> getConfigOverrides()
        {
            return Map.of("p2px.log.json", "true",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", "target/audit-log-test/" + UUID.randomUUID() + ".log");
        }
    }

    @ConfigProperty(name = "quarkus.log.file.path")
    Path logFile;

    @TestHTTPResource("/ws")
    URI ws;

    /** Everything secret the test handled: none of it may be in the log. */
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD, FUND_PASSWORD, ADMIN_PASSWORD));

    @Test
    void aWholeTradeIsAuditedInJsonLinesThatHoldNoSecret() throws IOException
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final Trader buyer = signedIn(newUser().username());
        final Key key = newKey(buyer, List.of("READ", "TRADE"));
        secrets.add(key.secret());
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");

        final long orderId = signedTake(key, adId);
        try (WsClient client = WsClient.open(ws, Map.of("Authorization", "Bearer " + buyer.token()), List.of(), false))
        {
            final JsonNode paid = client.request("1", "order.paid", Map.of("orderId", orderId));
            assertTrue(paid.get("ok").asBoolean(), paid::toString);
        }
        final String refusal = buyer.request().body(Map.of("fundPassword", FUND_PASSWORD))
            .post("/api/v1/orders/" + orderId + "/release").then().statusCode(403).extract().jsonPath()
            .getString("code");
        seller.request().body(Map.of("fundPassword", FUND_PASSWORD)).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(200);
        apiKeySignInOverTheWebSocket(key);
        given().contentType(ContentType.JSON).body(Map.of("username", buyer.username(), "password", "wrong password 1"))
            .post("/api/v1/auth/signin").then().statusCode(401);
        authenticatorOnAndOff(seller);
        secrets.addAll(List.of(seller.token(), "wrong password 1"));

        final List<JsonNode> lines = logLines();
        for (final JsonNode line : lines)
        {
            // "eyJ" opens every JWT (a JSON header in base64url): no access token of anyone's is logged.
            assertFalse(line.toString().contains("eyJ"), () -> "a token in the log: " + line);
            for (final String secret : secrets)
            {
                assertFalse(line.toString().contains(secret), () -> "a secret in the log: " + line);
            }
        }
        final List<JsonNode> audit = auditEntries(lines);
        final String buyerId = String.valueOf(buyer.id());
        final String sellerId = String.valueOf(seller.id());
        final String order = String.valueOf(orderId);
        final JsonNode take = one(audit, Map.of("action", "order.take", "result", "ok", "userId", buyerId,
            "username", buyer.username(), "apiKey", key.keyId(), "orderId", order, "adId", String.valueOf(adId)));
        assertLoopback(take);
        assertLoopback(one(audit, Map.of("action", "order.paid", "result", "ok", "userId", buyerId, "orderId", order)));
        assertLoopback(one(audit, Map.of("action", "order.release", "result", refusal, "userId", buyerId,
            "orderId", order)));
        one(audit, Map.of("action", "order.release", "result", "ok", "userId", sellerId, "orderId", order));
        one(audit, Map.of("action", "ad.create", "result", "ok", "userId", sellerId, "adId", String.valueOf(adId)));
        one(audit, Map.of("action", "admin.deposit", "result", "ok", "targetUserId", sellerId, "amount", "1000"));
        one(audit, Map.of("action", "apikey.create", "result", "ok", "userId", buyerId, "keyId", key.keyId()));
        one(audit, Map.of("action", "ws.signin", "result", "ok", "userId", buyerId, "method", "apikey",
            "apiKey", key.keyId()));
        one(audit, Map.of("action", "auth.signin", "result", "ok", "userId", buyerId, "username", buyer.username()));
        assertLoopback(one(audit, Map.of("action", "auth.signin", "result", "INVALID_CREDENTIALS",
            "username", buyer.username())));
        one(audit, Map.of("action", "account.totp_enable", "result", "ok", "userId", sellerId));
        one(audit, Map.of("action", "account.totp_disable", "result", "ok", "userId", sellerId));

        final String operations = Files.readString(Path.of("docs/operations.md"));
        audit.stream().map(entry -> entry.path("action").asText()).distinct().forEach(action ->
            assertTrue(operations.contains("`" + action + "`"), "docs/operations.md describes audit action " + action));
    }

    /**
     * Refusals carry the code the client got: by the core (a seller cancelling, over the WebSocket's event-loop
     * path), before the command (a wrong fund password), at sign-in (and the lock that follows), and an API-key
     * signature that does not match.
     */
    @Test
    void refusalsAreAuditedWithTheirCode() throws IOException
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final Trader buyer = newUser();
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        final long orderId = buyer.request().body(Map.of("adId", adId, "amount", "46", "paymentMethod", "SEPA"))
            .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getLong("id");
        final String cancelRefusal;
        try (WsClient client = WsClient.open(ws, Map.of("Authorization", "Bearer " + seller.token()), List.of(), false))
        {
            final JsonNode reply = client.request("1", "order.cancel", Map.of("orderId", orderId));
            assertFalse(reply.get("ok").asBoolean(), reply::toString);
            cancelRefusal = reply.get("error").get("code").asText();
        }
        seller.request().body(Map.of("fundPassword", "not the fund password"))
            .post("/api/v1/orders/" + orderId + "/release").then().statusCode(403);
        for (int i = 0; i < 5; i++)
        {
            given().contentType(ContentType.JSON).body(Map.of("username", buyer.username(), "password", "wrong " + i))
                .post("/api/v1/auth/signin").then().statusCode(401);
        }
        final Key key = newKey(buyer, List.of("READ"));
        given().header("X-P2PX-APIKEY", key.keyId()).header("X-P2PX-TIMESTAMP", String.valueOf(SigningClock.next()))
            .header("X-P2PX-SIGNATURE", "0".repeat(64)).get("/api/v1/me/balances").then().statusCode(401);

        final List<JsonNode> audit = auditEntries(logLines());
        final String order = String.valueOf(orderId);
        assertLoopback(one(audit, Map.of("action", "order.cancel", "result", cancelRefusal,
            "userId", String.valueOf(seller.id()), "orderId", order)));
        one(audit, Map.of("action", "order.release", "result", "INVALID_SECOND_FACTOR",
            "userId", String.valueOf(seller.id()), "orderId", order));
        assertEquals(5, audit.stream().filter(entry -> "auth.signin".equals(entry.path("action").asText())
            && buyer.username().equals(entry.path("username").asText())
            && "INVALID_CREDENTIALS".equals(entry.path("result").asText())).count());
        one(audit, Map.of("action", "auth.lockout", "result", "SIGN_IN_LOCKED", "scope", "ACCOUNT",
            "account", buyer.username().toLowerCase()));
        assertLoopback(one(audit, Map.of("action", "apikey.auth", "result", "INVALID_SIGNATURE",
            "apiKey", key.keyId())));
    }

    /** Signs in over REST, so the test holds (and checks the log for) a refresh token too. */
    private Trader signedIn(final String username)
    {
        final JsonPath session = given().contentType(ContentType.JSON)
            .body(Map.of("username", username, "password", PASSWORD))
            .post("/api/v1/auth/signin").then().statusCode(200).extract().jsonPath();
        secrets.add(session.getString("accessToken"));
        secrets.add(session.getString("refreshToken"));
        return new Trader(session.getLong("user.id"), username, session.getString("accessToken"));
    }

    /** Takes the ad with a request signed by the API key; keeps the signature, which must not be logged. */
    private long signedTake(final Key key, final long adId)
    {
        final String body = "{\"adId\":" + adId + ",\"amount\":\"46\",\"paymentMethod\":\"SEPA\"}";
        final long timestamp = SigningClock.next();
        final String signature = hmac(key.secret(), timestamp + "\nPOST\n/api/v1/orders\n\n" + body);
        secrets.add(signature);
        return given().contentType(ContentType.JSON).header("X-P2PX-APIKEY", key.keyId())
            .header("X-P2PX-TIMESTAMP", String.valueOf(timestamp)).header("X-P2PX-SIGNATURE", signature)
            .body(body).post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void apiKeySignInOverTheWebSocket(final Key key)
    {
        final long timestamp = SigningClock.next();
        final String signature = hmac(key.secret(), timestamp + "\nGET\n/ws\n\n");
        secrets.add(signature);
        try (WsClient client = WsClient.open(ws))
        {
            final JsonNode reply = client.request("1", "auth.apikey", Map.of("keyId", key.keyId(),
                "timestamp", String.valueOf(timestamp), "signature", signature));
            assertTrue(reply.get("ok").asBoolean(), reply::toString);
        }
    }

    private void authenticatorOnAndOff(final Trader user)
    {
        final String secret = user.request().body(Map.of("password", PASSWORD)).post("/api/v1/account/totp")
            .then().statusCode(200).extract().jsonPath().getString("secret");
        final String code = AuthenticatorApp.code(secret, 0);
        final List<String> recovery = user.request().body(Map.of("code", code)).post("/api/v1/account/totp/confirm")
            .then().statusCode(200).extract().jsonPath().getList("recoveryCodes");
        user.request().body(Map.of("password", PASSWORD, "code", recovery.get(0))).post("/api/v1/account/totp/disable")
            .then().statusCode(204);
        secrets.add(secret);
        secrets.add(code);
        secrets.addAll(recovery);
    }

    /** Every line of the log file, each of which must be one JSON object. */
    private List<JsonNode> logLines() throws IOException
    {
        final List<JsonNode> lines = new ArrayList<>();
        for (final String text : Files.readAllLines(logFile, StandardCharsets.UTF_8))
        {
            if (text.isBlank())
            {
                continue;
            }
            final JsonNode line = JSON.readTree(text);
            assertTrue(line.isObject(), text);
            lines.add(line);
        }
        assertFalse(lines.isEmpty(), "nothing logged to " + logFile);
        return lines;
    }

    /** The audit lines' fields. */
    private static List<JsonNode> auditEntries(final List<JsonNode> lines)
    {
        return lines.stream().filter(line -> "p2px.audit".equals(line.path("loggerName").asText()))
            .map(line -> line.path("mdc")).toList();
    }

    /** The one audit entry with these fields (its JSON keys under "mdc"). */
    private static JsonNode one(final List<JsonNode> audit, final Map<String, String> fields)
    {
        final List<JsonNode> found = audit.stream()
            .filter(entry -> fields.entrySet().stream()
                .allMatch(field -> field.getValue().equals(entry.path(field.getKey()).asText(null))))
            .toList();
        assertEquals(1, found.size(), () -> "audit lines with " + fields + ": " + found + " among " + audit);
        return found.get(0);
    }

    private static void assertLoopback(final JsonNode entry) throws IOException
    {
        assertTrue(InetAddress.getByName(entry.path("address").asText()).isLoopbackAddress(), entry::toString);
    }
}
