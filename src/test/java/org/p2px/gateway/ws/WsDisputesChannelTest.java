package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.gateway.ws.WsProtocolTest.assertError;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * The staff's {@code disputes} channel: arbiters and admins only; its snapshot lists the open disputes; each
 * dispute's opening, withdrawal and resolution, and its chat, arrive as they happen, so the console never polls.
 */
@QuarkusTest
class WsDisputesChannelTest
{
    @TestHTTPResource("/ws")
    URI uri;
    @Inject
    ShiftableClock clock;

    @Test
    void onlyStaffSubscribe()
    {
        try (WsClient anonymous = WsClient.open(uri); WsClient user = signedIn(newUser()))
        {
            assertError(anonymous.request("s-1", "subscribe", Map.of("channel", "disputes")), "s-1", "UNAUTHENTICATED");
            assertError(user.request("s-1", "subscribe", Map.of("channel", "disputes")), "s-1", "FORBIDDEN");
            assertError(user.request("s-2", "unsubscribe", Map.of("channel", "disputes")), "s-2", "NOT_SUBSCRIBED");
        }
    }

    @Test
    void anArbiterFollowsADisputeFromAppealToResolution()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "1000");
        final Trader buyer = newUser();
        final Trader arbiter = newUser("ARBITER");
        final long orderId = take(buyer, adId, "92");
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);

        try (WsClient console = signedIn(arbiter))
        {
            assertTrue(console.request("s-1", "subscribe", Map.of("channel", "disputes")).get("ok").asBoolean());
            final JsonNode snapshot = console.push("disputes");
            assertEquals(1, snapshot.get("seq").asLong());
            assertTrue(snapshot.get("data").get("orders").isArray());

            clock.advance(Duration.ofMinutes(11).toMillis());
            buyer.request().post("/api/v1/orders/" + orderId + "/appeal").then().statusCode(200);
            assertEquals("DISPUTED", awaitOrder(console, orderId).get("state").asText());
            awaitMessage(console, orderId, null);

            buyer.request().body(Map.of("text", "I paid, here is the reference 123")).post("/api/v1/orders/" + orderId + "/chat")
                .then().statusCode(201);
            assertEquals("I paid, here is the reference 123", awaitMessage(console, orderId, "USER").get("text").asText());

            buyer.request().post("/api/v1/orders/" + orderId + "/appeal/withdraw").then().statusCode(200);
            assertEquals("PAID", awaitOrder(console, orderId).get("state").asText());

            clock.advance(Duration.ofMinutes(11).toMillis());
            seller.request().post("/api/v1/orders/" + orderId + "/appeal").then().statusCode(200);
            assertEquals("DISPUTED", awaitOrder(console, orderId).get("state").asText());
            arbiter.request().body(Map.of("outcome", "RELEASE")).post("/api/v1/orders/" + orderId + "/resolve")
                .then().statusCode(200);
            assertEquals("COMPLETED", awaitOrder(console, orderId).get("state").asText());
        }
        // A new console's snapshot no longer lists it.
        try (WsClient console = signedIn(arbiter))
        {
            console.request("s-1", "subscribe", Map.of("channel", "disputes"));
            console.push("disputes").get("data").get("orders")
                .forEach(order -> assertTrue(order.get("id").asLong() != orderId, "resolved, still listed"));
        }
    }

    private static JsonNode awaitOrder(final WsClient console, final long orderId)
    {
        for (int i = 0; i < 20; i++)
        {
            final JsonNode push = console.push("disputes");
            if ("order".equals(push.get("type").asText()) && push.get("data").get("id").asLong() == orderId)
            {
                return push.get("data");
            }
        }
        throw new AssertionError("no order push for " + orderId);
    }

    /** The next chat line of the order on the channel, of {@code kind} (any when null). */
    private static JsonNode awaitMessage(final WsClient console, final long orderId, final String kind)
    {
        for (int i = 0; i < 20; i++)
        {
            final JsonNode push = console.push("disputes");
            final JsonNode data = push.get("data");
            if ("message".equals(push.get("type").asText()) && data.get("orderId").asLong() == orderId
                && (kind == null || kind.equals(data.get("kind").asText())))
            {
                return data;
            }
        }
        throw new AssertionError("no chat push for " + orderId);
    }

    private WsClient signedIn(final Trader user)
    {
        return WsClient.open(uri, Map.of("Authorization", "Bearer " + user.token()), List.of(), false);
    }
}
