package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.catalog.MarketInfo;

@QuarkusTest
class MarketQueriesTest
{
    @Test
    void marketsArePublicWithTheirIndexPrice()
    {
        final MarketInfo market = Fixtures.market();
        given().get("/api/v1/markets")
            .then().statusCode(200)
            .body("symbol", hasItem(market.symbol()))
            .body("find { it.symbol == '" + market.symbol() + "' }.indexPrice", equalTo("0.92"));
    }

    @Test
    void oneMarketBySymbolWithMoneyAtItsScales()
    {
        final MarketInfo market = Fixtures.market();
        given().get("/api/v1/markets/" + market.symbol().toLowerCase())
            .then().statusCode(200)
            .body("symbol", equalTo(market.symbol()))
            .body("asset", equalTo(market.asset().code()))
            .body("fiat", equalTo(market.fiat().code()))
            .body("priceScale", equalTo(2))
            .body("priceTick", equalTo("0.01"))
            .body("minOrderFiat", equalTo("10.00"))
            .body("makerFeeBps", equalTo(10))
            .body("takerFeeBps", equalTo(20))
            .body("paymentMethods", equalTo(List.of("SEPA", "REVOLUT")))
            .body("indexPrice", equalTo("0.92"));
    }

    @Test
    void anUnknownMarketIsA404()
    {
        given().get("/api/v1/markets/NOPE-NOPE")
            .then().statusCode(404).body("code", equalTo("UNKNOWN_MARKET"));
    }
}
