package org.p2px.gateway.ws;

import static io.restassured.RestAssured.given;
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
import org.p2px.gateway.attachment.TestFiles;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * The staff's {@code disputes} channel: arbiters and admins only; its snapshot lists the open disputes; each
 * dispute's opening, withdrawal and resolution, and its chat (statements of evidence too, which the other party
 * gets on {@code chat}), arrive as they happen, so the console never polls.
 */
@QuarkusTest
class WsDisputesChannelTest
{
    /**
     * Pushes of other disputes may come in between: on PostgreSQL the projector can still be writing the system
     * lines of earlier tests' disputed orders, each pushed to the staff. So many are skipped, each waited for.
     */
    private static final int OTHER_PUSHES = 1_000;

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

    /** An order between a merchant selling and a buyer, and an arbiter to watch it. */
    private record Trade(Trader seller, Trader buyer, Trader arbiter, long orderId)
    {
        static Trade open()
        {
            final String market = newMarket();
            final Trader seller = fundedMerchant(market);
            final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "1000");
            final Trader buyer = newUser();
            return new Trade(seller, buyer, newUser("ARBITER"), take(buyer, adId, "92"));
        }
    }

    @Test
    void anArbiterFollowsADisputeFromAppealToResolution()
    {
        final Trade trade = Trade.open();
        final Trader seller = trade.seller();
        final Trader buyer = trade.buyer();
        final Trader arbiter = trade.arbiter();
        final long orderId = trade.orderId();
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
            awaitMessage(console, "disputes", orderId, null);

            buyer.request().body(Map.of("text", "I paid, here is the reference 123")).post("/api/v1/orders/" + orderId + "/chat")
                .then().statusCode(201);
            assertEquals("I paid, here is the reference 123", awaitMessage(console, "disputes", orderId, "USER").get("text").asText());

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

    @Test
    void aStatementOfEvidenceIsPushedToTheOtherPartyAndTheArbitersWithItsFiles()
    {
        final Trade trade = Trade.open();
        final long receipt = given().auth().oauth2(trade.buyer().token())
            .multiPart("file", "receipt.png", TestFiles.png(20, 20), "image/png")
            .post("/api/v1/orders/" + trade.orderId() + "/attachments").then().statusCode(201)
            .extract().jsonPath().getLong("id");
        trade.buyer().request().post("/api/v1/orders/" + trade.orderId() + "/paid").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11).toMillis());

        try (WsClient sellerSide = signedIn(trade.seller()); WsClient console = signedIn(trade.arbiter()))
        {
            assertTrue(sellerSide.request("s-1", "subscribe", Map.of("channel", "chat")).get("ok").asBoolean());
            sellerSide.push("chat");
            assertTrue(console.request("s-1", "subscribe", Map.of("channel", "disputes")).get("ok").asBoolean());
            console.push("disputes");

            trade.buyer().request().body(Map.of("statement", "Paid, the receipt shows it", "attachmentIds",
                List.of(receipt))).post("/api/v1/orders/" + trade.orderId() + "/appeal").then().statusCode(200);

            for (final JsonNode line : List.of(awaitMessage(sellerSide, "chat", trade.orderId(), "EVIDENCE"),
                awaitMessage(console, "disputes", trade.orderId(), "EVIDENCE")))
            {
                assertEquals("Paid, the receipt shows it", line.get("text").asText());
                assertEquals(trade.buyer().id(), line.get("authorId").asLong());
                assertEquals(receipt, line.get("attachments").get(0).get("id").asLong());
                assertEquals(64, line.get("attachments").get(0).get("sha256").asText().length());
            }
        }
    }

    private static JsonNode awaitOrder(final WsClient console, final long orderId)
    {
        for (int i = 0; i < OTHER_PUSHES; i++)
        {
            final JsonNode push = console.push("disputes");
            if ("order".equals(push.get("type").asText()) && push.get("data").get("id").asLong() == orderId)
            {
                return push.get("data");
            }
        }
        throw new AssertionError("no order push for " + orderId);
    }

    /** The next chat line of the order on {@code channel}, of {@code kind} (any when null). */
    private static JsonNode awaitMessage(final WsClient client, final String channel, final long orderId,
        final String kind)
    {
        for (int i = 0; i < OTHER_PUSHES; i++)
        {
            final JsonNode push = client.push(channel);
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
