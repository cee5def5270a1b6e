package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture.Trader;

/**
 * One error path: the same bad request over REST and over the WebSocket is refused with the same code and the
 * same message (both go through {@code Failures}); only the encoding differs.
 */
@QuarkusTest
class ErrorParityTest
{
    @TestHTTPResource("/ws")
    URI uri;

    @Test
    void theSameBadInputGetsTheSameCodeAndMessageOnBothGateways()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        final Trader taker = newUser();
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + taker.token()), List.of(), false))
        {
            // A rule of the core: outside the ad's limits.
            same(ws, taker, "POST", "/api/v1/orders", "order.take",
                Map.of("adId", adId, "amount", "5000", "paymentMethod", "SEPA"), "AD_LIMIT_EXCEEDED");
            // A number that is not one.
            same(ws, taker, "POST", "/api/v1/orders", "order.take",
                Map.of("adId", adId, "amount", "-5", "paymentMethod", "SEPA"), null);
            // A field checked by the gateway, named in the message.
            same(ws, taker, "PUT", "/api/v1/account/payment-accounts/SEPA", "payment_account.set",
                Map.of("method", "SEPA", "holder", " ", "details", "DE89"), "VALIDATION_FAILED");
            // An unknown name.
            same(ws, taker, "PUT", "/api/v1/account/payment-accounts/PIGEON", "payment_account.set",
                Map.of("method", "PIGEON", "holder", "Ana", "details", "DE89"), "INVALID_PAYMENT_METHODS");
        }
    }

    /**
     * One validation path: the request records carry Bean Validation annotations, checked by the REST resources
     * and by the WebSocket's argument reader alike, so the shape errors read the same on both.
     */
    @Test
    void theRequestShapeIsCheckedByTheSameAnnotationsOnBothGateways()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        final Trader taker = newUser();
        final Map<String, Object> terms = Map.of("priceType", "FIXED", "price", "0.9300", "minFiat", "10",
            "maxFiat", "500", "paymentMethods", List.of("SEPA"), "terms", "x".repeat(1001));
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + taker.token()), List.of(), false);
             WsClient merchantWs = WsClient.open(uri, Map.of("Authorization", "Bearer " + seller.token()), List.of(),
                 false))
        {
            final String noAd = sameValidationFailure(ws, taker, "POST", "/api/v1/orders", "order.take",
                Map.of("amount", "20", "paymentMethod", "SEPA"));
            assertTrue(noAd.contains("adId"), noAd);
            final String badClientId = sameValidationFailure(ws, taker, "POST", "/api/v1/orders", "order.take",
                Map.of("adId", adId, "amount", "20", "paymentMethod", "SEPA", "clientOrderId", 0));
            assertTrue(badClientId.contains("clientOrderId"), badClientId);
            sameValidationFailure(ws, taker, "POST", "/api/v1/orders/express", "order.express", Map.of("market",
                market, "side", "BUY", "amount", "20", "paymentMethods", List.of("SEPA"), "clientOrderId", -3));
            final String noTerms = sameValidationFailure(merchantWs, seller, "POST", "/api/v1/ads", "ad.create",
                Map.of("market", market, "side", "SELL", "quantity", "10"));
            assertTrue(noTerms.contains("terms"), noTerms);
            final String longTerms = sameValidationFailure(merchantWs, seller, "POST", "/api/v1/ads", "ad.create",
                Map.of("market", market, "side", "SELL", "quantity", "10", "terms", terms));
            assertTrue(longTerms.contains("1000"), longTerms);
        }
        // Nothing was opened or posted by the refused requests.
        assertEquals(0, taker.request().get("/api/v1/me/orders").then().statusCode(200).extract().jsonPath()
            .getList("items").size());
    }

    /** The same VALIDATION_FAILED and message from both gateways; returns the message. */
    private static String sameValidationFailure(final WsClient ws, final Trader caller, final String method,
        final String path, final String op, final Map<String, Object> args)
    {
        same(ws, caller, method, path, op, args, "VALIDATION_FAILED");
        return caller.request().body(args).request(method, path).then().statusCode(400).extract().jsonPath()
            .getString("message");
    }

    private static void same(final WsClient ws, final Trader caller, final String method, final String path,
        final String op, final Map<String, Object> args, final String expectedCode)
    {
        final JsonPath rest = caller.request().body(args).request(method, path).then().extract().jsonPath();
        final JsonNode reply = ws.request("e-" + op, op, args);
        assertFalse(reply.get("ok").asBoolean(), reply.toString());
        final JsonNode error = reply.get("error");
        if (expectedCode != null)
        {
            assertEquals(expectedCode, rest.getString("code"));
        }
        assertEquals(rest.getString("code"), error.get("code").asText(), op);
        assertEquals(rest.getString("message"), error.get("message").asText(), op);
    }
}
