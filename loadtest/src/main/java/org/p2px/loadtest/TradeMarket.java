package org.p2px.loadtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a trade-flow run trades in, set up over REST and left behind for nobody else: an asset and market of its
 * own ({@code LTxxxxxx-EUR}, fees on both sides so that conservation covers the fee arithmetic), merchant bots
 * with deposits, API keys and one SELL ad each, and takers. The first two merchants are the market's best
 * prices, where express orders land: their bots get as many connections as the express share of the rate needs.
 */
final class TradeMarket
{
    static final String PRICE = "0.9000";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String runId = randomBase36().substring(6);
    final String asset = "LT" + runId.toUpperCase(Locale.ROOT);
    final String market = asset + "-EUR";
    final List<Trader> merchants = new ArrayList<>();
    final List<Trader> takers = new ArrayList<>();
    private final Rest rest;
    private final TradeOptions o;
    private String adminToken;

    TradeMarket(final Rest rest, final TradeOptions o)
    {
        this.rest = rest;
        this.o = o;
    }

    Rest rest()
    {
        return rest;
    }

    void setUp() throws Exception
    {
        Console.log("market " + market + ": " + o.merchants + " merchant bots, " + o.takers + " takers");
        adminToken = ((JsonObject)rest.call("POST", "/api/v1/auth/signin", null, new JsonObject()
            .put("username", o.adminUser).put("password", o.adminPassword))).getString("accessToken");
        rest.call("POST", "/api/v1/admin/assets", adminToken,
            new JsonObject().put("code", "EUR").put("scale", 2).put("fiat", true), 201, 409);
        rest.call("POST", "/api/v1/admin/assets", adminToken,
            new JsonObject().put("code", asset).put("scale", 6).put("fiat", false));
        rest.call("POST", "/api/v1/admin/markets", adminToken, new JsonObject().put("asset", asset).put("fiat", "EUR")
            .put("priceScale", 4).put("priceTick", "0.0001").put("minOrderFiat", "10").put("makerFeeBps", 10)
            .put("takerFeeBps", 5).put("paymentMethods", new JsonArray().add("SEPA")));
        rest.call("PUT", "/api/v1/admin/markets/" + market + "/index-price", adminToken,
            new JsonObject().put("price", PRICE));

        // Sign-ups hash passwords with bcrypt: a few in parallel, not all at once.
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        final List<Future<?>> work = new ArrayList<>();
        for (int m = 0; m < o.merchants; m++)
        {
            final Trader merchant = new Trader("lt_" + runId + "_m" + m, "lt-pass-" + randomBase36());
            final int rank = m;
            merchants.add(merchant);
            work.add(pool.submit(() -> setUpMerchant(merchant, rank)));
        }
        for (int t = 0; t < o.takers; t++)
        {
            final Trader taker = new Trader("lt_" + runId + "_t" + t, "lt-pass-" + randomBase36());
            takers.add(taker);
            work.add(pool.submit(() -> signUp(taker)));
        }
        try
        {
            for (final Future<?> f : work)
            {
                f.get();
            }
        }
        catch (final ExecutionException e)
        {
            throw e.getCause() instanceof ApiError a ? a : new ApiError("SETUP", e.getCause().toString());
        }
        finally
        {
            pool.shutdown();
        }
    }

    /** Opens every connection: merchants sign in with their key, takers with their token on the upgrade. */
    void connect(final WebSocketClient client, final URI server, final BiConsumer<Trader, WsConnection.Push> onMerchantPush,
        final BiConsumer<Trader, WsConnection.Push> onTakerPush, final java.util.function.Consumer<String> onBadFrame)
    {
        for (int m = 0; m < merchants.size(); m++)
        {
            final Trader merchant = merchants.get(m);
            final int count = m < 2 ? o.deskConnections() : 1;
            for (int c = 0; c < count; c++)
            {
                final WsConnection ws = WsConnection.open(client, server, null,
                    c == 0 ? push -> onMerchantPush.accept(merchant, push) : push -> { }, onBadFrame).join();
                final long timestamp = merchant.nextSigningTimestamp();
                ws.call("auth.apikey", new JsonObject().put("keyId", merchant.keyId).put("timestamp",
                    String.valueOf(timestamp)).put("signature", hmacSha256Hex(merchant.secret,
                    timestamp + "\nGET\n/ws\n\n")));
                if (c == 0)
                {
                    ws.call("subscribe", new JsonObject().put("channel", "orders"));
                }
                merchant.connections.add(ws);
            }
        }
        for (int t = 0; t < takers.size(); t++)
        {
            final Trader taker = takers.get(t);
            final WsConnection ws = WsConnection.open(client, server, taker.token,
                push -> onTakerPush.accept(taker, push), onBadFrame).join();
            ws.call("subscribe", new JsonObject().put("channel", "orders"));
            if (t < o.bookWatchers)
            {
                ws.call("subscribe", new JsonObject().put("channel", "book." + market));
            }
            taker.connections.add(ws);
        }
    }

    private void signUp(final Trader user)
    {
        final JsonObject session = (JsonObject)rest.call("POST", "/api/v1/auth/signup", null,
            new JsonObject().put("username", user.name).put("password", user.password));
        user.token = session.getString("accessToken");
        user.id = session.getJsonObject("user").getLong("id");
    }

    private void setUpMerchant(final Trader m, final int rank)
    {
        signUp(m);
        rest.call("PUT", "/api/v1/admin/users/" + m.id + "/role", adminToken, new JsonObject().put("role", "MERCHANT"));
        // A new role shows in the next token: sign in again.
        m.token = ((JsonObject)rest.call("POST", "/api/v1/auth/signin", null, new JsonObject()
            .put("username", m.name).put("password", m.password))).getString("accessToken");
        // Twice what this merchant's share of the run needs, so that a run never ends for want of stock.
        final BigDecimal perOrder = new BigDecimal(o.amount).divide(new BigDecimal(PRICE), 6, RoundingMode.UP);
        final double share = rank < 2 ? o.deskShare() : 1.0 / o.merchants;
        final long orders = (long)Math.ceil(o.cyclesAtMost() * share) + 1;
        m.deposit = perOrder.multiply(BigDecimal.valueOf(3 * orders)).setScale(0, RoundingMode.UP)
            .max(BigDecimal.valueOf(10_000));
        rest.call("POST", "/api/v1/admin/deposits", adminToken,
            new JsonObject().put("userId", m.id).put("asset", asset).put("amount", m.deposit.toPlainString()));
        // Bots release with an API key's RELEASE permission instead of a person's fund password (and its bcrypt).
        final JsonObject key = (JsonObject)rest.call("POST", "/api/v1/account/api-keys", m.token, new JsonObject()
            .put("label", "loadtest").put("permissions", new JsonArray().add("READ").add("TRADE").add("RELEASE")));
        m.keyId = key.getString("keyId");
        m.secret = key.getString("secret");
        // The two desks are two ticks and one better than the rest; no ad takes more than twice the amount per
        // order, so that a split express of three amounts cannot go to one ad and spreads over both desks.
        final String price = rank == 0 ? "0.8998" : rank == 1 ? "0.8999" : PRICE;
        final String maxFiat = new BigDecimal(o.amount).multiply(BigDecimal.valueOf(2)).toPlainString();
        // The ad reserves its quantity plus the 10 bps maker fee: leave room for the fee.
        final BigDecimal quantity = m.deposit.multiply(new BigDecimal("0.99")).setScale(6, RoundingMode.DOWN);
        final JsonObject ad = (JsonObject)rest.call("POST", "/api/v1/ads", m.token, new JsonObject()
            .put("market", market).put("side", "SELL").put("quantity", quantity.toPlainString())
            .put("terms", new JsonObject().put("priceType", "FIXED").put("price", price).put("minFiat", "10")
                .put("maxFiat", maxFiat).put("paymentMethods", new JsonArray().add("SEPA"))
                .put("paymentWindowMinutes", 15)));
        m.adId = ad.getLong("id");
    }

    /** Closes the ads (their reservations go back); best effort, after the checks. */
    void closeAds()
    {
        for (final Trader m : merchants)
        {
            if (m.adId > 0)
            {
                try
                {
                    rest.call("DELETE", "/api/v1/ads/" + m.adId, m.token, null);
                }
                catch (final ApiError e)
                {
                    Console.log("could not close ad " + m.adId + ": " + e.getMessage());
                }
            }
        }
    }

    List<Trader> everyone()
    {
        final List<Trader> all = new ArrayList<>(merchants);
        all.addAll(takers);
        return all;
    }

    /** Twelve random base-36 characters: bit 61 set, so the text never comes out shorter. */
    private static String randomBase36()
    {
        return Long.toString((RANDOM.nextLong() >>> 3) | (1L << 61), 36).substring(0, 12);
    }

    static String hmacSha256Hex(final String secret, final String text)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final java.security.GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
