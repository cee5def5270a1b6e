package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.gateway.queries.Fixtures.TestUser;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserRole;

@QuarkusTest
class OrderQueriesTest
{
    @Test
    void thePartiesSeeTheOrderWithNamesAndMoneyAtTheMarketsScales()
    {
        final TestUser buyer = Fixtures.user();
        final TestUser seller = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), seller.id(), row -> { });
        for (final TestUser party : List.of(buyer, seller))
        {
            given().auth().oauth2(party.token()).get("/api/v1/orders/" + order.id)
                .then().statusCode(200)
                .body("id", equalTo(order.id))
                .body("market", equalTo(Fixtures.market().symbol()))
                .body("state", equalTo("PENDING_PAYMENT"))
                .body("buyerName", equalTo(buyer.username()))
                .body("sellerName", equalTo(seller.username()))
                .body("price", equalTo("0.93"))
                .body("quantity", equalTo("100.000000"))
                .body("fiatAmount", equalTo("93.00"))
                .body("buyerFee", equalTo("0.200000"))
                .body("sellerFee", equalTo("0.100000"))
                .body("paymentMethod", equalTo("REVOLUT"))
                .body("payBy", equalTo(order.payBy.toString()))
                .body("paidAt", equalTo(null));
        }
    }

    @Test
    void othersAreRefusedButStaffMayLook()
    {
        final OrderRow order = Fixtures.order(Fixtures.user().id(), Fixtures.user().id(), row -> { });
        given().auth().oauth2(Fixtures.user().token()).get("/api/v1/orders/" + order.id)
            .then().statusCode(403).body("code", equalTo("NOT_ORDER_PARTY"));
        given().auth().oauth2(Fixtures.user(UserRole.MERCHANT).token()).get("/api/v1/orders/" + order.id)
            .then().statusCode(403).body("code", equalTo("NOT_ORDER_PARTY"));
        given().auth().oauth2(Fixtures.user(UserRole.ARBITER).token()).get("/api/v1/orders/" + order.id)
            .then().statusCode(200).body("id", equalTo(order.id));
        given().auth().oauth2(Fixtures.user(UserRole.ADMIN).token()).get("/api/v1/orders/" + order.id)
            .then().statusCode(200);
        given().get("/api/v1/orders/" + order.id)
            .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Fixtures.user().token()).get("/api/v1/orders/" + Fixtures.nextId())
            .then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
    }

    @Test
    void myOrdersAsBuyerOrSellerNewestFirstInPages()
    {
        final TestUser me = Fixtures.user();
        final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.DAYS);
        final OrderRow oldest = Fixtures.order(me.id(), Fixtures.user().id(), row -> row.createdAt = start);
        final OrderRow middle = Fixtures.order(Fixtures.user().id(), me.id(), row ->
        {
            row.createdAt = start.plus(1, ChronoUnit.DAYS);
            row.state = "COMPLETED";
        });
        final OrderRow newest =
            Fixtures.order(me.id(), Fixtures.user().id(), row -> row.createdAt = start.plus(2, ChronoUnit.DAYS));
        Fixtures.order(Fixtures.user().id(), Fixtures.user().id(), row -> { });

        given().auth().oauth2(me.token()).get("/api/v1/me/orders")
            .then().statusCode(200)
            .body("items.id", equalTo(List.of(newest.id, middle.id, oldest.id)))
            .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(3));
        given().auth().oauth2(me.token()).queryParam("page", 1).queryParam("size", 2).get("/api/v1/me/orders")
            .then().statusCode(200)
            .body("items.id", equalTo(List.of(oldest.id)))
            .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(3));
        given().auth().oauth2(me.token()).queryParam("size", 1000).get("/api/v1/me/orders")
            .then().statusCode(200).body("size", equalTo(100)).body("items", hasSize(3));
    }

    @Test
    void myOrdersFilteredByStateAndTime()
    {
        final TestUser me = Fixtures.user();
        final Instant start = Instant.parse("2026-01-01T00:00:00Z");
        final OrderRow first = Fixtures.order(me.id(), Fixtures.user().id(), row -> row.createdAt = start);
        final OrderRow second = Fixtures.order(me.id(), Fixtures.user().id(), row ->
        {
            row.createdAt = start.plus(1, ChronoUnit.DAYS);
            row.state = "CANCELLED";
            row.cancelReason = "BY_BUYER";
        });
        given().auth().oauth2(me.token()).queryParam("state", "CANCELLED").get("/api/v1/me/orders")
            .then().statusCode(200).body("items.id", equalTo(List.of(second.id)))
            .body("items[0].cancelReason", equalTo("BY_BUYER"));
        given().auth().oauth2(me.token()).queryParam("from", start.toString())
            .queryParam("to", start.plus(1, ChronoUnit.DAYS).toString()).get("/api/v1/me/orders")
            .then().statusCode(200).body("items.id", equalTo(List.of(first.id)));
        given().auth().oauth2(me.token()).queryParam("from", start.plus(1, ChronoUnit.DAYS).toString())
            .get("/api/v1/me/orders")
            .then().statusCode(200).body("items.id", equalTo(List.of(second.id)));
    }

    @Test
    void badOrderQueriesAreRefusedWithACode()
    {
        final String token = Fixtures.user().token();
        for (final String[] query : List.of(new String[] {"state", "OPEN"}, new String[] {"from", "yesterday"},
            new String[] {"page", "-1"}, new String[] {"size", "0"}, new String[] {"page", "x"}))
        {
            given().auth().oauth2(token).queryParam(query[0], query[1]).get("/api/v1/me/orders")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        }
        // page times size past the largest offset: refused, not an overflow into a 500
        given().auth().oauth2(token).queryParam("page", 21474837).queryParam("size", 100).get("/api/v1/me/orders")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
            .body("message", equalTo("page must be at most 21474836 for size 100."));
        given().auth().oauth2(token).queryParam("page", 21474836).queryParam("size", 100).get("/api/v1/me/orders")
            .then().statusCode(200).body("items", equalTo(List.of()));
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 2)
            .get("/api/v1/users/" + Fixtures.user().id() + "/feedback")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().get("/api/v1/me/orders").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void myBalancesAtTheAssetsScale()
    {
        // Balances are the core's: 251.5 deposited, 250 and its 0.25 maker fee reserved by a SELL ad.
        final TestUser me = Fixtures.user(UserRole.MERCHANT);
        final long admin = Fixtures.adminId();
        final int marketId = Fixtures.market().id();
        final int assetId = Fixtures.assetId();
        Fixtures.core().registerUser(me.id(), Role.MERCHANT, 1);
        Fixtures.core().send((p, b, o, c) -> p.deposit(b, o, c, 0, admin, me.id(), assetId, 251_500_000));
        final AdTermsSpec terms = new AdTermsSpec().fixed(93).limits(1_000, 50_000).paymentMethods(0b0001);
        Fixtures.core().send((p, b, o, c) ->
            p.createAd(b, o, c, 0, me.id(), marketId, Side.SELL, 250_000_000, AdStatus.ONLINE, terms));
        given().auth().oauth2(me.token()).get("/api/v1/me/balances")
            .then().statusCode(200)
            .body("$", hasSize(1))
            .body("[0].asset", equalTo(Fixtures.market().asset().code()))
            .body("[0].available", equalTo("1.250000"))
            .body("[0].locked", equalTo("250.250000"));
        given().auth().oauth2(Fixtures.user().token()).get("/api/v1/me/balances")
            .then().statusCode(200).body("$", hasSize(0));
        given().get("/api/v1/me/balances").then().statusCode(401);
    }

    @Test
    void myBlocksMostRecentFirst()
    {
        final TestUser me = Fixtures.user();
        final TestUser first = Fixtures.user();
        final TestUser second = Fixtures.user();
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Fixtures.block(me.id(), first.id(), now.minusSeconds(60));
        Fixtures.block(me.id(), second.id(), now);
        Fixtures.block(second.id(), me.id(), now);
        given().auth().oauth2(me.token()).get("/api/v1/me/blocks")
            .then().statusCode(200)
            .body("userId", equalTo(List.of((int)second.id(), (int)first.id())))
            .body("username", equalTo(List.of(second.username(), first.username())));
        given().get("/api/v1/me/blocks").then().statusCode(401);
    }

    @Test
    void disputesAreTheArbitersQueueLongestWaitingFirst()
    {
        final Instant longAgo = Instant.parse("2001-01-01T00:00:00Z").plusSeconds(Fixtures.nextId() % 1_000_000);
        final OrderRow later =
            Fixtures.disputedOrder(Fixtures.user().id(), Fixtures.user().id(), longAgo.plusSeconds(60));
        final OrderRow earlier = Fixtures.disputedOrder(Fixtures.user().id(), Fixtures.user().id(), longAgo);
        final OrderRow paid = Fixtures.order(Fixtures.user().id(), Fixtures.user().id(), row -> row.state = "PAID");
        final List<Long> ids = given().auth().oauth2(Fixtures.user(UserRole.ARBITER).token())
            .queryParam("size", 100).get("/api/v1/admin/disputes")
            .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertTrue(ids.contains(earlier.id) && ids.contains(later.id), ids.toString());
        assertTrue(ids.indexOf(earlier.id) < ids.indexOf(later.id), ids.toString());
        assertTrue(!ids.contains(paid.id), ids.toString());
        given().auth().oauth2(Fixtures.user(UserRole.ADMIN).token()).get("/api/v1/admin/disputes")
            .then().statusCode(200);
        given().auth().oauth2(Fixtures.user().token()).get("/api/v1/admin/disputes")
            .then().statusCode(403).body("code", equalTo("NOT_ARBITER"));
        given().get("/api/v1/admin/disputes").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
