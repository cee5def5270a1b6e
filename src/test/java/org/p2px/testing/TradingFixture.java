package org.p2px.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What trading tests over the API need, done through the API itself: users with roles and balances, a market of
 * their own (so no test sees another's ads), ads, and signed API-key requests. Each call asserts its own success.
 */
public final class TradingFixture
{
    public static final String PASSWORD = "correct horse battery";
    public static final String FUND_PASSWORD = "fund-password-42";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String FIAT = "EUR";

    private TradingFixture()
    {
    }

    /** A signed-in user. */
    public record Trader(long id, String username, String token)
    {
        public RequestSpecification request()
        {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    /** An API key as created: its id and its secret. */
    public record Key(String keyId, String secret)
    {
    }

    public static String uniqueName()
    {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public static Trader admin()
    {
        return signIn(ADMIN, ADMIN_PASSWORD);
    }

    public static Trader signIn(final String username, final String password)
    {
        final JsonPath session = given().contentType(ContentType.JSON)
            .body(Map.of("username", username, "password", password))
            .post("/api/v1/auth/signin").then().statusCode(200).extract().jsonPath();
        return new Trader(session.getLong("user.id"), username, session.getString("accessToken"));
    }

    /** A new USER with a fund password set. */
    public static Trader newUser()
    {
        final String username = uniqueName();
        final JsonPath session = given().contentType(ContentType.JSON)
            .body(Map.of("username", username, "password", PASSWORD))
            .post("/api/v1/auth/signup").then().statusCode(201).extract().jsonPath();
        final Trader trader = new Trader(session.getLong("user.id"), username, session.getString("accessToken"));
        trader.request().body(Map.of("password", PASSWORD, "fundPassword", FUND_PASSWORD))
            .put("/api/v1/account/fund-password").then().statusCode(204);
        return trader;
    }

    /** A new user with a role set by the admin (MERCHANT posts ads without thresholds; ARBITER resolves). */
    public static Trader newUser(final String role)
    {
        final Trader user = newUser();
        admin().request().body(Map.of("role", role)).put("/api/v1/admin/users/" + user.id() + "/role")
            .then().statusCode(200);
        admin().request().body(Map.of("kycLevel", 2)).put("/api/v1/admin/users/" + user.id() + "/kyc")
            .then().statusCode(200);
        // A fresh token carries the new role.
        return signIn(user.username(), PASSWORD);
    }

    /**
     * A market of the test's own: a new asset (6 decimals) against EUR (2 decimals), prices with 4 decimals,
     * minimum order 10 EUR, maker fee 10 bps, taker fee 0, SEPA/WISE/REVOLUT, index price 0.9200.
     */
    public static String newMarket()
    {
        return newMarket(true);
    }

    /** A market as above, with or without its index price (setting one makes the projector push its book). */
    public static String newMarket(final boolean withIndexPrice)
    {
        final Trader admin = admin();
        ensureFiat(admin);
        final String asset = "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36)
            .toUpperCase();
        admin.request().body(Map.of("code", asset, "scale", 6, "fiat", false)).post("/api/v1/admin/assets")
            .then().statusCode(201);
        admin.request().body(Map.of("asset", asset, "fiat", FIAT, "priceScale", 4, "priceTick", "0.0001",
                "minOrderFiat", "10", "makerFeeBps", 10, "takerFeeBps", 0,
                "paymentMethods", List.of("SEPA", "WISE", "REVOLUT")))
            .post("/api/v1/admin/markets").then().statusCode(201);
        final String symbol = asset + "-" + FIAT;
        if (!withIndexPrice)
        {
            return symbol;
        }
        admin.request().body(Map.of("price", "0.9200")).put("/api/v1/admin/markets/" + symbol + "/index-price")
            .then().statusCode(200);
        return symbol;
    }

    private static synchronized void ensureFiat(final Trader admin)
    {
        final int status = admin.request().body(Map.of("code", FIAT, "scale", 2, "fiat", true))
            .post("/api/v1/admin/assets").then().extract().statusCode();
        if (status != 201 && status != 409)
        {
            throw new AssertionError("defining EUR answered " + status);
        }
    }

    /** A new MERCHANT (KYC 2, fund password set) holding 1,000 of the market's asset. */
    public static Trader fundedMerchant(final String market)
    {
        final Trader merchant = newUser("MERCHANT");
        deposit(merchant.id(), assetOf(market), "1000");
        return merchant;
    }

    public static void deposit(final long userId, final String asset, final String amount)
    {
        admin().request().body(Map.of("userId", userId, "asset", asset, "amount", amount))
            .post("/api/v1/admin/deposits").then().statusCode(200);
    }

    /** The asset code of a market symbol. */
    public static String assetOf(final String market)
    {
        return market.substring(0, market.indexOf('-'));
    }

    /** A FIXED, PUBLIC ad with a 15-minute payment window; returns its id. */
    public static long postAd(final Trader owner, final String market, final String side, final String quantity,
        final String price, final String minFiat, final String maxFiat)
    {
        return owner.request().body(Map.of("market", market, "side", side, "quantity", quantity,
                "terms", Map.of("priceType", "FIXED", "price", price, "minFiat", minFiat, "maxFiat", maxFiat,
                    "paymentMethods", List.of("SEPA", "WISE"), "paymentWindowMinutes", 15,
                    "autoReply", "Thanks! Pay by SEPA please.")))
            .post("/api/v1/ads").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A PRIVATE SELL ad of 100 at 0.9200 (10 to 500 EUR, SEPA); returns the answer, which holds its id and link. */
    public static JsonPath postPrivateAd(final Trader owner, final String market)
    {
        return owner.request().body(Map.of("market", market, "side", "SELL", "quantity", "100",
                "terms", Map.of("priceType", "FIXED", "price", "0.9200", "minFiat", "10", "maxFiat", "500",
                    "paymentMethods", List.of("SEPA"), "visibility", "PRIVATE")))
            .post("/api/v1/ads").then().statusCode(201).extract().jsonPath();
    }

    /** Takes an ad for a fiat amount by SEPA; returns the order's id. */
    public static long take(final Trader taker, final long adId, final String fiatAmount)
    {
        return taker.request().body(Map.of("adId", adId, "amount", fiatAmount, "paymentMethod", "SEPA"))
            .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static JsonPath order(final Trader reader, final long orderId)
    {
        return reader.request().get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    /** The user's balance of an asset as {available, locked} decimal strings ("0" when none). */
    public static String[] balance(final Trader user, final String asset)
    {
        final JsonPath balances = user.request().get("/api/v1/me/balances").then().statusCode(200).extract().jsonPath();
        final List<Map<String, String>> rows = balances.getList("$");
        for (final Map<String, String> row : rows)
        {
            if (asset.equals(row.get("asset")))
            {
                return new String[]{ row.get("available"), row.get("locked") };
            }
        }
        return new String[]{ "0", "0" };
    }

    public static Key newKey(final Trader owner, final List<String> permissions)
    {
        final JsonPath key = owner.request().body(Map.of("label", "bot", "permissions", permissions))
            .post("/api/v1/account/api-keys").then().statusCode(201).extract().jsonPath();
        return new Key(key.getString("keyId"), key.getString("secret"));
    }

    /** A request signed with an API key as docs/api.md describes (no query string). */
    public static RequestSpecification signed(final Key key, final String method, final String path, final String body)
    {
        final long timestamp = SigningClock.next();
        final String canonical = timestamp + "\n" + method + "\n" + path + "\n" + "" + "\n" + body;
        return given().urlEncodingEnabled(false).contentType(ContentType.JSON)
            .header("X-P2PX-APIKEY", key.keyId())
            .header("X-P2PX-TIMESTAMP", String.valueOf(timestamp))
            .header("X-P2PX-SIGNATURE", hmac(key.secret(), canonical))
            .body(body);
    }

    /** Lowercase hex HMAC-SHA256, computed independently of the server's code. */
    public static String hmac(final String secret, final String text)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
