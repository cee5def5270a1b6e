package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
