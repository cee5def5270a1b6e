package org.p2px.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.balance;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.order;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.ws.WsClient;
import org.p2px.readmodel.OrderRow;
import org.p2px.server.EngineLifecycle;
import org.p2px.testing.TradingFixture.Trader;

/**
 * The server as the gateway of three cluster members in their own JVMs ({@link ClusterMembers}): whole trades over
 * REST answered through the cluster, pushed over the WebSocket by the live view that follows member 0's journal,
 * and written to the read models by the projector; then a member other than member 0 is killed with kill -9 and
 * trading goes on, nothing lost.
 */
@QuarkusTest
@TestProfile(ClusterMembers.Profile.class)
class ClusterGatewayTest
{
    private static final long PROJECTED_WITHIN_MS = 10_000;

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    EngineLifecycle engines;

    @Test
    void tradesGoThroughTheClusterArePushedAndProjectedAndGoOnAfterAMemberIsKilled() throws Exception
    {
        given().get("/q/health/ready").then().statusCode(200)
            .body("checks.find { it.name == 'engine' }.data.mode", equalTo("CLUSTER"));
        given().get("/api/v1/rules").then().statusCode(200)
            .body("adEditLimit", equalTo(ClusterMembers.CONFIGURED_AD_EDIT_LIMIT));
        final String market = newMarket();
        final String asset = assetOf(market);
        final Trader seller = fundedMerchant(market);
        final Trader buyer = newUser();
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "500");

        try (WsClient buyerSocket = subscribed(buyer, "orders", "balances"))
        {
            final long first = tradeThroughRest(seller, buyer, adId);
            awaitPush(buyerSocket, "orders", o -> o.get("id").asLong() == first && "COMPLETED".equals(o.get("state").asText()));
            awaitPush(buyerSocket, "balances", b -> asset.equals(b.get("asset").asText())
                && new BigDecimal("100").compareTo(new BigDecimal(b.get("available").asText())) == 0);
            awaitProjected(first, "COMPLETED");
            assertOnlyTheGatewaysMeters();

            final int victim = killAMemberBesideMemberZero();

            final long second = tradeThroughRest(seller, buyer, adId);
            awaitPush(buyerSocket, "orders", o -> o.get("id").asLong() == second && "COMPLETED".equals(o.get("state").asText()));
            awaitProjected(second, "COMPLETED");
            assertEquals(0, new BigDecimal("200").compareTo(new BigDecimal(balance(buyer, asset)[0])));
            seller.request().get("/api/v1/ads/" + adId).then().statusCode(200)
                .body("remaining", equalTo("300.000000")).body("filled", equalTo("200.000000"));
            assertTrue(!ClusterMembers.processes().isAlive(victim), "member " + victim + " was not killed");
        }
    }

    /** The engine's readiness and the journal's last batch; nothing of a core, journal appends or snapshots here. */
    private static void assertOnlyTheGatewaysMeters()
    {
        given().get("/q/health/live").then().statusCode(200);
        final String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*\\np2px_engine_ready(\\{[^}]*\\})? 1\\.0\\n.*"), "p2px_engine_ready is not 1");
        assertTrue(metrics.contains("\np2px_journal_batches_total"), "no p2px_journal_batches_total");
        for (final String absent : List.of("p2px_core_busy", "p2px_commands_total", "p2px_journal_append",
            "p2px_snapshot_", "p2px_recovery_"))
        {
            assertTrue(!metrics.contains("\n" + absent), absent + " exported by a gateway");
        }
    }

    /** Takes 100 at 0.92 (92 EUR), pays and releases through REST; each answer comes from the cluster's decision. */
    private static long tradeThroughRest(final Trader seller, final Trader buyer, final long adId)
    {
        final long orderId = take(buyer, adId, "92");
        assertEquals("PENDING_PAYMENT", order(buyer, orderId).getString("state"));
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200).body("state", equalTo("PAID"));
        seller.request().body(Map.of("fundPassword", FUND_PASSWORD)).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(200).body("state", equalTo("COMPLETED"));
        return orderId;
    }

    /**
     * Kills -9 the leader when it is not member 0, whose journal the server follows, and a follower otherwise; the
     * two left are a majority.
     */
    private int killAMemberBesideMemberZero() throws InterruptedException
    {
        final int leader = engines.clusterClient().leaderMemberId();
        final int victim = leader != ClusterMembers.GATEWAY_MEMBER ? leader : 1;
        ClusterMembers.processes().kill(victim);
        assertNotEquals(ClusterMembers.GATEWAY_MEMBER, victim);
        return victim;
    }

    private WsClient subscribed(final Trader trader, final String... channels)
    {
        final WsClient client = WsClient.open(ws, Map.of("Authorization", "Bearer " + trader.token()), List.of(), false);
        for (final String channel : channels)
        {
            final JsonNode reply = client.request("sub-" + channel, "subscribe", Map.of("channel", channel));
            assertTrue(reply.get("ok").asBoolean(), reply::toString);
            assertEquals("snapshot", client.push(channel).get("type").asText());
        }
        return client;
    }

    private static JsonNode awaitPush(final WsClient client, final String channel, final Predicate<JsonNode> wanted)
    {
        for (int i = 0; i < 50; i++)
        {
            final JsonNode data = client.push(channel).get("data");
            if (wanted.test(data))
            {
                return data;
            }
        }
        throw new AssertionError("no matching push on " + channel);
    }

    private static void awaitProjected(final long orderId, final String state) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + PROJECTED_WITHIN_MS;
        String projected = null;
        while (System.currentTimeMillis() < deadline)
        {
            projected = QuarkusTransaction.requiringNew().call(() ->
            {
                final OrderRow row = OrderRow.findById(orderId);
                return row == null ? null : row.state;
            });
            if (state.equals(projected))
            {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("order " + orderId + " in the read models: " + projected + ", not " + state);
    }
}
