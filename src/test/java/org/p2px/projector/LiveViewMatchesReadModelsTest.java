package org.p2px.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.Side;
import org.p2px.core.AdSnapshot;
import org.p2px.core.UserSnapshot;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.live.LiveOrder;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.server.CoreCommands;
import org.p2px.testing.RandomTrading;

/**
 * The live view against the read models: after a seeded random run of trading (ads posted, edited, topped up,
 * taken, paid, released, cancelled, appealed, switched off and closed; index moves), every order, ad, balance and
 * book side the view answers with equals what the projector wrote. Seed: {@code -Dp2px.live.seed=N}.
 */
@QuarkusTest
class LiveViewMatchesReadModelsTest
{
    private static final long WAIT_MS = 30_000;
    private static final int STEPS = Integer.getInteger("p2px.live.steps", 400);

    @Inject
    CoreCommands core;
    @Inject
    Projector projector;
    @Inject
    Catalog catalog;
    @Inject
    ViewMapper views;

    @Test
    void afterASeededRandomRunTheViewEqualsTheReadModels()
    {
        final long seed = Long.getLong("p2px.live.seed", 20_261_204L);
        System.out.println("LiveViewMatchesReadModelsTest seed " + seed + " (-Dp2px.live.seed=" + seed + ")");
        final RandomTrading trading = new RandomTrading(core, catalog, new SplittableRandom(seed), 6);
        final MarketInfo market = trading.market();
        final List<Long> orders = trading.orders();
        for (int step = 0; step < STEPS; step++)
        {
            trading.step();
        }
        final long lastBatch = trading.lastBatch();
        assertTrue(projector.awaitProjected(lastBatch, WAIT_MS), "the projector reaches batch " + lastBatch);

        QuarkusTransaction.requiringNew().run(() ->
        {
            for (final long orderId : orders)
            {
                final LiveOrder live = core.read(state -> state.order(orderId));
                assertNotNull(live, "order " + orderId);
                assertEquals(views.order(OrderRow.<OrderRow>findById(orderId)), views.order(live), "order " + orderId);
            }
            for (final long adId : trading.ads())
            {
                final AdSnapshot live = core.read(state -> state.ad(adId));
                assertNotNull(live, "ad " + adId);
                assertEquals(views.ad(AdRow.<AdRow>findById(adId)), views.ad(live), "ad " + adId);
            }
            for (final long userId : trading.users())
            {
                final UserSnapshot live = core.read(state -> state.user(userId));
                final List<BalanceView> rows = BalanceRow.<BalanceRow>list("userId = ?1 and (available <> 0 or " +
                    "locked <> 0) order by assetId", userId).stream().map(views::balance).toList();
                assertEquals(rows, views.balances(live), "balances of " + userId);
            }
            for (final Side side : Side.values())
            {
                if (side == Side.NULL_VAL)
                {
                    continue;
                }
                final List<Long> book = core.read(state -> state.book(market.id(), side, 0, -1, 0, 1_000)).stream()
                    .map(AdSnapshot::adId).sorted().toList();
                final List<Long> listed = AdRow.<AdRow>list("marketId = ?1 and side = ?2 and status = 'ONLINE' and " +
                    "visibility = 'PUBLIC' and remaining > 0 order by id", market.id(), side.name())
                    .stream().map(row -> row.id).toList();
                assertEquals(listed, book, side + " book");
            }
        });
        assertTrue(orders.size() > 10, "the run opened orders: " + orders.size());
    }
}
