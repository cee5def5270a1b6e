package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.queries.Fixtures.TestUser;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserRole;
import org.p2px.testing.TradingFixture;

/** Bots: a READ key reads but cannot write in the chat, and a staff member's key is no staff. */
@QuarkusTest
class ApiKeyQueriesTest
{
    @Test
    void aReadKeyReadsButDoesNotTalk()
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), Fixtures.user().id(), row -> { });
        final JsonPath key = createKey(buyer, List.of("READ"));
        final String orderPath = "/api/v1/orders/" + order.id;
        signed(key, "GET", orderPath, "").get(orderPath)
            .then().statusCode(200).body("id", equalTo(order.id));
        signed(key, "GET", "/api/v1/me/orders", "").get("/api/v1/me/orders")
            .then().statusCode(200).body("items.id", equalTo(List.of(order.id)));
        final String body = "{\"text\":\"hello\"}";
        signed(key, "POST", orderPath + "/chat", body).contentType(ContentType.JSON).body(body)
            .post(orderPath + "/chat")
            .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aTradeKeyWithoutReadCannotQuery()
    {
        final TestUser user = Fixtures.user();
        final JsonPath key = createKey(user, List.of("TRADE"));
        signed(key, "GET", "/api/v1/me/balances", "").get("/api/v1/me/balances")
            .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anArbitersKeyIsNotStaff()
    {
        final TestUser arbiter = Fixtures.user(UserRole.ARBITER);
        final OrderRow order = Fixtures.disputedOrder(Fixtures.user().id(), Fixtures.user().id(), Instant.now());
        final JsonPath key = createKey(arbiter, List.of("READ", "TRADE"));
        final String orderPath = "/api/v1/orders/" + order.id;
        signed(key, "GET", orderPath, "").get(orderPath)
            .then().statusCode(403).body("code", equalTo("NOT_ORDER_PARTY"));
        signed(key, "GET", orderPath + "/chat", "").get(orderPath + "/chat")
            .then().statusCode(403).body("code", equalTo("CHAT_NOT_ALLOWED"));
        signed(key, "GET", "/api/v1/admin/disputes", "").get("/api/v1/admin/disputes")
            .then().statusCode(403).body("code", equalTo("NOT_ARBITER"));
        given().auth().oauth2(arbiter.token()).get(orderPath).then().statusCode(200);
    }

    private static JsonPath createKey(final TestUser user, final List<String> permissions)
    {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON)
            .body(Map.of("label", "bot", "permissions", permissions))
            .post("/api/v1/account/api-keys")
            .then().statusCode(201).extract().jsonPath();
    }

    /** Signed as docs/api.md says, with no query string. */
    private static RequestSpecification signed(final JsonPath key, final String method, final String path,
        final String body)
    {
        final long timestamp = org.p2px.testing.SigningClock.next();
        final String canonical = timestamp + "\n" + method + "\n" + path + "\n\n" + body;
        return given().urlEncodingEnabled(false)
            .header("X-P2PX-APIKEY", key.getString("keyId"))
            .header("X-P2PX-TIMESTAMP", String.valueOf(timestamp))
            .header("X-P2PX-SIGNATURE", TradingFixture.hmac(key.getString("secret"), canonical));
    }
}
