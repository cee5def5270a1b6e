package org.p2px.gateway.trade;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.balance;
import static org.p2px.testing.TradingFixture.deposit;
import static org.p2px.testing.TradingFixture.hmac;
import static org.p2px.testing.TradingFixture.newKey;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.order;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.signed;
import static org.p2px.testing.TradingFixture.take;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Key;
import org.p2px.testing.TradingFixture.Trader;

/** Whole trades over REST between real users: every path of the order state machine a user can walk. */
@QuarkusTest
class RestTradingFlowsTest
{
    @Inject
    ShiftableClock clock;

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void aTakenAdIsPaidAndReleasedAndTheBuyerGetsTheAsset()
    {
        final String market = newMarket();
        final String asset = assetOf(market);
        final Trader seller = newUser("MERCHANT");
        final Trader buyer = newUser();
        deposit(seller.id(), asset, "1000");
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "500");
        assertAmount("499.5", balance(seller, asset)[0]);
        assertAmount("500.5", balance(seller, asset)[1]);

        final long orderId = take(buyer, adId, "92");
        final JsonPath opened = order(buyer, orderId);
        assertEquals("PENDING_PAYMENT", opened.getString("state"));
        assertAmount("100", opened.getString("quantity"));
        assertAmount("92", opened.getString("fiatAmount"));
        assertEquals(seller.id(), opened.getLong("sellerId"));
        assertEquals("SEPA", opened.getString("paymentMethod"));
        assertEquals(null, opened.getString("releaseBy"));

        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200)
            .body("state", equalTo("PAID")).body("releaseBy", notNullValue()).body("appealableFrom", notNullValue());

        // The buyer may not release: told so before any fund password is asked for or counted against them.
        buyer.request().body(Map.of("fundPassword", "not-it")).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(403).body("code", equalTo("NOT_SELLER"));
        buyer.request().body("{}").post("/api/v1/orders/" + orderId + "/release").then().statusCode(403)
            .body("code", equalTo("NOT_SELLER"));
        // Nor may anyone else: NOT_ORDER_PARTY, whatever fund password they give.
        final Trader stranger = newUser();
        stranger.request().body(Map.of("fundPassword", "not-it")).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(403).body("code", equalTo("NOT_ORDER_PARTY"));
        stranger.request().body("{}").post("/api/v1/orders/" + orderId + "/release").then().statusCode(403)
            .body("code", equalTo("NOT_ORDER_PARTY"));
        seller.request().body("{}").post("/api/v1/orders/" + orderId + "/release").then().statusCode(403)
            .body("code", equalTo("SECOND_FACTOR_REQUIRED"));
        seller.request().body(Map.of("fundPassword", "not-it")).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(403).body("code", equalTo("INVALID_SECOND_FACTOR"));
        seller.request().body(Map.of("fundPassword", FUND_PASSWORD)).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(200).body("state", equalTo("COMPLETED")).body("finishedAt", notNullValue());

        assertAmount("100", balance(buyer, asset)[0]);
        assertAmount("499.5", balance(seller, asset)[0]);
        assertAmount("400.4", balance(seller, asset)[1]);
        seller.request().get("/api/v1/ads/" + adId).then().statusCode(200).body("remaining", equalTo("400.000000"))
            .body("filled", equalTo("100.000000"));
    }

    @Test
    void theBuyerCancelsAndTheEscrowGoesBackToTheAd()
    {
        final SellAd stage = SellAd.posted();
        final Trader seller = stage.seller();
        final Trader buyer = stage.buyer();
        final long adId = stage.adId();
        final long orderId = take(buyer, adId, "46");
        seller.request().get("/api/v1/ads/" + adId).then().body("frozen", equalTo("50.000000"));

        buyer.request().post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200)
            .body("state", equalTo("CANCELLED")).body("cancelReason", equalTo("BY_BUYER"));
        seller.request().get("/api/v1/ads/" + adId).then().body("frozen", equalTo("0.000000"))
            .body("remaining", equalTo("500.000000"));
    }

    @Test
    void anUnpaidOrderExpiresWhenItsPaymentWindowPasses() throws InterruptedException
    {
        final SellAd stage = SellAd.posted();
        final Trader seller = stage.seller();
        final Trader buyer = stage.buyer();
        final long adId = stage.adId();
        final long orderId = take(buyer, adId, "92");

        clock.advance(Duration.ofMinutes(16).toMillis());
        final JsonPath expired = awaitState(buyer, orderId, "EXPIRED");
        assertEquals("EXPIRED", expired.getString("state"));
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(409)
            .body("code", equalTo("ORDER_FINISHED"));
        seller.request().get("/api/v1/ads/" + adId).then().body("remaining", equalTo("500.000000"));
    }

    @Test
    void anArbiterResolvesDisputesBothWays() throws InterruptedException
    {
        final String market = newMarket();
        final String asset = assetOf(market);
        final Trader seller = newUser("MERCHANT");
        final Trader buyer = newUser();
        final Trader arbiter = newUser("ARBITER");
        deposit(seller.id(), asset, "1000");
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "500");
        final long released = take(buyer, adId, "92");
        final long refunded = take(buyer, adId, "46");
        buyer.request().post("/api/v1/orders/" + released + "/paid").then().statusCode(200);
        buyer.request().post("/api/v1/orders/" + refunded + "/paid").then().statusCode(200);
        buyer.request().post("/api/v1/orders/" + released + "/appeal").then().statusCode(409)
            .body("code", equalTo("APPEAL_TOO_EARLY"));

        clock.advance(Duration.ofMinutes(11).toMillis());
        buyer.request().post("/api/v1/orders/" + released + "/appeal").then().statusCode(200)
            .body("state", equalTo("DISPUTED")).body("appellantId", equalTo((int) buyer.id()));
        seller.request().post("/api/v1/orders/" + refunded + "/appeal").then().statusCode(200)
            .body("state", equalTo("DISPUTED"));
        arbiter.request().get("/api/v1/admin/disputes").then().statusCode(200)
            .body("items.id", hasItem((int) released)).body("items.id", hasItem((int) refunded));

        buyer.request().body(Map.of("outcome", "RELEASE")).post("/api/v1/orders/" + released + "/resolve")
            .then().statusCode(403).body("code", equalTo("NOT_ARBITER"));
        arbiter.request().body(Map.of("outcome", "RELEASE")).post("/api/v1/orders/" + released + "/resolve")
            .then().statusCode(200).body("state", equalTo("COMPLETED"));
        arbiter.request().body(Map.of("outcome", "REFUND")).post("/api/v1/orders/" + refunded + "/resolve")
            .then().statusCode(200).body("state", equalTo("CANCELLED")).body("cancelReason", equalTo("ARBITER_REFUND"));

        assertAmount("100", balance(buyer, asset)[0]);
        seller.request().get("/api/v1/ads/" + adId).then().body("remaining", equalTo("400.000000"))
            .body("frozen", equalTo("0.000000"));
    }

    @Test
    void theBuyerWithdrawsAnAppealAndTheOrderIsPaidAgain()
    {
        final SellAd stage = SellAd.posted();
        final Trader seller = stage.seller();
        final Trader buyer = stage.buyer();
        final long orderId = take(buyer, stage.adId(), "92");
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11).toMillis());
        buyer.request().post("/api/v1/orders/" + orderId + "/appeal").then().statusCode(200);
        seller.request().post("/api/v1/orders/" + orderId + "/appeal/withdraw").then().statusCode(403)
            .body("code", equalTo("NOT_APPEAL_AUTHOR"));
        buyer.request().post("/api/v1/orders/" + orderId + "/appeal/withdraw").then().statusCode(200)
            .body("state", equalTo("PAID"));
    }

    @Test
    void theSellerAsksToCancelAndTheBuyerAccepts()
    {
        final SellAd stage = SellAd.posted();
        final Trader seller = stage.seller();
        final Trader buyer = stage.buyer();
        final long orderId = take(buyer, stage.adId(), "92");
        buyer.request().post("/api/v1/orders/" + orderId + "/cancel-request").then().statusCode(403)
            .body("code", equalTo("NOT_SELLER"));
        seller.request().post("/api/v1/orders/" + orderId + "/cancel-request").then().statusCode(200)
            .body("cancelRequested", equalTo(true));
        buyer.request().body(Map.of("accept", true)).post("/api/v1/orders/" + orderId + "/cancel-request/review")
            .then().statusCode(200).body("state", equalTo("CANCELLED"))
            .body("cancelReason", equalTo("SELLER_REQUEST_ACCEPTED"));
    }

    @Test
    void expressSplitsAnAmountNoSingleAdCanFill()
    {
        final String market = newMarket();
        final Trader cheap = newUser("MERCHANT");
        final Trader dearer = newUser("MERCHANT");
        final Trader buyer = newUser();
        deposit(cheap.id(), assetOf(market), "1000");
        deposit(dearer.id(), assetOf(market), "1000");
        final long cheapAd = postAd(cheap, market, "SELL", "500", "0.9200", "10", "100");
        final long dearerAd = postAd(dearer, market, "SELL", "500", "0.9300", "10", "100");

        final Map<String, Object> request = Map.of("market", market, "side", "BUY", "amount", "150",
            "paymentMethods", List.of("SEPA"), "allowSplit", false);
        buyer.request().body(request).post("/api/v1/orders/express").then().statusCode(409)
            .body("code", equalTo("NO_MATCHING_AD"));

        final JsonPath split = buyer.request().body(Map.of("market", market, "side", "BUY", "amount", "150",
                "paymentMethods", List.of("SEPA"), "allowSplit", true, "clientOrderId", 7))
            .post("/api/v1/orders/express").then().statusCode(201).body("orders", hasSize(2)).extract().jsonPath();
        assertEquals(List.of(cheapAd, dearerAd), split.getList("orders.sellAdId", Long.class));
        assertAmount("100", split.getString("orders[0].fiatAmount"));
    }

    @Test
    void aBotReleasesWithAnApiKeyThatHasTheReleasePermission()
    {
        final SellAd stage = SellAd.posted();
        final Trader seller = stage.seller();
        final Trader buyer = stage.buyer();
        final long orderId = take(buyer, stage.adId(), "92");
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);

        final Key tradeOnly = newKey(seller, List.of("READ", "TRADE"));
        final String path = "/api/v1/orders/" + orderId + "/release";
        signed(tradeOnly, "POST", path, "{}").post(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        final Key releaser = newKey(seller, List.of("READ", "RELEASE"));
        signed(releaser, "POST", path, "{}").post(path).then().statusCode(200).body("state", equalTo("COMPLETED"));
    }

    @Test
    void aSignedPostWithAnEmptyBodyAndContentLengthZeroIsAnswered() throws Exception
    {
        // What Python's requests sends for a POST without a body: Content-Length: 0 and nothing after the headers.
        final SellAd stage = SellAd.posted();
        final long orderId = take(stage.buyer(), stage.adId(), "92");
        final Key buyerKey = newKey(stage.buyer(), List.of("READ", "TRADE"));
        final Key releaser = newKey(stage.seller(), List.of("READ", "RELEASE"));
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        final HttpResponse<String> paid = http.send(emptySignedPost(buyerKey, "/api/v1/orders/" + orderId + "/paid"),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, paid.statusCode(), paid::body);
        assertTrue(paid.body().contains("\"state\":\"PAID\""), paid::body);
        final HttpResponse<String> released = http.send(
            emptySignedPost(releaser, "/api/v1/orders/" + orderId + "/release"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, released.statusCode(), released::body);
        assertTrue(released.body().contains("\"state\":\"COMPLETED\""), released::body);
    }

    /** A signed POST with no body, Content-Length: 0 (the JDK client sends it for noBody()), answered within 10 s. */
    private HttpRequest emptySignedPost(final Key key, final String path)
    {
        final long timestamp = org.p2px.testing.SigningClock.next();
        return HttpRequest.newBuilder(URI.create(baseUri.toString().replaceAll("/$", "") + path))
            .timeout(Duration.ofSeconds(10))
            .header("X-P2PX-APIKEY", key.keyId())
            .header("X-P2PX-TIMESTAMP", String.valueOf(timestamp))
            .header("X-P2PX-SIGNATURE", hmac(key.secret(), timestamp + "\nPOST\n" + path + "\n\n"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    }

    @Test
    void fiveWrongFundPasswordsLockReleasingEvenWithTheRightOne()
    {
        final SellAd stage = SellAd.posted();
        final long orderId = take(stage.buyer(), stage.adId(), "92");
        stage.buyer().request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
        final String release = "/api/v1/orders/" + orderId + "/release";
        for (int i = 0; i < 5; i++)
        {
            stage.seller().request().body(Map.of("fundPassword", "guess-" + i)).post(release)
                .then().statusCode(403).body("code", equalTo("INVALID_SECOND_FACTOR"));
        }
        stage.seller().request().body(Map.of("fundPassword", FUND_PASSWORD)).post(release)
            .then().statusCode(429).body("code", equalTo("SECOND_FACTOR_LOCKED"));
        assertEquals("PAID", order(stage.seller(), orderId).getString("state"));
    }

    @Test
    void takingWithTheSameClientOrderIdTwiceOpensOneOrder()
    {
        final SellAd stage = SellAd.posted();
        final Trader seller = stage.seller();
        final Trader buyer = stage.buyer();
        final long adId = stage.adId();
        final Map<String, Object> body = Map.of("adId", adId, "amount", "92", "paymentMethod", "SEPA",
            "clientOrderId", 424242);
        final long first = buyer.request().body(body).post("/api/v1/orders").then().statusCode(201)
            .extract().jsonPath().getLong("id");
        final long again = buyer.request().body(body).post("/api/v1/orders").then().statusCode(201)
            .extract().jsonPath().getLong("id");
        assertEquals(first, again);
        seller.request().get("/api/v1/ads/" + adId).then().body("frozen", equalTo("100.000000"));
    }

    @Test
    void badInputIsRefusedWithACodeAndChangesNothing()
    {
        final SellAd stage = SellAd.posted();
        final String market = stage.market();
        final Trader seller = stage.seller();
        final Trader buyer = stage.buyer();
        final long adId = stage.adId();

        buyer.request().body(Map.of("adId", adId, "amount", "1.234", "paymentMethod", "SEPA"))
            .post("/api/v1/orders").then().statusCode(400).body("code", equalTo("INVALID_AMOUNT"));
        buyer.request().body(Map.of("adId", adId, "amount", "abc", "paymentMethod", "SEPA"))
            .post("/api/v1/orders").then().statusCode(400).body("code", equalTo("INVALID_AMOUNT"));
        buyer.request().body(Map.of("adId", adId, "amount", "92", "paymentMethod", "CARRIER_PIGEON"))
            .post("/api/v1/orders").then().statusCode(400).body("code", equalTo("INVALID_PAYMENT_METHODS"));
        buyer.request().body(Map.of("adId", adId, "amount", "92", "paymentMethod", "REVOLUT"))
            .post("/api/v1/orders").then().statusCode(409).body("code", equalTo("PAYMENT_METHOD_NOT_ACCEPTED"));
        buyer.request().body(Map.of("adId", adId, "amount", "600", "paymentMethod", "SEPA"))
            .post("/api/v1/orders").then().statusCode(409).body("code", equalTo("AD_LIMIT_EXCEEDED"));
        buyer.request().body(Map.of("adId", 987654321, "amount", "92", "paymentMethod", "SEPA"))
            .post("/api/v1/orders").then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        buyer.request().body("{\"adId\": ").post("/api/v1/orders").then().statusCode(400)
            .body("code", equalTo("MALFORMED_REQUEST"));
        seller.request().body(Map.of("market", market, "side", "SIDEWAYS", "quantity", "1", "terms", Map.of()))
            .post("/api/v1/ads").then().statusCode(400).body("code", equalTo("INVALID_SIDE"));
        seller.request().body(Map.of("market", "NOPE-EUR", "side", "SELL", "quantity", "1", "terms", Map.of()))
            .post("/api/v1/ads").then().statusCode(404).body("code", equalTo("UNKNOWN_MARKET"));

        seller.request().get("/api/v1/ads/" + adId).then().body("frozen", equalTo("0.000000"))
            .body("remaining", equalTo("500.000000"));
        buyer.request().get("/api/v1/me/orders").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void everyAdOperationAnswersTheAdAfterItsOwnChange()
    {
        final SellAd posted = SellAd.posted();
        final Trader seller = posted.seller();
        final String path = "/api/v1/ads/" + posted.adId();
        seller.request().body(Map.of("delta", "25.5")).post(path + "/quantity").then().statusCode(200)
            .body("remaining", equalTo("525.500000"));
        seller.request().body(Map.of("delta", "-100")).post(path + "/quantity").then().statusCode(200)
            .body("remaining", equalTo("425.500000"));
        seller.request().body(Map.of("status", "OFFLINE")).post(path + "/status").then().statusCode(200)
            .body("status", equalTo("OFFLINE"));
        seller.request().body(Map.of("priceType", "FIXED", "price", "0.9300", "minFiat", "20", "maxFiat", "300",
                "paymentMethods", List.of("SEPA"), "terms", "Be quick."))
            .put(path).then().statusCode(200)
            .body("price", equalTo("0.9300")).body("minFiat", equalTo("20.00")).body("terms", equalTo("Be quick."));
        seller.request().delete(path).then().statusCode(200).body("status", equalTo("CLOSED"));
        // What the answers said is what a later read says.
        seller.request().get(path).then().statusCode(200).body("status", equalTo("CLOSED"))
            .body("remaining", equalTo("425.500000")).body("terms", equalTo("Be quick."));
    }

    /** A market of its own, a merchant with 1000 of its asset and a 500 SELL ad at 0.9200 (10 to 500 EUR), a buyer. */
    private record SellAd(String market, Trader seller, Trader buyer, long adId)
    {
        static SellAd posted()
        {
            final String market = newMarket();
            final Trader seller = newUser("MERCHANT");
            final Trader buyer = newUser();
            deposit(seller.id(), assetOf(market), "1000");
            return new SellAd(market, seller, buyer, postAd(seller, market, "SELL", "500", "0.9200", "10", "500"));
        }
    }

    private static JsonPath awaitState(final Trader reader, final long orderId, final String state)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath current = order(reader, orderId);
        while (!state.equals(current.getString("state")) && System.nanoTime() < deadline)
        {
            Thread.sleep(50);
            current = order(reader, orderId);
        }
        return current;
    }

    private static void assertAmount(final String expected, final String actual)
    {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)),
            () -> "expected " + expected + " but was " + actual);
    }
}
