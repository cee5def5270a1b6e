package org.p2px.projector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.catalog.AdTextEntity;
import org.p2px.core.AdSnapshot;
import org.p2px.live.LiveOrder;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserStatsRow;
import org.p2px.server.CoreCommands;
import org.p2px.server.EngineLifecycle;
import org.p2px.testing.TradingFixture;
import org.p2px.testing.TradingFixture.Trader;

/**
 * The database goes away (the connection to it is cut, new ones refused) while people trade: trading goes on over
 * the live view, health says the read models are behind, and when the database returns the projector writes what
 * it missed, once, so the read models equal the live view again.
 */
@QuarkusTest
@TestProfile(DatabaseBehindProxy.Profile.class)
class DatabaseOutageTest
{
    private static final long WAIT_MS = 60_000;

    @Inject
    Projector projector;
    @Inject
    EngineLifecycle lifecycle;
    @Inject
    ViewMapper views;
    @Inject
    CoreCommands core;

    @Test
    void tradingGoesOnWhileTheDatabaseIsAwayAndTheReadModelsCatchUpOnce() throws InterruptedException
    {
        final String market = TradingFixture.newMarket();
        final Trader merchant = TradingFixture.fundedMerchant(market);
        final long adId = TradingFixture.postAd(merchant, market, "SELL", "500", "0.9200", "10", "500");
        final Trader buyer = TradingFixture.newUser();
        assertTrue(projector.awaitProjected(lastBatch(), WAIT_MS));

        DatabaseBehindProxy.proxy().cut();
        final long released;
        final long cancelled;
        final long postedDuringOutage;
        try
        {
            released = TradingFixture.take(buyer, adId, "92.00");
            buyer.request().post("/api/v1/orders/" + released + "/paid").then().statusCode(200)
                .body("state", equalTo("PAID"));
            cancelled = TradingFixture.take(buyer, adId, "46.00");
            buyer.request().post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
            postedDuringOutage = TradingFixture.postAd(merchant, market, "SELL", "20", "0.9300", "10", "18");

            // Checking the fund password needs the account store: refused as not done, and it was not.
            release(merchant, released).statusCode(503).body("code", equalTo("DATABASE_UNAVAILABLE"));
            assertEquals("PAID", TradingFixture.order(buyer, released).getString("state"));
            // Still ready (trading goes on), and the read-models check says why the history is behind.
            awaitReadModels(true);
            given().get("/q/health/ready").then().statusCode(200);
        }
        finally
        {
            DatabaseBehindProxy.proxy().restore();
        }
        release(merchant, released).statusCode(200).body("state", equalTo("COMPLETED"));
        awaitReadModels(false);

        final long last = lastBatch();
        assertTrue(projector.awaitProjected(last, WAIT_MS), "the projector catches up to batch " + last);
        QuarkusTransaction.requiringNew().run(() ->
        {
            for (final long orderId : new long[]{ released, cancelled })
            {
                final LiveOrder live = core.read(state -> state.order(orderId));
                assertEquals(views.order(live), views.order(OrderRow.<OrderRow>findById(orderId)), "order " + orderId);
            }
            final AdSnapshot ad = core.read(state -> state.ad(adId));
            assertEquals(views.ad(ad), views.ad(AdRow.<AdRow>findById(adId)), "the ad");
            // Counted once: a batch written twice would count the release twice.
            assertEquals(1, UserStatsRow.<UserStatsRow>findById(buyer.id()).completedOrders, "the buyer's completed orders");
            assertEquals(1, UserStatsRow.<UserStatsRow>findById(merchant.id()).completedOrders, "the merchant's");
        });
        awaitTexts(postedDuringOutage);
    }

    /** Waits until the readiness data says the read models are (or are no longer) degraded by the database. */
    private static void awaitReadModels(final boolean degraded) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        Map<String, Object> data = Map.of();
        while (System.nanoTime() < deadline)
        {
            data = given().get("/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'read-models' }.data");
            if (Boolean.valueOf(degraded).equals(data.get("degraded")) &&
                Boolean.valueOf(!degraded).equals(data.get("databaseReachable")))
            {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("read-models never said degraded=" + degraded + ": " + data);
    }

    private static ValidatableResponse release(final Trader seller, final long orderId)
    {
        return seller.request().body(Map.of("fundPassword", TradingFixture.FUND_PASSWORD))
            .post("/api/v1/orders/" + orderId + "/release").then();
    }

    /** The texts of an ad posted while the database was away reach it once it is back. */
    private static void awaitTexts(final long adId) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        String autoReply = null;
        while (autoReply == null && System.nanoTime() < deadline)
        {
            autoReply = QuarkusTransaction.requiringNew().call(() ->
            {
                final AdTextEntity row = AdTextEntity.findById(adId);
                return row == null ? null : row.autoReply;
            });
            Thread.sleep(50);
        }
        assertEquals("Thanks! Pay by SEPA please.", autoReply, "the texts of ad " + adId);
    }

    private long lastBatch()
    {
        return lifecycle.engine().batchSequence();
    }
}
