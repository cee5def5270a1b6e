package org.p2px.gateway.ws;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * A statement of evidence reaches the other party on their {@code chat} channel and the arbiters on
 * {@code disputes} as it is made, over a real WebSocket: a {@code message} of kind EVIDENCE with its files.
 */
@QuarkusTest
class WsEvidencePushTest
{
    @TestHTTPResource("/ws")
    URI uri;
    @Inject
    ShiftableClock clock;

    @Test
    void aStatementIsPushedToTheOtherPartyAndTheArbitersWithItsFiles()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "1000");
        final Trader buyer = newUser();
        final Trader arbiter = newUser("ARBITER");
        final long orderId = take(buyer, adId, "92");
        final long receipt = given().auth().oauth2(buyer.token()).multiPart("file", "receipt.png", TestFiles.png(20, 20),
            "image/png").post("/api/v1/orders/" + orderId + "/attachments").then().statusCode(201)
            .extract().jsonPath().getLong("id");
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11).toMillis());

        try (WsClient sellerSide = signedIn(seller); WsClient console = signedIn(arbiter))
        {
            assertTrue(sellerSide.request("s-1", "subscribe", Map.of("channel", "chat")).get("ok").asBoolean());
            sellerSide.push("chat");
            assertTrue(console.request("s-1", "subscribe", Map.of("channel", "disputes")).get("ok").asBoolean());
            console.push("disputes");

            buyer.request().body(Map.of("statement", "Paid, the receipt shows it", "attachmentIds", List.of(receipt)))
                .post("/api/v1/orders/" + orderId + "/appeal").then().statusCode(200);

            for (final JsonNode line : List.of(awaitEvidence(sellerSide, "chat", orderId),
                awaitEvidence(console, "disputes", orderId)))
            {
                assertEquals("Paid, the receipt shows it", line.get("text").asText());
                assertEquals(buyer.id(), line.get("authorId").asLong());
                assertEquals(receipt, line.get("attachments").get(0).get("id").asLong());
                assertEquals(64, line.get("attachments").get(0).get("sha256").asText().length());
            }
        }
    }

    /** The next chat line of kind EVIDENCE of the order on the channel. */
    private static JsonNode awaitEvidence(final WsClient client, final String channel, final long orderId)
    {
        for (int i = 0; i < 20; i++)
        {
            final JsonNode push = client.push(channel);
            final JsonNode data = push.get("data");
            if ("message".equals(push.get("type").asText()) && data.get("orderId").asLong() == orderId
                && "EVIDENCE".equals(data.get("kind").asText()))
            {
                return data;
            }
        }
        throw new AssertionError("no EVIDENCE push for order " + orderId + " on " + channel);
    }

    private WsClient signedIn(final Trader user)
    {
        return WsClient.open(uri, Map.of("Authorization", "Bearer " + user.token()), List.of(), false);
    }
}
