package org.p2px.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture.Trader;

/**
 * {@code /q/metrics} after a trade: every series of {@link ExportedSeries} is there (and no other {@code p2px_} one),
 * with values that follow what the trade did. The server is shared with other tests, so counts are compared before
 * and after, never to absolute numbers; nothing is timed.
 */
@QuarkusTest
class MetricsEndpointTest
{
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    @TestHTTPResource("/ws")
    URI ws;

    @Test
    void theNamedSeriesAreExportedWithValuesThatFollowATrade() throws Exception
    {
        final Scrape before = Scrape.now();
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final Trader buyer = newUser();
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final WebSocket socket = subscribedToOrders(buyer, frames);
        try
        {
            final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
            final long orderId = take(buyer, adId, "92");
            buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
            seller.request().body(Map.of("fundPassword", FUND_PASSWORD)).post("/api/v1/orders/" + orderId + "/release")
                .then().statusCode(200);
            // Refused by the core: the order has finished.
            buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(409);
            given().contentType(ContentType.JSON).body(Map.of("username", buyer.username(), "password", PASSWORD + "?"))
                .post("/api/v1/auth/signin").then().statusCode(401);
            awaitOrderPush(frames);

            final Scrape after = Scrape.now();
            assertEquals(new TreeSet<>(ExportedSeries.P2PX), after.namesStartingWith("p2px_"),
                "the p2px_ series exported are those the dashboard, the alerts and the docs know");
            for (final String name : ExportedSeries.QUARKUS)
            {
                assertTrue(after.names().contains(name), name + " is exported");
            }
            for (final String type : new String[]{ "TakeAd", "MarkPaid", "Release" })
            {
                assertTrue(after.value("p2px_commands_total", "type", type) > before.value("p2px_commands_total", "type", type),
                    type + " commands were counted");
            }
            assertTrue(after.sum("p2px_rejections_total") > before.sum("p2px_rejections_total"));
            assertTrue(after.value("p2px_journal_batches_total") >= before.value("p2px_journal_batches_total") + 4);
            assertTrue(after.value("p2px_journal_append_seconds_count") > before.value("p2px_journal_append_seconds_count"));
            assertTrue(after.value("p2px_journal_append_seconds_sum") > 0);
            assertTrue(after.value("p2px_journal_append_quantile_seconds", "quantile", "0.99") > 0,
                "the trade's appends are in the last minute");
            assertTrue(after.value("p2px_core_busy_seconds_total") > before.value("p2px_core_busy_seconds_total"));
            assertEquals(1, after.value("p2px_engine_ready"));
            assertEquals(0, after.value("p2px_journal_append_failures_total"));
            assertTrue(after.value("p2px_ring_capacity_bytes") > 0);
            assertTrue(after.value("p2px_ring_used_bytes") < after.value("p2px_ring_capacity_bytes"));
            assertTrue(after.value("p2px_ws_connections") >= 1);
            assertTrue(after.value("p2px_ws_subscriptions") >= 1);
            assertTrue(after.value("p2px_ws_pushes_total") > before.value("p2px_ws_pushes_total"));
            assertTrue(after.value("p2px_sign_in_failures_total", "factor", "password")
                > before.value("p2px_sign_in_failures_total", "factor", "password"));
            assertTrue(after.value("p2px_projector_lag_batches") >= 0);
            assertTrue(after.value("p2px_live_view_lag_batches") >= 0);
            assertEquals(1, after.value("p2px_database_reachable"));
            assertTrue(after.value("p2px_recovery_duration_seconds") > 0);
        }
        finally
        {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    private WebSocket subscribedToOrders(final Trader trader, final LinkedBlockingQueue<String> frames) throws Exception
    {
        final WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .header("Authorization", "Bearer " + trader.token())
            .buildAsync(URI.create(ws.toString().replaceFirst("^http", "ws")), new WebSocket.Listener()
            {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
                {
                    text.append(data);
                    if (last)
                    {
                        frames.add(text.toString());
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"id\":\"s-1\",\"op\":\"subscribe\",\"args\":{\"channel\":\"orders\"}}", true).join();
        final String reply = frames.poll(10, TimeUnit.SECONDS);
        assertTrue(reply != null && reply.contains("\"ok\":true"), "subscribed: " + reply);
        return socket;
    }

    private static void awaitOrderPush(final LinkedBlockingQueue<String> frames) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String frame;
        while ((frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null)
        {
            if (frame.contains("\"type\":\"order\""))
            {
                return;
            }
        }
        throw new AssertionError("no order push within 10 s");
    }

    /** One scrape of /q/metrics: its samples by name and labels. */
    private record Scrape(Map<String, Double> samples)
    {
        static Scrape now()
        {
            final Map<String, Double> samples = new java.util.HashMap<>();
            for (final String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n"))
            {
                final Matcher sample = SAMPLE.matcher(line);
                if (!line.startsWith("#") && sample.find())
                {
                    samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
                }
            }
            return new Scrape(samples);
        }

        Set<String> names()
        {
            final Set<String> names = new TreeSet<>();
            samples.keySet().forEach(key -> names.add(key.replaceFirst("\\{.*", "")));
            return names;
        }

        Set<String> namesStartingWith(final String prefix)
        {
            final Set<String> names = new TreeSet<>(names());
            names.removeIf(name -> !name.startsWith(prefix));
            return names;
        }

        double value(final String name)
        {
            final Double value = samples.get(name);
            assertTrue(value != null, name + " is exported");
            return value;
        }

        double value(final String name, final String label, final String labelValue)
        {
            final String wanted = label + "=\"" + labelValue + "\"";
            return samples.entrySet().stream()
                .filter(sample -> sample.getKey().startsWith(name + "{") && sample.getKey().contains(wanted))
                .mapToDouble(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(name + " with " + wanted + " is exported"));
        }

        double sum(final String name)
        {
            return samples.entrySet().stream().filter(sample -> sample.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
        }
    }
}
