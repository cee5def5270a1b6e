package org.p2px.gateway.trade;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.admin;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.deposit;
import static org.p2px.testing.TradingFixture.newKey;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.signed;
import static org.p2px.testing.TradingFixture.take;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.p2px.testing.TradingFixture.Key;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Every trading operation tried by every wrong actor: nobody signed in, the other party, a user outside the
 * order, the right user's revoked key, and the right user's key without the permission. Each is refused with its
 * code, and afterwards the order, the ad and both balances read exactly as before.
 */
@QuarkusTest
class AuthorizationMatrixTest
{
    /** One operation: how to send it, who may, and what the other party and an outsider are told. */
    private record Operation(String name, String method, String path, String body, Trader rightful,
        String otherPartyCode, Trader otherParty, String outsiderCode)
    {
    }

    @Test
    void everyWrongActorIsRefusedWithItsCodeAndNothingChanges()
    {
        final String market = newMarket();
        final String asset = assetOf(market);
        final Trader seller = newUser("MERCHANT");
        final Trader buyer = newUser();
        final Trader outsider = newUser();
        deposit(seller.id(), asset, "1000");
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "500");
        final long pending = take(buyer, adId, "92");
        final long paid = take(buyer, adId, "46");
        buyer.request().post("/api/v1/orders/" + paid + "/paid").then().statusCode(200);

        final String releaseBody = "{\"fundPassword\":\"" + FUND_PASSWORD + "\"}";
        final List<Operation> operations = List.of(
            new Operation("mark paid", "POST", "/api/v1/orders/" + pending + "/paid", "{}", buyer, "NOT_BUYER", seller, "NOT_ORDER_PARTY"),
            new Operation("cancel", "POST", "/api/v1/orders/" + pending + "/cancel", "{}", buyer, "NOT_BUYER", seller, "NOT_ORDER_PARTY"),
            new Operation("cancel request", "POST", "/api/v1/orders/" + pending + "/cancel-request", "{}", seller, "NOT_SELLER", buyer, "NOT_ORDER_PARTY"),
            new Operation("review cancel request", "POST", "/api/v1/orders/" + pending + "/cancel-request/review", "{\"accept\":true}", buyer, "NOT_BUYER", seller, "NOT_ORDER_PARTY"),
            new Operation("release", "POST", "/api/v1/orders/" + paid + "/release", releaseBody, seller, "NOT_SELLER", buyer, "NOT_ORDER_PARTY"),
            new Operation("appeal", "POST", "/api/v1/orders/" + paid + "/appeal", "{}", buyer, null, null, "NOT_ORDER_PARTY"),
            new Operation("withdraw appeal", "POST", "/api/v1/orders/" + paid + "/appeal/withdraw", "{}", buyer, null, null, "NOT_ORDER_PARTY"),
            new Operation("resolve", "POST", "/api/v1/orders/" + paid + "/resolve", "{\"outcome\":\"RELEASE\"}", buyer, "NOT_ARBITER", seller, "NOT_ARBITER"),
            new Operation("edit ad", "PUT", "/api/v1/ads/" + adId, adTerms(), seller, "NOT_AD_OWNER", buyer, "NOT_AD_OWNER"),
            new Operation("ad offline", "POST", "/api/v1/ads/" + adId + "/status", "{\"status\":\"OFFLINE\"}", seller, "NOT_AD_OWNER", buyer, "NOT_AD_OWNER"),
            new Operation("ad quantity", "POST", "/api/v1/ads/" + adId + "/quantity", "{\"delta\":\"-10\"}", seller, "NOT_AD_OWNER", buyer, "NOT_AD_OWNER"),
            new Operation("close ad", "DELETE", "/api/v1/ads/" + adId, "", seller, "NOT_AD_OWNER", buyer, "NOT_AD_OWNER"),
            new Operation("deposit", "POST", "/api/v1/admin/deposits", "{\"userId\":" + buyer.id() + ",\"asset\":\"" + asset + "\",\"amount\":\"5\"}", null, null, null, "NOT_ADMIN"),
            new Operation("withdraw", "POST", "/api/v1/admin/withdrawals", "{\"userId\":" + seller.id() + ",\"asset\":\"" + asset + "\",\"amount\":\"5\"}", null, null, null, "NOT_ADMIN"),
            new Operation("index price", "PUT", "/api/v1/admin/markets/" + market + "/index-price", "{\"price\":\"2.0000\"}", null, null, null, "NOT_ADMIN"));

        final String before = state(seller, buyer, pending, paid, adId);
        final Key sellerRevoked = revokedKey(seller);
        final Key buyerRevoked = revokedKey(buyer);
        final Key sellerReadOnly = newKey(seller, List.of("READ"));
        final Key buyerReadOnly = newKey(buyer, List.of("READ"));

        final List<Executable> checks = new ArrayList<>();
        for (final Operation op : operations)
        {
            checks.add(() -> expect(op, "anonymous", send(op, given().contentType(ContentType.JSON)), 401, "UNAUTHENTICATED"));
            checks.add(() -> expect(op, "outsider", send(op, outsider.request()), 403, op.outsiderCode()));
            if (op.otherParty() != null)
            {
                checks.add(() -> expect(op, "other party", send(op, op.otherParty().request()), 403, op.otherPartyCode()));
            }
            final Trader keyOwner = op.rightful() == null ? seller : op.rightful();
            final Key revoked = keyOwner == seller ? sellerRevoked : buyerRevoked;
            final Key readOnly = keyOwner == seller ? sellerReadOnly : buyerReadOnly;
            checks.add(() -> expect(op, "revoked key", sendSigned(op, revoked), 401, "API_KEY_REVOKED"));
            checks.add(() -> expect(op, "key without the permission", sendSigned(op, readOnly), 403, "FORBIDDEN"));
        }
        assertAll(checks);
        assertEquals(before, state(seller, buyer, pending, paid, adId), "a refused operation changed something");
    }

    private static String adTerms()
    {
        return "{\"priceType\":\"FIXED\",\"price\":\"0.9100\",\"minFiat\":\"10\",\"maxFiat\":\"500\","
            + "\"paymentMethods\":[\"SEPA\"]}";
    }

    private static Key revokedKey(final Trader owner)
    {
        final Key key = newKey(owner, List.of("READ", "TRADE", "RELEASE"));
        owner.request().delete("/api/v1/account/api-keys/" + key.keyId()).then().statusCode(200);
        return key;
    }

    private static Response send(final Operation op, final RequestSpecification request)
    {
        final RequestSpecification withBody = op.body().isEmpty() ? request : request.body(op.body());
        return withBody.request(op.method(), op.path());
    }

    private static Response sendSigned(final Operation op, final Key key)
    {
        return signed(key, op.method(), op.path(), op.body()).request(op.method(), op.path());
    }

    private static void expect(final Operation op, final String actor, final Response response, final int status,
        final String code)
    {
        assertEquals(status + " " + code, response.statusCode() + " " + response.jsonPath().getString("code"),
            () -> op.name() + " by " + actor + ": " + response.asString());
    }

    /** Everything a refused operation could have touched, as the owner and the buyer read it. */
    private static String state(final Trader seller, final Trader buyer, final long pending, final long paid,
        final long adId)
    {
        final Function<String, String> read = path -> seller.request().get(path).then().extract().asString();
        return String.join("\n",
            read.apply("/api/v1/orders/" + pending),
            read.apply("/api/v1/orders/" + paid),
            read.apply("/api/v1/ads/" + adId),
            read.apply("/api/v1/me/balances"),
            buyer.request().get("/api/v1/me/balances").then().extract().asString(),
            admin().request().get("/api/v1/markets").then().extract().asString());
    }
}
