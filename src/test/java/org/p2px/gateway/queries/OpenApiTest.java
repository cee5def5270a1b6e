package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest
{
    @Test
    void theOpenApiDocumentListsTheQueryPaths()
    {
        given().queryParam("format", "json").get("/q/openapi")
            .then().statusCode(200)
            .body("paths", hasKey("/api/v1/markets"))
            .body("paths", hasKey("/api/v1/markets/{symbol}"))
            .body("paths", hasKey("/api/v1/ads/{adId}"))
            .body("paths", hasKey("/api/v1/orders/{orderId}"))
            .body("paths", hasKey("/api/v1/orders/{orderId}/chat"))
            .body("paths", hasKey("/api/v1/orders/{orderId}/feedback"))
            .body("paths", hasKey("/api/v1/me/ads"))
            .body("paths", hasKey("/api/v1/me/orders"))
            .body("paths", hasKey("/api/v1/me/balances"))
            .body("paths", hasKey("/api/v1/me/blocks"))
            .body("paths", hasKey("/api/v1/users/{userId}/profile"))
            .body("paths", hasKey("/api/v1/users/{userId}/feedback"))
            .body("paths", hasKey("/api/v1/admin/disputes"));
    }

    @Test
    void swaggerUiIsServed()
    {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
