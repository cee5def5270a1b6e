package org.p2px.loadtest.fanout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.vertx.core.json.JsonObject;

/**
 * The p2px side of the fan-out benchmark, over REST: a market of its own with one merchant's SELL ads, then a
 * taker whose small takes change one ad each (a one-ad change of the book, as a busy market sees all day). The
 * ads are priced apart, best first in the order they were posted.
 */
public final class BookDriver
{
    private static final int WINDOW = 50;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final List<Long> ads = new ArrayList<>();
    private String market;
    /**
     * Takers used in turn, each of whose orders is marked paid once it opens: the server lets a new taker hold at
     * most two unpaid orders (docs/trading-rules.md), and marking paid leaves the book as the take left it.
     */
    private static final int TAKERS = 8;
    private final List<String> takerTokens = new ArrayList<>();

    BookDriver(final String server)
    {
        this.server = server;
    }

    String market()
    {
        return market;
    }

    /**
     * The ads the changes cycle through, in order: the best 50, the book channel's window (a change below it is
     * rightly not pushed).
     */
    List<Long> changedAds()
    {
        return ads.subList(0, Math.min(ads.size(), WINDOW));
    }

    /** The market, its merchant and {@code adCount} SELL ads, and a taker. */
    void setUp(final String adminUser, final String adminPassword, final int adCount) throws Exception
    {
        final String admin = signIn(adminUser, adminPassword);
        call("POST", "/api/v1/admin/assets", admin, "{\"code\":\"EUR\",\"scale\":2,\"fiat\":true}", 201, 409);
        final String asset = "FO" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36)
            .toUpperCase(Locale.ROOT);
        call("POST", "/api/v1/admin/assets", admin, "{\"code\":\"" + asset + "\",\"scale\":6,\"fiat\":false}", 201);
        call("POST", "/api/v1/admin/markets", admin, "{\"asset\":\"" + asset + "\",\"fiat\":\"EUR\",\"priceScale\":4,"
            + "\"priceTick\":\"0.0001\",\"minOrderFiat\":\"10\",\"makerFeeBps\":10,\"takerFeeBps\":0,"
            + "\"paymentMethods\":[\"SEPA\",\"WISE\"]}", 201);
        market = asset + "-EUR";
        call("PUT", "/api/v1/admin/markets/" + market + "/index-price", admin, "{\"price\":\"0.9000\"}", 200);

        final String merchantName = "fo" + Long.toString(System.nanoTime(), 36);
        final long merchantId = signUp(merchantName).getJsonObject("user").getLong("id");
        call("PUT", "/api/v1/admin/users/" + merchantId + "/role", admin, "{\"role\":\"MERCHANT\"}", 200);
        call("POST", "/api/v1/admin/deposits", admin, "{\"userId\":" + merchantId + ",\"asset\":\"" + asset
            + "\",\"amount\":\"100000000\"}", 200);
        final String merchant = signIn(merchantName, "fan-out-password");
        for (int i = 0; i < adCount; i++)
        {
            final String price = String.format(Locale.ROOT, "0.%04d", 9000 + i);
            final JsonObject ad = call("POST", "/api/v1/ads", merchant, "{\"market\":\"" + market + "\",\"side\":\"SELL\","
                + "\"quantity\":\"100000\",\"terms\":{\"priceType\":\"FIXED\",\"price\":\"" + price + "\",\"minFiat\":\"10\","
                + "\"maxFiat\":\"1000000\",\"paymentMethods\":[\"SEPA\",\"WISE\"],\"paymentWindowMinutes\":15,"
                + "\"terms\":\"Fan-out benchmark ad " + i + ": SEPA or Wise, payment within 15 minutes, no third parties.\","
                + "\"autoReply\":\"Thanks, pay the exact amount.\"}}", 201);
            ads.add(ad.getLong("id"));
        }
        for (int t = 0; t < TAKERS; t++)
        {
            takerTokens.add(signUp("ft" + t + Long.toString(System.nanoTime(), 36)).getString("accessToken"));
        }
    }

    /** Change k (from 1) takes 10 EUR from ad {@code (k - 1) mod W} of {@link #changedAds}: one ad's remaining changes. */
    CompletableFuture<HttpResponse<String>> change(final int k)
    {
        final List<Long> changed = changedAds();
        final long adId = changed.get((k - 1) % changed.size());
        final String token = takerTokens.get(k % takerTokens.size());
        return http.sendAsync(request("POST", "/api/v1/orders", token,
                "{\"adId\":" + adId + ",\"amount\":\"10\",\"paymentMethod\":\"SEPA\"}"), HttpResponse.BodyHandlers.ofString())
            .thenCompose(taken -> taken.statusCode() != 201 ? CompletableFuture.completedFuture(taken)
                : http.sendAsync(request("POST", "/api/v1/orders/" + new JsonObject(taken.body()).getLong("id") + "/paid",
                    token, ""), HttpResponse.BodyHandlers.ofString()).thenApply(paid -> taken));
    }

    private JsonObject signUp(final String username) throws Exception
    {
        return call("POST", "/api/v1/auth/signup", null,
            "{\"username\":\"" + username + "\",\"password\":\"fan-out-password\"}", 201);
    }

    private String signIn(final String username, final String password) throws Exception
    {
        return call("POST", "/api/v1/auth/signin", null, new JsonObject().put("username", username)
            .put("password", password).encode(), 200).getString("accessToken");
    }

    private JsonObject call(final String method, final String path, final String token, final String body,
        final int... accepted) throws Exception
    {
        final HttpResponse<String> response = http.send(request(method, path, token, body),
            HttpResponse.BodyHandlers.ofString());
        for (final int status : accepted)
        {
            if (response.statusCode() == status)
            {
                return response.body().startsWith("{") ? new JsonObject(response.body()) : new JsonObject();
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " " + response.body());
    }

    private HttpRequest request(final String method, final String path, final String token, final String body)
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null)
        {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }
}
