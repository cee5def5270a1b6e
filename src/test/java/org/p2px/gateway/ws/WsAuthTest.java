package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.gateway.ws.WsProtocolTest.assertError;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.notice.Notice;
import org.p2px.notice.NoticesCatchUp;
import org.p2px.notice.NoticesResumed;
import org.p2px.readmodel.ApiKey;
import org.p2px.testing.SigningClock;

/** Signing a connection in: on the upgrade (header, subprotocol), with auth.login, with an API key. */
@QuarkusTest
class WsAuthTest
{
    private static final long OTHER_GATEWAY = 99;

    @TestHTTPResource("/ws")
    URI uri;

    @TestHTTPResource("/ws?access_token=x")
    URI queryTokenUri;

    @Inject
    OnlineUsers online;
    @Inject
    Event<Notice> notices;
    @Inject
    Event<NoticesResumed> resumptions;
    @Inject
    Event<NoticesCatchUp> catchUps;

    @Test
    void bearerHeaderOnTheUpgrade()
    {
        final JsonPath user = WsTestUsers.signUp();
        try (WsClient client = WsClient.open(uri, Map.of("Authorization", "Bearer " + user.getString("accessToken")), List.of(), false))
        {
            final JsonNode me = client.request("c-1", "test.whoami", Map.of("x", 1));
            assertEquals(user.getLong("user.id"), me.get("result").get("userId").asLong());
            assertTrue(me.get("result").get("person").asBoolean());
            assertEquals(1, me.get("result").get("args").get("x").asInt());
            assertTrue(client.request("c-2", "test.public", Map.of()).get("result").get("signedIn").asBoolean());
        }
    }

    @Test
    void browserFormTheTokenAsSubprotocol()
    {
        final JsonPath user = WsTestUsers.signUp();
        try (WsClient client = WsClient.open(uri, Map.of(), List.of("bearer", user.getString("accessToken")), false))
        {
            assertEquals("bearer", client.subprotocol());
            final JsonNode me = client.request("c-1", "test.whoami", Map.of());
            assertEquals(user.getLong("user.id"), me.get("result").get("userId").asLong());
        }
    }

    @Test
    void badTokensAreRefusedWith401()
    {
        final String token = WsTestUsers.signUp().getString("accessToken");
        final String altered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertUpgradeRefused(uri, Map.of("Authorization", "Bearer " + altered), List.of());
        assertUpgradeRefused(uri, Map.of("Authorization", "Bearer not-a-jwt"), List.of());
        assertUpgradeRefused(uri, Map.of("Authorization", "Basic YWxpY2U6c2VjcmV0"), List.of());
        assertUpgradeRefused(uri, Map.of(), List.of("bearer", "not-a-jwt"));
        // The query-string form leaks into logs: refused even with a good token.
        assertUpgradeRefused(URI.create(queryTokenUri.toString().replace("=x", "=" + token)), Map.of(), List.of());
    }

    @Test
    void authLoginSignsAnAnonymousConnectionIn()
    {
        final JsonPath user = WsTestUsers.signUp();
        try (WsClient client = WsClient.open(uri))
        {
            assertError(client.request("c-1", "test.whoami", Map.of()), "c-1", "UNAUTHENTICATED");
            assertError(client.request("c-2", "auth.login", Map.of("token", "nope")), "c-2", "INVALID_TOKEN");
            assertError(client.request("c-3", "auth.login", Map.of()), "c-3", "VALIDATION_FAILED");
            final JsonNode login = client.request("c-4", "auth.login", Map.of("token", user.getString("accessToken")));
            assertTrue(login.get("ok").asBoolean(), login.toString());
            assertEquals(user.getLong("user.id"), login.get("result").get("userId").asLong());
            assertEquals(List.of("READ", "TRADE"), List.of(login.get("result").get("permissions").get(0).asText(),
                login.get("result").get("permissions").get(1).asText()));
            assertTrue(login.get("result").get("expiresAt").asLong() > System.currentTimeMillis());
            assertEquals(user.getLong("user.id"), client.request("c-5", "test.whoami", Map.of()).get("result").get("userId").asLong());
            // Renewing with the same user's token is fine; another user's is not.
            assertTrue(client.request("c-6", "auth.login", Map.of("token", user.getString("accessToken"))).get("ok").asBoolean());
            assertError(client.request("c-7", "auth.login", Map.of("token", WsTestUsers.signUp().getString("accessToken"))),
                "c-7", "FORBIDDEN");
        }
    }

    @Test
    void apiKeyLogin()
    {
        final JsonPath user = WsTestUsers.signUp();
        final JsonPath key = WsTestUsers.apiKey(user.getString("accessToken"), List.of("READ"));
        final String keyId = key.getString("keyId");
        final String secret = key.getString("secret");
        try (WsClient client = WsClient.open(uri))
        {
            final long now = SigningClock.next();
            assertError(client.request("c-1", "auth.apikey", Map.of("keyId", keyId, "timestamp", now,
                "signature", WsTestUsers.signature("wrong secret", now))), "c-1", "INVALID_SIGNATURE");
            assertError(client.request("c-2", "auth.apikey", Map.of("keyId", keyId, "timestamp", now - 60_000,
                "signature", WsTestUsers.signature(secret, now - 60_000))), "c-2", "TIMESTAMP_OUTSIDE_WINDOW");
            assertError(client.request("c-3", "auth.apikey", Map.of("keyId", "no-such-key", "timestamp", now,
                "signature", WsTestUsers.signature(secret, now))), "c-3", "INVALID_API_KEY");
            final JsonNode login = client.request("c-4", "auth.apikey", Map.of("keyId", keyId,
                "timestamp", String.valueOf(now), "signature", WsTestUsers.signature(secret, now)));
            assertTrue(login.get("ok").asBoolean(), login.toString());
            assertEquals(user.getLong("user.id"), login.get("result").get("userId").asLong());
            assertFalse(login.get("result").get("person").asBoolean());
            assertTrue(login.get("result").get("expiresAt").isNull());
            assertEquals(user.getLong("user.id"), client.request("c-5", "test.whoami", Map.of()).get("result").get("userId").asLong());
            // The key may only READ.
            assertError(client.request("c-6", "test.trade", Map.of()), "c-6", "FORBIDDEN");
        }
        WsTestUsers.revoke(user.getString("accessToken"), keyId);
        try (WsClient client = WsClient.open(uri))
        {
            final long now = SigningClock.next();
            assertError(client.request("c-1", "auth.apikey", Map.of("keyId", keyId, "timestamp", now,
                "signature", WsTestUsers.signature(secret, now))), "c-1", "API_KEY_REVOKED");
        }
    }

    @Test
    void anApiKeySignInSentAgainIsRefusedOnAnyConnection()
    {
        final JsonPath user = WsTestUsers.signUp();
        final JsonPath key = WsTestUsers.apiKey(user.getString("accessToken"), List.of("READ"));
        final long now = SigningClock.next();
        final String signature = WsTestUsers.signature(key.getString("secret"), now);
        final Map<String, Object> args = Map.of("keyId", key.getString("keyId"), "timestamp", now, "signature", signature);
        try (WsClient first = WsClient.open(uri); WsClient replayed = WsClient.open(uri))
        {
            assertTrue(first.request("a-1", "auth.apikey", args).get("ok").asBoolean());
            assertError(replayed.request("a-1", "auth.apikey", args), "a-1", "SIGNATURE_ALREADY_USED");
            assertError(first.request("a-2", "auth.apikey", args), "a-2", "SIGNATURE_ALREADY_USED");
            // Upper case is the same signature, not a new one.
            assertError(replayed.request("a-3", "auth.apikey", Map.of("keyId", key.getString("keyId"), "timestamp", now,
                "signature", signature.toUpperCase(java.util.Locale.ROOT))), "a-3", "SIGNATURE_ALREADY_USED");
            assertError(replayed.request("a-4", "test.whoami", Map.of()), "a-4", "UNAUTHENTICATED");
        }
    }

    @Test
    void aKeyGetsOverTheWebSocketOnlyWhatItsPermissionsGetOverRest()
    {
        final JsonPath user = WsTestUsers.signUp();
        try (WsClient tradeOnly = signedInWithKey(user, List.of("TRADE"));
             WsClient readOnly = signedInWithKey(user, List.of("READ")))
        {
            // Reads of the user's own data need READ, as GET /api/v1/me/... does.
            assertError(tradeOnly.request("t-1", "balances.get", Map.of()), "t-1", "FORBIDDEN");
            assertError(tradeOnly.request("t-2", "blocks.list", Map.of()), "t-2", "FORBIDDEN");
            assertError(tradeOnly.request("t-3", "orders.mine", Map.of()), "t-3", "FORBIDDEN");
            assertError(tradeOnly.request("t-4", "order.get", Map.of("orderId", 1)), "t-4", "FORBIDDEN");
            assertError(tradeOnly.request("t-5", "subscribe", Map.of("channel", "balances")), "t-5", "FORBIDDEN");
            assertTrue(readOnly.request("r-1", "balances.get", Map.of()).get("ok").asBoolean());
            assertTrue(readOnly.request("r-2", "subscribe", Map.of("channel", "orders")).get("ok").asBoolean());
            // Writing in a chat or rating needs TRADE, as POST does.
            assertError(readOnly.request("r-3", "chat.send", Map.of("orderId", 1, "text", "hi")), "r-3", "FORBIDDEN");
            assertError(readOnly.request("r-4", "feedback.leave", Map.of("orderId", 1, "positive", true)), "r-4",
                "FORBIDDEN");
        }
    }

    private WsClient signedInWithKey(final JsonPath user, final List<String> permissions)
    {
        final JsonPath key = WsTestUsers.apiKey(user.getString("accessToken"), permissions);
        final WsClient client = WsClient.open(uri);
        final long now = SigningClock.next();
        final JsonNode login = client.request("login", "auth.apikey", Map.of("keyId", key.getString("keyId"),
            "timestamp", now, "signature", WsTestUsers.signature(key.getString("secret"), now)));
        assertTrue(login.get("ok").asBoolean(), login.toString());
        return client;
    }

    @Test
    void revokingAKeyClosesTheConnectionsSignedInWithItAndNoOther()
    {
        revokedWhileSignedIn((user, keyId) -> WsTestUsers.revoke(user.getString("accessToken"), keyId));
    }

    /** Another gateway sharing the database revoked the key: its notice (as the listener fires it) signs it out here. */
    @Test
    void aKeyRevokedThroughAnotherGatewayClosesTheConnectionsSignedInWithItHere()
    {
        revokedWhileSignedIn((user, keyId) ->
            notices.fire(new Notice.KeyRevoked(OTHER_GATEWAY, user.getLong("user.id"), keyId)));
    }

    /** The key was revoked elsewhere while this gateway's notice connection was down: it is found once it is back. */
    @Test
    void aKeyRevokedWhileTheNoticesWereNotHeardClosesItsConnectionsOnceTheyAreBack()
    {
        revokedWhileSignedIn((user, keyId) ->
        {
            QuarkusTransaction.requiringNew().run(() -> ApiKey.findByKeyId(keyId).orElseThrow().revoked = true);
            resumptions.fire(new NoticesResumed());
        });
    }

    /**
     * The key was revoked through a gateway that died before its notice: the periodic catch-up (as
     * {@code GatewayNotices} fires it) finds it.
     */
    @Test
    void aKeyRevokedWithoutANoticeClosesItsConnectionsAtTheNextCatchUp()
    {
        revokedWhileSignedIn((user, keyId) ->
        {
            QuarkusTransaction.requiringNew().run(() -> ApiKey.findByKeyId(keyId).orElseThrow().revoked = true);
            catchUps.fire(new NoticesCatchUp());
        });
    }

    /** A user signed in with a new key and with a token; {@code revoke} revokes the key: only its connection closes. */
    private void revokedWhileSignedIn(final BiConsumer<JsonPath, String> revoke)
    {
        final JsonPath user = WsTestUsers.signUp();
        final String token = user.getString("accessToken");
        final JsonPath key = WsTestUsers.apiKey(token, List.of("READ"));
        final String keyId = key.getString("keyId");
        try (WsClient withKey = WsClient.open(uri);
            WsClient withToken = WsClient.open(uri, Map.of("Authorization", "Bearer " + token), List.of(), false))
        {
            final long now = SigningClock.next();
            assertTrue(withKey.request("k-1", "auth.apikey", Map.of("keyId", keyId, "timestamp", now,
                "signature", WsTestUsers.signature(key.getString("secret"), now))).get("ok").asBoolean());

            revoke.accept(user, keyId);

            final WsClient.Closed closed = withKey.closed();
            assertEquals(4003, closed.code(), closed.toString());
            assertEquals(user.getLong("user.id"),
                withToken.request("t-1", "test.whoami", Map.of()).get("result").get("userId").asLong(),
                "the token's connection stays open");
        }
    }

    @Test
    void aUserIsOnlineWhileSignedInOnAConnection() throws InterruptedException
    {
        final JsonPath user = WsTestUsers.signUp();
        final long userId = user.getLong("user.id");
        assertFalse(online.isOnline(userId));
        final WsClient client = WsClient.open(uri, Map.of("Authorization", "Bearer " + user.getString("accessToken")), List.of(), false);
        assertTrue(client.request("c-1", "ping", Map.of()).get("ok").asBoolean());
        assertTrue(online.isOnline(userId));
        client.close();
        final long deadline = System.currentTimeMillis() + 5_000;
        while (online.isOnline(userId) && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(20);
        }
        assertFalse(online.isOnline(userId));
    }

    private static void assertUpgradeRefused(final URI uri, final Map<String, String> headers, final List<String> subprotocols)
    {
        final CompletionException refused = assertThrows(CompletionException.class,
            () -> WsClient.open(uri, headers, subprotocols, false).close());
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, String.valueOf(refused.getCause()));
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }
}
