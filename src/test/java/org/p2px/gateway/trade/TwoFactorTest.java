package org.p2px.gateway.trade;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.deposit;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.signIn;
import static org.p2px.testing.TradingFixture.take;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.p2px.testing.AuthenticatorApp;
import org.p2px.testing.TradingFixture.Trader;

/** An authenticator (TOTP): set up, then asked for at sign-in, for API keys, and accepted to release escrow. */
@QuarkusTest
class TwoFactorTest
{
    @Test
    void anAuthenticatorGuardsSignInKeysAndReleasesAndRecoveryCodesWorkOnce()
    {
        final String market = newMarket();
        final Trader seller = newUser("MERCHANT");
        deposit(seller.id(), assetOf(market), "1000");

        seller.request().body(Map.of("password", "not it")).post("/api/v1/account/totp").then().statusCode(401)
            .body("code", equalTo("INVALID_CREDENTIALS"));
        final String secret = seller.request().body(Map.of("password", PASSWORD)).post("/api/v1/account/totp")
            .then().statusCode(200).extract().jsonPath().getString("secret");
        seller.request().body(Map.of("code", "000000".equals(code(secret, 0)) ? "111111" : "000000"))
            .post("/api/v1/account/totp/confirm").then().statusCode(403).body("code", equalTo("INVALID_TOTP_CODE"));
        // The same text, not computed again: across a 30-second boundary a new computation would be a new code.
        final String first = code(secret, 0);
        final List<String> recovery = seller.request().body(Map.of("code", first))
            .post("/api/v1/account/totp/confirm").then().statusCode(200).extract().jsonPath().getList("recoveryCodes");
        assertEquals(10, recovery.size());
        seller.request().get("/api/v1/account/totp").then().statusCode(200).body("enabled", equalTo(true))
            .body("recoveryCodesLeft", equalTo(10));

        // Sign-in: the password alone is not enough; the code just used is no good again; the next step's is.
        signInWith(seller, null).then().statusCode(403).body("code", equalTo("TOTP_REQUIRED"));
        signInWith(seller, first).then().statusCode(403).body("code", equalTo("INVALID_TOTP_CODE"));
        signInWith(seller, code(secret, 1)).then().statusCode(200);
        // A recovery code signs in once.
        signInWith(seller, recovery.get(0).toUpperCase(java.util.Locale.ROOT)).then().statusCode(200);
        signInWith(seller, recovery.get(0)).then().statusCode(403).body("code", equalTo("INVALID_TOTP_CODE"));

        // An API key needs a code too.
        seller.request().body(Map.of("label", "bot", "permissions", List.of("READ")))
            .post("/api/v1/account/api-keys").then().statusCode(403).body("code", equalTo("TOTP_REQUIRED"));
        seller.request().body(Map.of("label", "bot", "permissions", List.of("READ"), "totpCode", recovery.get(1)))
            .post("/api/v1/account/api-keys").then().statusCode(201);

        // Releasing: the authenticator instead of the fund password.
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "500");
        final Trader buyer = newUser();
        final long orderId = take(buyer, adId, "92");
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
        seller.request().body(Map.of("totpCode", recovery.get(1))).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(403).body("code", equalTo("INVALID_TOTP_CODE"));
        seller.request().body(Map.of("totpCode", recovery.get(2))).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(200).body("state", equalTo("COMPLETED"));

        // Off again: the password and a code; then the password alone signs in.
        seller.request().body(Map.of("password", PASSWORD, "code", recovery.get(3))).post("/api/v1/account/totp/disable")
            .then().statusCode(204);
        signInWith(seller, null).then().statusCode(200);
        signIn(seller.username(), PASSWORD);
    }

    private static Response signInWith(final Trader user, final String code)
    {
        final Map<String, Object> body = code == null ? Map.of("username", user.username(), "password", PASSWORD)
            : Map.of("username", user.username(), "password", PASSWORD, "totpCode", code);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/signin");
    }

    private static String code(final String base32Secret, final int stepsAhead)
    {
        return AuthenticatorApp.code(base32Secret, stepsAhead);
    }
}
