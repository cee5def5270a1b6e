package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.gateway.ws.WsProtocolTest.assertError;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture;
import org.p2px.gateway.Pushes;

/**
 * subscribe / unsubscribe: the reply, the snapshot (seq 1 on a private channel, the channel's seq on a public
 * one), then updates numbered on per channel.
 */
@QuarkusTest
class WsSubscriptionTest
{
    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    Pushes pushes;

    @Test
    void privateChannelSnapshotThenUpdatesInSequence()
    {
        final JsonPath user = WsTestUsers.signUp();
        final long userId = user.getLong("user.id");
        try (WsClient client = signedIn(user).receivingSyntheticPushes())
        {
            final JsonNode reply = client.request("s-1", "subscribe", Map.of("channel", "orders"));
            assertTrue(reply.get("ok").asBoolean(), reply.toString());
            assertEquals("orders", reply.get("result").get("channel").asText());
            final JsonNode snapshot = client.next();
            assertEquals("orders", snapshot.get("channel").asText());
            assertEquals(1, snapshot.get("seq").asLong());
            assertEquals("snapshot", snapshot.get("type").asText());
            assertTrue(snapshot.get("data").isObject());

            pushes.toUser(userId, "orders", "order", Map.of("id", 11, "status", "OPEN"));
            pushes.toUser(userId, "balances", "balance", Map.of("asset", "USDT"));
            pushes.toUser(userId + 1_000_000, "orders", "order", Map.of("id", 99));
            pushes.toUser(userId, "orders", "order", Map.of("id", 11, "status", "PAID"));
            final JsonNode first = client.next();
            assertEquals(2, first.get("seq").asLong());
            assertEquals("order", first.get("type").asText());
            assertEquals("OPEN", first.get("data").get("status").asText());
            final JsonNode second = client.next();
            assertEquals(3, second.get("seq").asLong());
            assertEquals("PAID", second.get("data").get("status").asText());
            // balances was not subscribed, the other user's order is not ours.
            assertNull(client.pushWithin("balances", 200));
        }
    }

    @Test
    void eachChannelCountsOnItsOwn()
    {
        final JsonPath user = WsTestUsers.signUp();
        final long userId = user.getLong("user.id");
        try (WsClient client = signedIn(user).receivingSyntheticPushes())
        {
            client.request("s-1", "subscribe", Map.of("channel", "orders"));
            client.request("s-2", "subscribe", Map.of("channel", "chat"));
            assertEquals(1, client.push("orders").get("seq").asLong());
            assertEquals(1, client.push("chat").get("seq").asLong());
            pushes.toUser(userId, "chat", "message", Map.of("text", "hi"));
            pushes.toUser(userId, "orders", "order", Map.of("id", 1));
            pushes.toUser(userId, "chat", "message", Map.of("text", "there"));
            assertEquals(2, client.push("chat").get("seq").asLong());
            assertEquals(3, client.push("chat").get("seq").asLong());
            assertEquals(2, client.push("orders").get("seq").asLong());
        }
    }

    @Test
    void publicChannelNeedsNoSignInAndUnsubscribeStopsIt()
    {
        try (WsClient client = WsClient.open(uri).receivingSyntheticPushes())
        {
            // A real market (the snapshot is its book); with no index price, so nothing else pushes on its book.
            final String channel = "book." + TradingFixture.newMarket(false);
            assertTrue(client.request("s-1", "subscribe", Map.of("channel", channel)).get("ok").asBoolean());
            final JsonNode snapshot = client.push(channel);
            assertEquals("snapshot", snapshot.get("type").asText());
            // A public channel is numbered once for every subscriber: the snapshot carries the channel's seq.
            final long base = snapshot.get("seq").asLong();
            pushes.toChannel(channel, base + 1, base, "ad", Map.of("adId", 1));
            pushes.toChannel("book.BTC-EUR", 1, 0, "ad", Map.of("adId", 2));
            pushes.toChannel(channel, base + 1, base, "ad", Map.of("adId", 9));
            pushes.toChannel(channel, base + 2, base + 1, "ad", Map.of("adId", 3));
            final JsonNode first = client.push(channel);
            assertEquals(base + 1, first.get("seq").asLong());
            assertEquals(1, first.get("data").get("adId").asInt());
            final JsonNode second = client.push(channel);
            assertEquals(base + 2, second.get("seq").asLong(), "an update at or below the last seq sent is not sent");
            assertEquals(3, second.get("data").get("adId").asInt());
            assertNull(client.pushWithin("book.BTC-EUR", 100));

            assertError(client.request("s-2", "subscribe", Map.of("channel", channel)), "s-2", "ALREADY_SUBSCRIBED");
            assertTrue(client.request("s-3", "unsubscribe", Map.of("channel", channel)).get("ok").asBoolean());
            pushes.toChannel(channel, base + 3, base + 2, "ad", Map.of("adId", 4));
            assertNull(client.pushWithin(channel, 200));
            assertError(client.request("s-4", "unsubscribe", Map.of("channel", channel)), "s-4", "NOT_SUBSCRIBED");

            // Subscribing again starts over with a fresh snapshot, at the channel's seq (the fake updates above
            // did not change the book, so it is where it was).
            client.request("s-5", "subscribe", Map.of("channel", channel));
            final JsonNode again = client.push(channel);
            assertEquals(base, again.get("seq").asLong());
            assertEquals("snapshot", again.get("type").asText());
        }
    }

    @Test
    void privateChannelsNeedASignedInConnection()
    {
        try (WsClient client = WsClient.open(uri))
        {
            for (final String channel : List.of("orders", "balances", "chat"))
            {
                assertError(client.request("s-" + channel, "subscribe", Map.of("channel", channel)), "s-" + channel,
                    "UNAUTHENTICATED");
            }
        }
    }

    @Test
    void channelNamesAreChecked()
    {
        try (WsClient client = WsClient.open(uri))
        {
            for (final String channel : List.of("trades", "book.usdt-eur", "book.USDT", "index.A-EUR", "book.USDT-EUR.x", ""))
            {
                assertError(client.request("s-1", "subscribe", Map.of("channel", channel)), "s-1",
                    channel.isEmpty() ? "VALIDATION_FAILED" : "UNKNOWN_CHANNEL");
            }
            assertError(client.request("s-2", "subscribe", Map.of()), "s-2", "VALIDATION_FAILED");
            // Well-formed, but no such market: refused by the snapshot, and nothing stays subscribed.
            for (final String channel : List.of("book.NOPE42-EUR", "index.NOPE42-EUR"))
            {
                assertError(client.request("s-3", "subscribe", Map.of("channel", channel)), "s-3", "UNKNOWN_MARKET");
                assertError(client.request("s-4", "unsubscribe", Map.of("channel", channel)), "s-4", "NOT_SUBSCRIBED");
            }
        }
    }

    @Test
    void subscriptionsPerConnectionAreBounded()
    {
        // The test profile allows 8 (production 32): three private channels, then book and index of markets.
        final JsonPath user = WsTestUsers.signUp();
        final List<String> markets = List.of(TradingFixture.newMarket(false), TradingFixture.newMarket(false),
            TradingFixture.newMarket(false));
        try (WsClient client = signedIn(user))
        {
            int subscribed = 0;
            for (final String channel : List.of("orders", "balances", "chat", "book." + markets.get(0),
                "index." + markets.get(0), "book." + markets.get(1), "index." + markets.get(1), "book." + markets.get(2)))
            {
                assertTrue(client.request("s-" + subscribed, "subscribe", Map.of("channel", channel)).get("ok").asBoolean());
                subscribed++;
            }
            assertError(client.request("s-9", "subscribe", Map.of("channel", "index." + markets.get(2))), "s-9",
                "TOO_MANY_SUBSCRIPTIONS");
            // A refused subscription leaves no stream behind; one freed makes room again.
            assertError(client.request("s-10", "unsubscribe", Map.of("channel", "index." + markets.get(2))), "s-10",
                "NOT_SUBSCRIBED");
            assertTrue(client.request("s-11", "unsubscribe", Map.of("channel", "orders")).get("ok").asBoolean());
            assertTrue(client.request("s-12", "subscribe", Map.of("channel", "index." + markets.get(2))).get("ok").asBoolean());
        }
    }

    @Test
    void twoConnectionsOfOneUserBothGetTheirPushes()
    {
        final JsonPath user = WsTestUsers.signUp();
        try (WsClient one = signedIn(user).receivingSyntheticPushes();
            WsClient two = signedIn(user).receivingSyntheticPushes())
        {
            one.request("s-1", "subscribe", Map.of("channel", "balances"));
            two.request("s-1", "subscribe", Map.of("channel", "balances"));
            one.push("balances");
            two.push("balances");
            pushes.toUser(user.getLong("user.id"), "balances", "balance", Map.of("asset", "USDT", "available", "1.5"));
            assertEquals("1.5", one.push("balances").get("data").get("available").asText());
            assertEquals("1.5", two.push("balances").get("data").get("available").asText());
        }
    }

    private WsClient signedIn(final JsonPath user)
    {
        return WsClient.open(uri, Map.of("Authorization", "Bearer " + user.getString("accessToken")), List.of(), false);
    }
}
