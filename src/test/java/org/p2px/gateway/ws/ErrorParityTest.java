package org.p2px.gateway.ws;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
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
            // A field checked by the gateway, named in the message (REST has the method in its path).
            same(ws, taker, "PUT", "/api/v1/account/payment-accounts/SEPA", Map.of("holder", " ", "details", "DE89"),
                "payment_account.set", Map.of("method", "SEPA", "holder", " ", "details", "DE89"), "VALIDATION_FAILED", null);
            // A field of the other price type, which would be ignored.
            final Map<String, Object> floating = new HashMap<>(terms("priceType", "FLOATING"));
            floating.put("marginBps", 50);
            final Map<String, Object> fixedWithMargin = terms("marginBps", 50);
            for (final Map<String, Object> terms : List.of(floating, fixedWithMargin))
            {
                final Map<String, Object> ad = Map.of("market", market, "side", "SELL", "quantity", "10", "terms", terms);
                same(ws, taker, "POST", "/api/v1/ads", ad, "ad.create", ad, "VALIDATION_FAILED", null);
            }
            // An unknown name.
            same(ws, taker, "PUT", "/api/v1/account/payment-accounts/PIGEON", Map.of("holder", "Ana", "details", "DE89"),
                "payment_account.set", Map.of("method", "PIGEON", "holder", "Ana", "details", "DE89"),
                "INVALID_PAYMENT_METHODS", null);
        }
    }

    /**
     * Each trading request record's constraints, broken: REST (through {@code @Valid}) and the WebSocket (through
     * {@code WsArgs}) refuse it with VALIDATION_FAILED and the same message naming the field, before any rule runs.
     */
    @Test
    void aBrokenRequestRecordIsRefusedAlikeOnBothGateways()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        final String adPath = "/api/v1/ads/" + adId;
        final String tooLong = "x".repeat(1_001);
        final List<BadRequest> requests = List.of(
            new BadRequest("POST", "/api/v1/orders", "order.take",
                Map.of("amount", "50", "paymentMethod", "SEPA"), "adId must not be null"),
            new BadRequest("POST", "/api/v1/orders", "order.take",
                Map.of("adId", adId, "amount", "50", "paymentMethod", "SEPA", "clientOrderId", 0),
                "clientOrderId must be greater than 0"),
            new BadRequest("POST", "/api/v1/orders", "order.take",
                Map.of("adId", adId, "amount", "50", "amountIn", "COINS", "paymentMethod", "SEPA"),
                "amountIn must be FIAT or ASSET"),
            new BadRequest("POST", "/api/v1/orders/express", "order.express",
                Map.of("market", market, "side", "BUY", "amount", "50", "amountIn", "EUR",
                    "paymentMethods", List.of("SEPA"), "clientOrderId", -3),
                "amountIn must be FIAT or ASSET; clientOrderId must be greater than 0"),
            new BadRequest("POST", "/api/v1/ads", "ad.create",
                Map.of("market", market, "side", "SELL", "quantity", "10"), "terms must not be null"),
            new BadRequest("POST", "/api/v1/ads", "ad.create",
                Map.of("market", market, "side", "SELL", "quantity", "10", "terms", terms("visibility", "SECRET")),
                "visibility must be PUBLIC or PRIVATE"),
            new BadRequest("POST", "/api/v1/ads", "ad.create",
                Map.of("market", market, "side", "SELL", "quantity", "10", "terms", terms("terms", tooLong)),
                "terms must be at most 1000 characters"),
            new BadRequest("PUT", adPath, terms("autoReply", tooLong), "ad.update",
                Map.of("adId", adId, "terms", terms("autoReply", tooLong)), "autoReply must be at most 1000 characters"),
            new BadRequest("PUT", adPath, null, "ad.update", Map.of("adId", adId), "terms must not be null"));
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + seller.token()), List.of(), false))
        {
            assertAll(requests.stream().map(request -> () -> same(ws, seller, request.method(), request.path(),
                request.body(), request.op(), request.args(), "VALIDATION_FAILED", request.message())));
        }
        // Nothing was opened or posted by the refused requests.
        assertEquals(0, seller.request().get("/api/v1/me/orders").then().statusCode(200).extract().jsonPath()
            .getList("items").size());
        assertEquals(1, seller.request().get("/api/v1/me/ads").then().statusCode(200).extract().jsonPath()
            .getList("$").size());
    }

    /**
     * A field the request does not have (a typo would otherwise be dropped and its default used) and a JSON number
     * where a decimal string is due are refused alike on both gateways, naming the field, and change nothing.
     */
    @Test
    void aTypoedFieldOrANumberForADecimalIsRefusedAlikeOnBothGateways()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        final String mustBeAString = " must be a string: amounts and prices are decimal strings such as \"92.50\".";
        final Map<String, Object> typo = Map.of("market", market, "side", "SELL", "quantity", "10",
            "terms", terms("paymentWindw", 60));
        final Map<String, Object> numericQuantity = Map.of("market", market, "side", "SELL", "quantity", 10,
            "terms", terms("terms", "hi"));
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + seller.token()), List.of(), false))
        {
            same(ws, seller, "POST", "/api/v1/ads", typo, "ad.create", typo, "MALFORMED_REQUEST",
                "Unknown field 'terms.paymentWindw'.");
            same(ws, seller, "POST", "/api/v1/ads", numericQuantity, "ad.create", numericQuantity, "MALFORMED_REQUEST",
                "'quantity'" + mustBeAString);
            // A negative gate was stored as 0 where the wire type is unsigned: refused alike now.
            final Map<String, Object> negativeGate = Map.of("market", market, "side", "SELL", "quantity", "10",
                "terms", terms("minAccountAgeDays", -3));
            same(ws, seller, "POST", "/api/v1/ads", negativeGate, "ad.create", negativeGate, "VALIDATION_FAILED",
                "minAccountAgeDays must be greater than or equal to 0");
        }
        final Trader taker = newUser();
        final Map<String, Object> numericAmount = Map.of("adId", adId, "amount", 0.1, "paymentMethod", "SEPA");
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + taker.token()), List.of(), false))
        {
            same(ws, taker, "POST", "/api/v1/orders", numericAmount, "order.take", numericAmount, "MALFORMED_REQUEST",
                "'amount'" + mustBeAString);
            // A whole number means exactly that: "19" or 19.5 would otherwise have taken ad 19.
            final String mustBeWhole = "'adId' must be a whole number, such as 42 (not a string or a fraction).";
            for (final Object id : List.of(Long.toString(adId), adId + 0.5))
            {
                final Map<String, Object> take = Map.of("adId", id, "amount", "10", "paymentMethod", "SEPA");
                same(ws, taker, "POST", "/api/v1/orders", take, "order.take", take, "MALFORMED_REQUEST", mustBeWhole);
            }
            // A key twice means different things to different parsers: refused, on REST naming it.
            final String twice = "{\"adId\":" + adId + ",\"amount\":\"10\",\"amount\":\"20\",\"paymentMethod\":\"SEPA\"}";
            taker.request().body(twice).post("/api/v1/orders").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST")).body("message", equalTo("Field 'amount' appears twice."));
            ws.send("{\"id\":\"dup\",\"op\":\"order.take\",\"args\":" + twice + "}");
            final JsonNode refused = ws.next();
            assertFalse(refused.get("ok").asBoolean(), refused.toString());
            assertEquals("MALFORMED_REQUEST", refused.get("error").get("code").asText(), refused.toString());
        }
        assertEquals(1, seller.request().get("/api/v1/me/ads").then().statusCode(200).extract().jsonPath()
            .getList("$").size());
        assertEquals(0, taker.request().get("/api/v1/me/orders").then().statusCode(200).extract().jsonPath()
            .getList("items").size());
    }

    /** What is within the constraints is still accepted: names in any case, texts of 1000 characters once trimmed. */
    @Test
    void whatTheConstraintsAllowIsStillAccepted()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final Map<String, Object> terms = new HashMap<>(terms("terms", "  " + "x".repeat(1_000) + "\n"));
        terms.put("visibility", " private");
        final JsonPath created = seller.request().body(Map.of("market", market, "side", "SELL", "quantity", "100",
            "terms", terms)).post("/api/v1/ads").then().statusCode(201).extract().jsonPath();
        final long adId = created.getLong("id");
        final Trader taker = newUser();
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + taker.token()), List.of(), false))
        {
            // A PRIVATE ad is taken with its link.
            final JsonNode reply = ws.request("t-1", "order.take", Map.of("adId", adId, "amount", "50",
                "amountIn", "fiat", "paymentMethod", "SEPA", "clientOrderId", 1, "link", created.getString("link")));
            assertTrue(reply.get("ok").asBoolean(), reply.toString());
        }
    }

    /** A request refused by the record's constraints: REST's body (null for none) and the WebSocket's args. */
    private record BadRequest(String method, String path, Object body, String op, Map<String, Object> args,
        String message)
    {
        BadRequest(final String method, final String path, final String op, final Map<String, Object> args,
            final String message)
        {
            this(method, path, args, op, args, message);
        }
    }

    /** Valid FIXED terms with one field set to {@code value}. */
    static Map<String, Object> terms(final String field, final Object value)
    {
        final Map<String, Object> terms = new HashMap<>(Map.of("priceType", "FIXED", "price", "0.9200",
            "minFiat", "10", "maxFiat", "500", "paymentMethods", List.of("SEPA")));
        terms.put(field, value);
        return terms;
    }

    private static void same(final WsClient ws, final Trader caller, final String method, final String path,
        final String op, final Map<String, Object> args, final String expectedCode)
    {
        same(ws, caller, method, path, args, op, args, expectedCode, null);
    }

    /**
     * Sends {@code body} over REST and {@code args} over the WebSocket: both refused with {@code expectedCode} (null:
     * any) and, both, {@code expectedMessage} (null: any).
     */
    static void same(final WsClient ws, final Trader caller, final String method, final String path,
        final Object body, final String op, final Map<String, Object> args, final String expectedCode,
        final String expectedMessage)
    {
        final RequestSpecification request = body == null ? caller.request() : caller.request().body(body);
        final JsonPath rest = request.request(method, path).then().extract().jsonPath();
        final JsonNode reply = ws.request("e-" + op, op, args);
        assertFalse(reply.get("ok").asBoolean(), reply.toString());
        final JsonNode error = reply.get("error");
        if (expectedCode != null)
        {
            assertEquals(expectedCode, rest.getString("code"));
        }
        assertEquals(rest.getString("code"), error.get("code").asText(), op);
        if (expectedMessage != null)
        {
            assertEquals(expectedMessage, rest.getString("message"), op);
        }
        assertEquals(rest.getString("message"), error.get("message").asText(), op);
    }
}
