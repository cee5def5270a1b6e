package org.p2px.gateway.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Payment accounts: a user keeps one per method; the buyer of an open order reads the seller's account for the
 * order's method, the seller too, an arbiter only once it is disputed, nobody else; bad input is refused whole.
 */
@QuarkusTest
class PaymentAccountsTest
{
    private static final String IBAN = "DE89 3704 0044 0532 0130 00";

    @Inject
    ShiftableClock clock;

    @Test
    void aUserKeepsOneAccountPerMethodAndBadInputIsRefused()
    {
        final Trader user = newUser();
        user.request().body(Map.of("holder", "Ana Example", "details", IBAN)).put("/api/v1/account/payment-accounts/SEPA")
            .then().statusCode(200).body("method", equalTo("SEPA")).body("details", equalTo(IBAN));
        user.request().body(Map.of("holder", "Ana E.", "details", IBAN)).put("/api/v1/account/payment-accounts/SEPA")
            .then().statusCode(200).body("holder", equalTo("Ana E."));
        user.request().body(Map.of("holder", "Ana", "details", "@ana")).put("/api/v1/account/payment-accounts/WISE")
            .then().statusCode(200);
        user.request().get("/api/v1/account/payment-accounts").then().statusCode(200).body("", hasSize(2))
            .body("[0].method", equalTo("SEPA")).body("[1].method", equalTo("WISE"));

        user.request().body(Map.of("holder", "Ana", "details", IBAN)).put("/api/v1/account/payment-accounts/PIGEON")
            .then().statusCode(400).body("code", equalTo("INVALID_PAYMENT_METHODS"));
        user.request().body(Map.of("holder", " ", "details", IBAN)).put("/api/v1/account/payment-accounts/REVOLUT")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        user.request().body(Map.of("holder", "Ana", "details", "x".repeat(301)))
            .put("/api/v1/account/payment-accounts/REVOLUT").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        user.request().body(Map.of("holder", "Ana\u0000", "details", IBAN)).put("/api/v1/account/payment-accounts/REVOLUT")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        user.request().get("/api/v1/account/payment-accounts").then().body("", hasSize(2));

        user.request().delete("/api/v1/account/payment-accounts/WISE").then().statusCode(204);
        user.request().delete("/api/v1/account/payment-accounts/WISE").then().statusCode(404)
            .body("code", equalTo("NO_PAYMENT_ACCOUNT"));
        user.request().get("/api/v1/account/payment-accounts").then().body("", hasSize(1));
    }

    @Test
    void theBuyerOfAnOpenOrderSeesTheSellersAccountAndNobodyElseDoes()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        seller.request().body(Map.of("holder", "Merchant GmbH", "details", IBAN))
            .put("/api/v1/account/payment-accounts/SEPA").then().statusCode(200);
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "1000");
        final Trader buyer = newUser();
        final Trader stranger = newUser();
        final Trader arbiter = newUser("ARBITER");
        final long orderId = take(buyer, adId, "92");
        final String path = "/api/v1/orders/" + orderId + "/payment-details";

        buyer.request().get(path).then().statusCode(200).body("method", equalTo("SEPA"))
            .body("holder", equalTo("Merchant GmbH")).body("details", equalTo(IBAN));
        seller.request().get(path).then().statusCode(200).body("details", equalTo(IBAN));
        stranger.request().get(path).then().statusCode(403).body("code", equalTo("NOT_ORDER_PARTY"));
        arbiter.request().get(path).then().statusCode(403);

        // Disputed: the arbiter may read it.
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11).toMillis());
        buyer.request().post("/api/v1/orders/" + orderId + "/appeal").then().statusCode(200);
        arbiter.request().get(path).then().statusCode(200).body("details", equalTo(IBAN));
        stranger.request().get(path).then().statusCode(403);

        // Finished: the buyer no longer needs it.
        final long done = take(buyer, adId, "50");
        buyer.request().post("/api/v1/orders/" + done + "/paid").then().statusCode(200);
        seller.request().body(Map.of("fundPassword", FUND_PASSWORD)).post("/api/v1/orders/" + done + "/release")
            .then().statusCode(200);
        buyer.request().get("/api/v1/orders/" + done + "/payment-details").then().statusCode(403)
            .body("code", equalTo("PAYMENT_DETAILS_NOT_ALLOWED"));
    }

    @Test
    void aSellerWithoutAnAccountForTheMethodSaysSo()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "1000");
        final Trader buyer = newUser();
        final long orderId = take(buyer, adId, "92");
        buyer.request().get("/api/v1/orders/" + orderId + "/payment-details").then().statusCode(404)
            .body("code", equalTo("NO_PAYMENT_ACCOUNT"));
    }
}
