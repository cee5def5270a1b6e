package org.p2px.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture;
import org.p2px.testing.TradingFixture.Trader;

/** The rules in force are public; an admin replaces them through the core, and the next command obeys them. */
@QuarkusTest
class RulesResourceTest
{
    @Test
    void theRulesInForceArePublic()
    {
        given().get("/api/v1/rules").then().statusCode(200)
            .body("releaseWindow", equalTo("PT30M"))
            .body("appealWait", equalTo("PT10M"))
            .body("maxUnpaidOrdersNewTaker", equalTo(2))
            .body("restrictionSteps", contains("PT15M", "PT30M", "PT1H", "PT4H", "PT24H"));
    }

    @Test
    void anAdminsRulesDecideTheNextCommandAndNobodyElseMayChangeThem()
    {
        final Map<String, Object> defaults = given().get("/api/v1/rules").then().statusCode(200).extract().jsonPath()
            .getMap("$");
        final Trader admin = TradingFixture.admin();
        final Map<String, Object> oneAd = new HashMap<>(defaults);
        oneAd.put("maxOpenAdsPerUser", 1);
        TradingFixture.newUser().request().body(oneAd).put("/api/v1/admin/rules").then().statusCode(403)
            .body("code", equalTo("NOT_ADMIN"));
        final String market = TradingFixture.newMarket();
        final Trader merchant = TradingFixture.fundedMerchant(market);
        try
        {
            admin.request().body(oneAd).put("/api/v1/admin/rules").then().statusCode(200)
                .body("maxOpenAdsPerUser", equalTo(1));
            given().get("/api/v1/rules").then().body("maxOpenAdsPerUser", equalTo(1));
            TradingFixture.postAd(merchant, market, "SELL", "100", "0.9200", "10", "92");
            merchant.request().body(Map.of("market", market, "side", "SELL", "quantity", "100",
                    "terms", Map.of("priceType", "FIXED", "price", "0.9200", "minFiat", "10", "maxFiat", "92",
                        "paymentMethods", java.util.List.of("SEPA"))))
                .post("/api/v1/ads").then().statusCode(409).body("code", equalTo("TOO_MANY_ADS"));
        }
        finally
        {
            admin.request().body(defaults).put("/api/v1/admin/rules").then().statusCode(200);
        }
        given().get("/api/v1/rules").then().body("maxOpenAdsPerUser", equalTo(100));
    }

    @Test
    void rulesTheCoreCannotRunWithAndMissingFieldsAreRefused()
    {
        final Map<String, Object> defaults = given().get("/api/v1/rules").then().extract().jsonPath().getMap("$");
        final Trader admin = TradingFixture.admin();

        final Map<String, Object> inverted = new HashMap<>(defaults);
        inverted.put("maxPaymentWindowMinutes", 5);
        admin.request().body(inverted).put("/api/v1/admin/rules").then().statusCode(400)
            .body("code", equalTo("INVALID_RULES"));

        final Map<String, Object> notADuration = new HashMap<>(defaults);
        notADuration.put("releaseWindow", "30 minutes");
        admin.request().body(notADuration).put("/api/v1/admin/rules").then().statusCode(400)
            .body("code", equalTo("INVALID_RULES"));

        final Map<String, Object> missing = new HashMap<>(defaults);
        missing.remove("maxPriceDeviationBps");
        admin.request().body(missing).put("/api/v1/admin/rules").then().statusCode(400)
            .body("code", equalTo("VALIDATION_FAILED"));

        given().get("/api/v1/rules").then().body("maxPaymentWindowMinutes", equalTo(180))
            .body("releaseWindow", equalTo("PT30M")).body("maxPriceDeviationBps", equalTo(5000));
    }
}
