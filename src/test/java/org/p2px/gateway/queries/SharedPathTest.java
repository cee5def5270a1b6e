package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.queries.Fixtures.TestUser;
import org.p2px.readmodel.OrderRow;

/** Query and command resources share class paths; JAX-RS must route to the methods of both. */
@QuarkusTest
class SharedPathTest
{
    @Test
    void queriesAndCommandsUnderOneClassPathAreBothReachable()
    {
        final TestUser buyer = Fixtures.user();
        final OrderRow order = Fixtures.order(buyer.id(), Fixtures.user().id(), row -> { });
        given().post("/api/v1/orders/7/shared-path-probe").then().statusCode(200).body(equalTo("probe 7"));
        given().auth().oauth2(buyer.token()).get("/api/v1/orders/" + order.id).then().statusCode(200);
        given().auth().oauth2(buyer.token()).get("/api/v1/orders/" + order.id + "/chat").then().statusCode(200);
    }
}
