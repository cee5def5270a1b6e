package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.queries.Fixtures.TestUser;
import org.p2px.readmodel.AdRow;

@QuarkusTest
class AdQueriesTest
{
    @Test
    void anAdIsPublicWithMoneyAtTheMarketsScalesAndItsTexts()
    {
        final TestUser owner = Fixtures.user();
        final AdRow ad = Fixtures.ad(owner.id(), row ->
        {
            row.minKycLevel = 1;
            row.minCompletedOrders = 5;
        });
        Fixtures.adText(ad.id, "SEPA only, name must match", "Hi, pay within 15 minutes");
        given().get("/api/v1/ads/" + ad.id)
            .then().statusCode(200)
            .body("id", equalTo(ad.id))
            .body("ownerId", equalTo((int)owner.id()))
            .body("ownerName", equalTo(owner.username()))
            .body("market", equalTo(Fixtures.market().symbol()))
            .body("side", equalTo("SELL"))
            .body("status", equalTo("ONLINE"))
            .body("priceType", equalTo("FIXED"))
            .body("price", equalTo("0.93"))
            .body("marginBps", nullValue())
            .body("remaining", equalTo("150.000000"))
            .body("frozen", equalTo("0.000000"))
            .body("minFiat", equalTo("10.00"))
            .body("maxFiat", equalTo("500.00"))
            .body("paymentMethods", equalTo(List.of("SEPA", "REVOLUT")))
            .body("gates.minKycLevel", equalTo(1))
            .body("gates.minCompletedOrders", equalTo(5))
            .body("terms", equalTo("SEPA only, name must match"))
            .body("autoReply", equalTo("Hi, pay within 15 minutes"));
    }

    @Test
    void aFloatingAdShowsItsMarginAndAPrivateAdIsShownByIdToItsOwnerOnly()
    {
        final TestUser owner = Fixtures.user();
        final AdRow ad = Fixtures.ad(owner.id(), row ->
        {
            row.priceType = "FLOATING";
            row.marginBps = 150;
            row.price = 94L;
            row.visibility = "PRIVATE";
        });
        // Its id is not its link: to anyone else it does not exist.
        given().auth().oauth2(Fixtures.user().token()).get("/api/v1/ads/" + ad.id)
            .then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        given().get("/api/v1/ads/" + ad.id).then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        given().auth().oauth2(owner.token()).get("/api/v1/ads/" + ad.id)
            .then().statusCode(200)
            .body("marginBps", equalTo(150))
            .body("price", equalTo("0.94"))
            .body("visibility", equalTo("PRIVATE"))
            .body("terms", equalTo(""));
    }

    @Test
    void aClosedAdIsVisibleToItsOwnerOnly()
    {
        final TestUser owner = Fixtures.user();
        final AdRow ad = Fixtures.ad(owner.id(), row -> row.status = "CLOSED");
        given().auth().oauth2(owner.token()).get("/api/v1/ads/" + ad.id)
            .then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(Fixtures.user().token()).get("/api/v1/ads/" + ad.id)
            .then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        given().get("/api/v1/ads/" + ad.id)
            .then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
    }

    @Test
    void blockedUsersDoNotSeeEachOthersAds()
    {
        final TestUser owner = Fixtures.user();
        final TestUser blocker = Fixtures.user();
        final TestUser blocked = Fixtures.user();
        final AdRow ad = Fixtures.ad(owner.id(), row -> { });
        Fixtures.block(blocker.id(), owner.id(), Instant.now());
        Fixtures.block(owner.id(), blocked.id(), Instant.now());
        given().auth().oauth2(blocker.token()).get("/api/v1/ads/" + ad.id)
            .then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        given().auth().oauth2(blocked.token()).get("/api/v1/ads/" + ad.id)
            .then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
        given().auth().oauth2(owner.token()).get("/api/v1/ads/" + ad.id).then().statusCode(200);
    }

    @Test
    void anUnknownAdIsA404()
    {
        given().get("/api/v1/ads/" + Fixtures.nextId())
            .then().statusCode(404).body("code", equalTo("UNKNOWN_AD"));
    }

    @Test
    void myAdsNewestFirstFilteredByStatus()
    {
        final TestUser owner = Fixtures.user();
        final AdRow online = Fixtures.ad(owner.id(), row -> { });
        final AdRow closed = Fixtures.ad(owner.id(), row -> row.status = "CLOSED");
        final AdRow offline = Fixtures.ad(owner.id(), row -> row.status = "OFFLINE");
        Fixtures.ad(Fixtures.user().id(), row -> { });
        given().auth().oauth2(owner.token()).get("/api/v1/me/ads")
            .then().statusCode(200).body("id", equalTo(List.of(offline.id, closed.id, online.id)));
        given().auth().oauth2(owner.token()).queryParam("status", "CLOSED").get("/api/v1/me/ads")
            .then().statusCode(200).body("id", equalTo(List.of(closed.id)));
        given().auth().oauth2(owner.token()).queryParam("status", "GONE").get("/api/v1/me/ads")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Fixtures.user().token()).get("/api/v1/me/ads")
            .then().statusCode(200).body("$", equalTo(List.of()));
        given().get("/api/v1/me/ads")
            .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
