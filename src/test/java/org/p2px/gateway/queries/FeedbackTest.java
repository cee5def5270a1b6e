package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.queries.Fixtures.TestUser;
import org.p2px.readmodel.OrderRow;

@QuarkusTest
class FeedbackTest
{
    @Test
    void eachPartyRatesTheOtherOnce()
    {
        final TestUser buyer = Fixtures.user();
        final TestUser seller = Fixtures.user();
        final OrderRow order = Fixtures.completedOrder(buyer.id(), seller.id());
        leave(buyer, order.id, true, "  quick release ")
            .then().statusCode(201)
            .body("orderId", equalTo(order.id))
            .body("fromUserId", equalTo((int)buyer.id()))
            .body("fromUsername", equalTo(buyer.username()))
            .body("toUserId", equalTo((int)seller.id()))
            .body("positive", equalTo(true))
            .body("comment", equalTo("quick release"));
        leave(seller, order.id, false, null).then().statusCode(201).body("toUserId", equalTo((int)buyer.id()))
            .body("comment", equalTo(""));
        leave(buyer, order.id, false, "changed my mind")
            .then().statusCode(409).body("code", equalTo("FEEDBACK_EXISTS"));

        given().get("/api/v1/users/" + seller.id() + "/feedback")
            .then().statusCode(200).body("items.comment", equalTo(List.of("quick release")));
        given().get("/api/v1/users/" + seller.id() + "/profile")
            .then().statusCode(200).body("positiveRate", equalTo("1")).body("feedbackCount", equalTo(1));
        given().get("/api/v1/users/" + buyer.id() + "/profile")
            .then().statusCode(200).body("positiveRate", equalTo("0"));
    }

    @Test
    void onlyThePartiesOfACompletedOrderRate()
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow open = Fixtures.order(buyer.id(), Fixtures.user().id(), row -> row.state = "PAID");
        leave(buyer, open.id, true, "").then().statusCode(409).body("code", equalTo("FEEDBACK_NOT_ALLOWED"));
        final OrderRow completed = Fixtures.completedOrder(buyer.id(), Fixtures.user().id());
        leave(Fixtures.user(), completed.id, true, "").then().statusCode(403).body("code", equalTo("NOT_ORDER_PARTY"));
        leave(buyer, Fixtures.nextId(), true, "").then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
        given().contentType(ContentType.JSON).body(Map.of("positive", true))
            .post("/api/v1/orders/" + completed.id + "/feedback")
            .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void badFeedbackIsRefusedWithACode()
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow order = Fixtures.completedOrder(buyer.id(), Fixtures.user().id());
        leave(buyer, order.id, true, "x".repeat(501)).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(buyer.token()).contentType(ContentType.JSON).body(Map.of("comment", "no verdict"))
            .post("/api/v1/orders/" + order.id + "/feedback")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        leave(buyer, order.id, true, "x".repeat(500)).then().statusCode(201);
    }

    @Test
    void concurrentDuplicatesGiveOneRatingAndConflictsNeverAnError() throws Exception
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow order = Fixtures.completedOrder(buyer.id(), Fixtures.user().id());
        final int attempts = 8;
        final CountDownLatch start = new CountDownLatch(1);
        final ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try
        {
            final List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++)
            {
                statuses.add(pool.submit(() ->
                {
                    start.await();
                    return leave(buyer, order.id, true, "same").statusCode();
                }));
            }
            start.countDown();
            final Map<Integer, Integer> counts = new HashMap<>();
            for (final Future<Integer> status : statuses)
            {
                counts.merge(status.get(), 1, Integer::sum);
            }
            assertEquals(Map.of(201, 1, 409, attempts - 1), counts);
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    private static Response leave(
        final TestUser author, final long orderId, final boolean positive, final String comment)
    {
        final Map<String, Object> body = new HashMap<>();
        body.put("positive", positive);
        body.put("comment", comment);
        return given().auth().oauth2(author.token()).contentType(ContentType.JSON).body(body)
            .post("/api/v1/orders/" + orderId + "/feedback");
    }
}
