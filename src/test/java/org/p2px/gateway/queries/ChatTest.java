package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.queries.Fixtures.TestUser;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserRole;

@QuarkusTest
class ChatTest
{
    @Test
    void thePartiesTalkAndBothSeeTheHistory()
    {
        final TestUser buyer = Fixtures.user();
        final TestUser seller = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), seller.id(), row -> { });
        send(buyer, order.id, "  paid by SEPA, ref 123  ")
            .then().statusCode(201)
            .body("id", notNullValue())
            .body("orderId", equalTo(order.id))
            .body("authorId", equalTo((int)buyer.id()))
            .body("authorName", equalTo(buyer.username()))
            .body("kind", equalTo("USER"))
            .body("text", equalTo("paid by SEPA, ref 123"))
            .body("sentAt", notNullValue());
        send(seller, order.id, "thanks, checking").then().statusCode(201);
        for (final TestUser party : List.of(buyer, seller))
        {
            given().auth().oauth2(party.token()).get("/api/v1/orders/" + order.id + "/chat")
                .then().statusCode(200)
                .body("text", equalTo(List.of("paid by SEPA, ref 123", "thanks, checking")))
                .body("authorName", equalTo(List.of(buyer.username(), seller.username())));
        }
    }

    @Test
    void historyPagesForwardAfterAnIdOrShowsTheLatest()
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), Fixtures.user().id(), row -> { });
        for (int i = 1; i <= 5; i++)
        {
            send(buyer, order.id, "line " + i).then().statusCode(201);
        }
        final List<Long> ids = given().auth().oauth2(buyer.token()).get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        given().auth().oauth2(buyer.token()).queryParam("limit", 2).get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(200).body("text", equalTo(List.of("line 4", "line 5")));
        given().auth().oauth2(buyer.token()).queryParam("after", ids.get(1)).queryParam("limit", 2)
            .get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(200).body("text", equalTo(List.of("line 3", "line 4")));
        given().auth().oauth2(buyer.token()).queryParam("after", ids.get(4)).get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(buyer.token()).queryParam("limit", 0).get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void strangersAndStaffBeforeADisputeAreRefused()
    {
        final OrderRow order = Fixtures.order(Fixtures.user().id(), Fixtures.user().id(), row -> { });
        final List<TestUser> outsiders =
            List.of(Fixtures.user(), Fixtures.user(UserRole.ARBITER), Fixtures.user(UserRole.ADMIN));
        for (final TestUser outsider : outsiders)
        {
            given().auth().oauth2(outsider.token()).get("/api/v1/orders/" + order.id + "/chat")
                .then().statusCode(403).body("code", equalTo("CHAT_NOT_ALLOWED"));
            send(outsider, order.id, "hello").then().statusCode(403).body("code", equalTo("CHAT_NOT_ALLOWED"));
        }
        given().get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().contentType(ContentType.JSON).body(Map.of("text", "hi")).post("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        send(Fixtures.user(), Fixtures.nextId(), "hello").then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
    }

    @Test
    void anArbiterReadsAndWritesOnceTheOrderIsOrWasDisputed()
    {
        final TestUser buyer = Fixtures.user();
        final TestUser arbiter = Fixtures.user(UserRole.ARBITER);
        final OrderRow order = Fixtures.disputedOrder(buyer.id(), Fixtures.user().id(), Instant.now());
        send(buyer, order.id, "I paid, he does not release").then().statusCode(201);
        send(arbiter, order.id, "Please upload the receipt").then().statusCode(201)
            .body("authorName", equalTo(arbiter.username()));
        given().auth().oauth2(arbiter.token()).get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(200)
            .body("text", equalTo(List.of("I paid, he does not release", "Please upload the receipt")));

        // Resolved (refunded): the dispute happened, so the arbiter still reads the record.
        final OrderRow resolved = Fixtures.order(buyer.id(), Fixtures.user().id(), row ->
        {
            row.state = "CANCELLED";
            row.cancelReason = "ARBITER_REFUND";
            row.disputedAt = Instant.now().minusSeconds(600);
        });
        given().auth().oauth2(arbiter.token()).get("/api/v1/orders/" + resolved.id + "/chat").then().statusCode(200);
    }

    @Test
    void textMustBeOneTo2000Characters()
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), Fixtures.user().id(), row -> { });
        send(buyer, order.id, "   ").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        send(buyer, order.id, "x".repeat(2001)).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        send(buyer, order.id, "x".repeat(2000)).then().statusCode(201);
        given().auth().oauth2(buyer.token()).contentType(ContentType.JSON).body(Map.of())
            .post("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void controlAndTextDirectionCharactersAreRefusedAndNothingIsStored()
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), Fixtures.user().id(), row -> { });
        // U+202E turns what follows around on screen: "IBAN DE89 ...\u202E0001" would show another number.
        send(buyer, order.id, "Pay to IBAN DE89 3704 \u202E0044 0532").then().statusCode(400)
            .body("code", equalTo("VALIDATION_FAILED")).body("message", equalTo(
                "text must not hold control or text-direction characters (U+202E)."));
        send(buyer, order.id, "isolate \u2067x\u2069").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        send(buyer, order.id, "bell \u0007 escape \u001b[31m").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        send(buyer, order.id, "two\nlines\tand a tab, ünïcødé and 中文 are fine").then().statusCode(201);
        given().auth().oauth2(buyer.token()).get("/api/v1/orders/" + order.id + "/chat")
            .then().statusCode(200).body("text", hasSize(1));
    }

    @Test
    void aUserWritesAtMostThirtyLinesAMinute()
    {
        final TestUser buyer = Fixtures.user();
        final TestUser seller = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), seller.id(), row -> { });
        for (int i = 1; i <= 30; i++)
        {
            send(buyer, order.id, "line " + i).then().statusCode(201);
        }
        send(buyer, order.id, "one too many").then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        // The counterparty still writes.
        send(seller, order.id, "slow down please").then().statusCode(201);
    }

    private static Response send(final TestUser author, final long orderId, final String text)
    {
        return given().auth().oauth2(author.token()).contentType(ContentType.JSON).body(Map.of("text", text))
            .post("/api/v1/orders/" + orderId + "/chat");
    }
}
