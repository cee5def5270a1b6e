package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.queries.Fixtures.TestUser;
import org.p2px.readmodel.UserRole;

@QuarkusTest
class ProfileQueriesTest
{
    @Test
    void aProfileIsPublicWithItsStatisticsAndRatings()
    {
        final TestUser user =
            Fixtures.user(UserRole.MERCHANT, Instant.now().minus(40, ChronoUnit.DAYS).minusSeconds(60));
        Fixtures.stats(user.id(), stats ->
        {
            stats.completedOrders = 120;
            stats.completed30D = 19;
            stats.failed30D = 1;
            stats.payTimeTotalMs = 10 * 95_000;
            stats.payCount = 10;
            stats.releaseTimeTotalMs = 4 * 301_000;
            stats.releaseCount = 4;
        });
        final TestUser rater = Fixtures.user();
        final Instant now = Instant.now();
        Fixtures.feedback(Fixtures.nextId(), rater.id(), user.id(), true, now);
        Fixtures.feedback(Fixtures.nextId(), rater.id(), user.id(), true, now);
        Fixtures.feedback(Fixtures.nextId(), rater.id(), user.id(), false, now);
        given().get("/api/v1/users/" + user.id() + "/profile")
            .then().statusCode(200)
            .body("userId", equalTo((int)user.id()))
            .body("username", equalTo(user.username()))
            .body("role", equalTo("MERCHANT"))
            .body("completedOrders", equalTo(120))
            .body("completedOrders30d", equalTo(19))
            .body("completionRate30d", equalTo("0.95"))
            .body("avgPaySeconds", equalTo(95))
            .body("avgReleaseSeconds", equalTo(301))
            .body("positiveRate", equalTo("0.6666"))
            .body("feedbackCount", equalTo(3))
            .body("accountAgeDays", equalTo(40))
            .body("online", equalTo(false));
    }

    @Test
    void aUserWhoNeverTradedHasZeroCountsAndNoRates()
    {
        final TestUser user = Fixtures.user();
        given().auth().oauth2(user.token()).get("/api/v1/users/" + user.id() + "/profile")
            .then().statusCode(200)
            .body("completedOrders", equalTo(0))
            .body("completionRate30d", nullValue())
            .body("avgPaySeconds", nullValue())
            .body("positiveRate", nullValue())
            .body("feedbackCount", equalTo(0))
            .body("accountAgeDays", equalTo(0));
    }

    @Test
    void aSignedUpUsersProfile()
    {
        final String name = Fixtures.uniqueName();
        final long id = given().contentType(ContentType.JSON)
            .body(Map.of("username", name, "password", "correct horse battery"))
            .post("/api/v1/auth/signup").then().statusCode(201).extract().jsonPath().getLong("user.id");
        given().get("/api/v1/users/" + id + "/profile")
            .then().statusCode(200).body("username", equalTo(name)).body("role", equalTo("USER"));
    }

    @Test
    void unknownUsersAreA404()
    {
        given().get("/api/v1/users/" + Fixtures.nextId() + "/profile")
            .then().statusCode(404).body("code", equalTo("UNKNOWN_USER"));
        given().get("/api/v1/users/" + Fixtures.nextId() + "/feedback")
            .then().statusCode(404).body("code", equalTo("UNKNOWN_USER"));
    }

    @Test
    void feedbackReceivedNewestFirstInPages()
    {
        final TestUser user = Fixtures.user();
        final TestUser rater = Fixtures.user();
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final long old = Fixtures.nextId();
        final long recent = Fixtures.nextId();
        Fixtures.feedback(old, rater.id(), user.id(), false, now.minusSeconds(3600));
        Fixtures.feedback(recent, rater.id(), user.id(), true, now);
        Fixtures.feedback(Fixtures.nextId(), user.id(), rater.id(), true, now);
        given().get("/api/v1/users/" + user.id() + "/feedback")
            .then().statusCode(200)
            .body("items.orderId", equalTo(List.of(recent, old)))
            .body("items[0].fromUsername", equalTo(rater.username()))
            .body("items[0].positive", equalTo(true))
            .body("items[0].comment", equalTo("fast"))
            .body("total", equalTo(2));
        given().queryParam("page", 1).queryParam("size", 1).get("/api/v1/users/" + user.id() + "/feedback")
            .then().statusCode(200).body("items.orderId", equalTo(List.of(old))).body("total", equalTo(2));
        given().queryParam("size", 0).get("/api/v1/users/" + user.id() + "/feedback")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }
}
