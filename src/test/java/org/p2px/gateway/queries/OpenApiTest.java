package org.p2px.gateway.queries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

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

    /**
     * What a generated client needs beyond the paths: creates answer 201 with their body, deletions 204, every
     * failure is the error body, and signed API-key requests are a security scheme. (Every answer of the test
     * suite is also checked against this document: {@code ContractCheck}.)
     */
    @Test
    void theDocumentSaysWhatTheAnswersAre()
    {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
            .body("paths.'/api/v1/orders'.post.responses", hasKey("201"))
            .body("paths.'/api/v1/orders'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                equalTo("#/components/schemas/OrderView"))
            .body("paths.'/api/v1/ads'.post.responses", hasKey("201"))
            .body("paths.'/api/v1/auth/signup'.post.responses", hasKey("201"))
            .body("paths.'/api/v1/account/api-keys'.post.responses", hasKey("201"))
            .body("paths.'/api/v1/auth/signout'.post.responses", hasKey("204"))
            .body("paths.'/api/v1/orders'.post.responses.default.content.'application/json'.schema.'$ref'",
                equalTo("#/components/schemas/Error"))
            .body("components.schemas.Error.required", hasItems("code", "message"))
            .body("components.securitySchemes.ApiKeySignature.name", equalTo("X-P2PX-APIKEY"))
            .body("paths.'/api/v1/orders'.post.security.ApiKeySignature", hasItem(notNullValue()))
            // Request bodies: what must be sent, and the names a field takes.
            .body("components.schemas.TakeBody.required", hasItems("adId", "amount", "paymentMethod"))
            .body("components.schemas.ExpressBody.properties.side.enum", hasItems("BUY", "SELL"))
            .body("components.schemas.AdTermsBody.required", hasItems("priceType", "minFiat", "maxFiat", "paymentMethods"))
            .body("components.schemas.AdTermsBody.properties.visibility.enum", hasItems("PUBLIC", "PRIVATE"));
    }

    @Test
    void swaggerUiIsServed()
    {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
