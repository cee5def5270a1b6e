package org.p2px.gateway.ws;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.postPrivateAd;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture.Trader;

/** A PRIVATE ad is found and taken by its unguessable link only; its sequential id leads nowhere for others. */
@QuarkusTest
class PrivateAdLinkTest
{
    @TestHTTPResource("/ws")
    URI ws;

    @Test
    void aPrivateAdIsSeenAndTakenByItsLinkOnly()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final JsonPath created = postPrivateAd(seller, market);
        final long adId = created.getLong("id");
        final String link = created.getString("link");
        assertTrue(link.matches("[A-Za-z0-9_-]{22}"), link);

        // By id: the owner only. Anyone else, signed in or not, is told it does not exist.
        seller.request().get("/api/v1/ads/" + adId).then().statusCode(200).body("link", equalTo(link));
        final Trader stranger = newUser();
        stranger.request().get("/api/v1/ads/" + adId).then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        given().get("/api/v1/ads/" + adId).then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));

        // By link: anyone.
        given().get("/api/v1/ads/link/" + link).then().statusCode(200).body("id", equalTo((int)adId))
            .body("visibility", equalTo("PRIVATE"));
        given().get("/api/v1/ads/link/" + "A".repeat(22)).then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        given().get("/api/v1/ads/link/..%2F..%2Fetc").then().statusCode(404);

        // Taking: without the link, or with another, the ad does not exist; with it, the order opens.
        final Map<String, Object> take = Map.of("adId", adId, "amount", "92", "paymentMethod", "SEPA");
        stranger.request().body(take).post("/api/v1/orders").then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        stranger.request().body(with(take, "link", "B".repeat(22))).post("/api/v1/orders").then().statusCode(404)
            .body("code", equalTo("UNKNOWN_AD"));
        stranger.request().body(with(take, "link", link)).post("/api/v1/orders").then().statusCode(201);

        // Over the WebSocket alike.
        try (WsClient client = WsClient.open(ws, Map.of("Authorization", "Bearer " + newUser().token()), List.of(), false))
        {
            final JsonNode byId = client.request("a-1", "ad.get", Map.of("adId", adId));
            assertEquals("UNKNOWN_AD", byId.get("error").get("code").asText(), byId.toString());
            final JsonNode byLink = client.request("a-2", "ad.get", Map.of("link", link));
            assertEquals(adId, byLink.get("result").get("id").asLong(), byLink.toString());
        }
    }

    @Test
    void aPublicAdHasNoLinkAndIsTakenByItsId()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        given().get("/api/v1/ads/" + adId).then().statusCode(200).body("$", not(hasKey("link")));
        newUser().request().body(Map.of("adId", adId, "amount", "92", "paymentMethod", "SEPA"))
            .post("/api/v1/orders").then().statusCode(201);
    }

    private static Map<String, Object> with(final Map<String, Object> body, final String key, final Object value)
    {
        final java.util.HashMap<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
