package org.p2px.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.api.ErrorMessages;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;

@QuarkusTest
class ErrorCodesResourceTest
{
    @Test
    void listsEveryStableCodeWithItsKindAndMessage()
    {
        final int codes = ErrorCode.values().length - 1 + GatewayError.values().length;
        given()
            .when().get("/api/v1/error-codes")
            .then()
            .statusCode(200)
            .body("size()", org.hamcrest.Matchers.is(codes))
            .body("code", everyItem(matchesPattern("[A-Z][A-Z_]*")))
            .body("code", hasItems("INSUFFICIENT_BALANCE", "AD_LIMIT_EXCEEDED", "NOT_ORDER_PARTY", "BUSY",
                "USERNAME_TAKEN", "RATE_LIMITED", "SECOND_FACTOR_REQUIRED"))
            .body("find { it.code == 'RATE_LIMITED' }.status", org.hamcrest.Matchers.is(429))
            .body("find { it.code == 'INSUFFICIENT_BALANCE' }.status", org.hamcrest.Matchers.is(409))
            .body("message", everyItem(not(emptyOrNullString())))
            .body("find { it.code == 'OWN_AD' }.number", org.hamcrest.Matchers.is(207))
            .body("find { it.code == 'OWN_AD' }.kind", org.hamcrest.Matchers.is("NOT_ALLOWED"));
    }

    @Test
    void codesAreBandedByKind()
    {
        Arrays.stream(ErrorCode.values()).filter(code -> code != ErrorCode.NULL_VAL).forEach(code ->
        {
            assertFalse(ErrorMessages.kind(code).equals("UNKNOWN"), code + " is outside every band");
            assertFalse(ErrorMessages.message(code).isBlank(), code + " has no message");
        });
        assertEquals("BUSINESS_RULE", ErrorMessages.kind(ErrorCode.INSUFFICIENT_BALANCE));
    }

    @Test
    void readyOnceTheEngineHasRecovered()
    {
        given().when().get("/q/health/ready").then()
            .statusCode(200)
            .body("checks.find { it.name == 'engine' }.status", org.hamcrest.Matchers.is("UP"))
            .body("checks.find { it.name == 'engine' }.data.status", org.hamcrest.Matchers.is("READY"));
    }
}
