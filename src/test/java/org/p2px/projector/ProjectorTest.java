package org.p2px.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.core.AdSnapshot;
import org.p2px.core.CoreReader;
import org.p2px.core.UserSnapshot;
import org.p2px.engine.Engine;
import org.p2px.gateway.ChatLinePushes;
import org.p2px.gateway.Pushes;
import org.p2px.gateway.PushedChatLines;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.BlockRow;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.IndexPriceRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserStatsRow;
import org.p2px.replica.Changes;
import org.p2px.server.CoreCommands;
import org.p2px.server.EngineLifecycle;

/** The projector against the running engine and the test database: rows, chat lines, restarts, pushes. */
@QuarkusTest
@TestProfile(OwnDatabaseProfile.class)
class ProjectorTest
{
    private static final long WAIT_MS = 20_000;
    private static final String[] TABLES = {
        "select * from ads order by id",
        "select * from orders order by id",
        "select * from balances order by user_id, asset_id",
        "select * from user_stats order by user_id",
        "select * from blocks order by blocker_id, blocked_id",
        "select * from index_prices order by market_id",
        "select * from projection_position",
        "select order_id, author_id, kind, text, sent_at from chat_messages where kind <> 'USER' order by order_id, id",
    };

    @Inject
    Projector projector;
    @Inject
    EngineLifecycle lifecycle;
    @Inject
    CoreCommands core;
    @Inject
    Catalog catalog;
    @Inject
    ViewMapper views;
    @Inject
    AgroalDataSource dataSource;

    private TradeScript script;
    private MarketInfo market;

    @BeforeEach
    void world()
    {
        final long adminId = QuarkusTransaction.requiringNew().call(() ->
            UserAccount.findByUsername("admin").orElseThrow().id);
        final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        catalog.defineAsset(adminId, "PA" + suffix, 6, false);
        catalog.defineAsset(adminId, "PF" + suffix, 2, true);
        market = catalog.createMarket(adminId,
            new Catalog.MarketSpec("PA" + suffix, "PF" + suffix, 4, 1, 1_000, 10, 0, 0b1111));
        script = new TradeScript(core, adminId, market);
    }

    @Test
    void everyTouchedRowMatchesTheCoreAndEveryStateChangeHasItsChatLine()
    {
        final TradeScript.Round round = script.round(1);
        assertTrue(projector.awaitProjected(script.lastBatch(), WAIT_MS));

        final AdRow closed = row(AdRow.class, round.fixedAd());
        assertEquals("CLOSED", closed.status);
        assertEquals(0, closed.reserved);
        assertEquals(0, closed.frozen);
        assertEquals(100_000_000L, closed.filled);
        assertEquals(300_000_000L - 100_000_000L - 10_000_000L, closed.remaining);
        assertEquals(9_200L, closed.price);

        final AdRow floating = row(AdRow.class, round.floatingAd());
        final AdSnapshot live = engine().query(c -> new CoreReader(c).ad(round.floatingAd()));
        assertEquals("ONLINE", floating.status);
        assertEquals("FLOATING", floating.priceType);
        assertEquals(live.price(), floating.price);
        assertEquals((round.index() * 10_050 / 10_000), floating.price);
        assertEquals(live.reserved(), floating.reserved);

        final OrderRow completed = row(OrderRow.class, round.orders().get(0));
        assertEquals("COMPLETED", completed.state);
        assertNotNull(completed.finishedAt);
        assertNotNull(completed.paidAt);
        assertNull(completed.cancelReason);
        assertEquals(round.fixedAd(), completed.sellAdId);
        assertNull(completed.buyAdId);
        assertEquals("BY_BUYER", row(OrderRow.class, round.orders().get(1)).cancelReason);
        assertEquals("CANCELLED", row(OrderRow.class, round.orders().get(2)).state);
        assertEquals("SELLER_REQUEST_ACCEPTED", row(OrderRow.class, round.orders().get(2)).cancelReason);

        for (final long userId : new long[]{ round.seller(), round.buyer() })
        {
            final UserSnapshot user = engine().query(c -> new CoreReader(c).user(userId));
            final int assetId = market.asset().id();
            final BalanceRow balance = row(BalanceRow.class, new BalanceRow.BalanceRowKey(userId, assetId));
            final long available = user.balances().stream().filter(b -> b.assetId() == assetId).findFirst()
                .orElseThrow().available();
            final long locked = user.balances().stream().filter(b -> b.assetId() == assetId).findFirst()
                .orElseThrow().locked();
            assertEquals(available, balance.available);
            assertEquals(locked, balance.locked);
            final UserStatsRow stats = row(UserStatsRow.class, userId);
            assertEquals(1, stats.completedOrders);
            assertEquals(1, stats.completed30D);
            assertEquals(1, stats.failed30D);
        }
        assertEquals(round.index(), row(IndexPriceRow.class, market.id()).price);
        assertNotNull(row(BlockRow.class, new BlockRow.BlockRowKey(round.seller(), adminIdOf())));
        assertNull(row(BlockRow.class, new BlockRow.BlockRowKey(round.buyer(), adminIdOf())));

        final List<ChatMessageRow> chat = chat(round.orders().get(0));
        assertEquals(List.of("SYSTEM", "AUTO_REPLY", "SYSTEM", "SYSTEM"), chat.stream().map(l -> l.kind).toList());
        assertEquals("Order opened: 100.000000 " + market.asset().code() + " for 92.00 " + market.fiat().code() +
            ". Buyer: pay within the payment window, then mark the order paid.", chat.get(0).text);
        assertEquals(TradeScript.AUTO_REPLY, chat.get(1).text);
        assertEquals(round.seller(), chat.get(1).authorId);
        assertNull(chat.get(0).authorId);
        assertTrue(chat.get(3).text.startsWith("Order completed: the seller released 100.000000"));
        final List<String> prefixes = List.of("Order opened:", "The seller asked", "The buyer rejected",
            "The seller asked", "Order cancelled: the buyer accepted");
        final List<ChatMessageRow> requested = chat(round.orders().get(2)).stream()
            .filter(l -> l.kind.equals("SYSTEM")).toList();
        assertEquals(prefixes.size(), requested.size());
        for (int i = 0; i < prefixes.size(); i++)
        {
            assertTrue(requested.get(i).text.startsWith(prefixes.get(i)), requested.get(i).text);
        }

        assertFalse(projector.awaitProjected(script.lastBatch() + 1_000_000, 50));
    }

    @Test
    void theProjectorCatchesUpAfterARestartWithNoGapAndNoDuplicate()
    {
        final List<TradeScript.Round> rounds = new ArrayList<>();
        rounds.add(script.round(1));
        assertTrue(projector.awaitProjected(script.lastBatch(), WAIT_MS));
        // A snapshot before the position the restart finds: the replica starts there and replays up to it.
        engine().snapshotNow();
        rounds.add(script.round(2));
        assertTrue(projector.awaitProjected(script.lastBatch(), WAIT_MS));

        // Stopped with batches still arriving, some maybe in hand; more trading while it is down.
        rounds.add(script.round(3));
        projector.stop();
        rounds.add(script.round(4));
        projector.start();
        rounds.add(script.round(5));
        final long end = engine().batchSequence();
        assertTrue(projector.awaitProjected(end, WAIT_MS));
        final List<String> restarted = dump();

        for (final TradeScript.Round round : rounds)
        {
            for (int i = 0; i < round.orders().size(); i++)
            {
                final List<ChatMessageRow> lines = chat(round.orders().get(i));
                assertEquals(TradeScript.SYSTEM_LINES[i], lines.stream().filter(l -> l.kind.equals("SYSTEM")).count());
                assertEquals(1, lines.stream().filter(l -> l.kind.equals("AUTO_REPLY")).count());
            }
        }

        // From scratch: an empty database, the whole journal, a projector that never stopped; it pushes too.
        projector.stop();
        QuarkusTransaction.requiringNew().run(() ->
        {
            for (final String table : new String[]{ "ads", "orders", "balances", "user_stats", "blocks",
                "index_prices", "projection_position" })
            {
                Panache.getEntityManager().createNativeQuery("delete from " + table).executeUpdate();
            }
            Panache.getEntityManager().createNativeQuery("delete from chat_messages where kind <> 'USER'").executeUpdate();
        });
        final RecordingPushes pushes = new RecordingPushes();
        final Projector fresh = new Projector(lifecycle::engine, catalog,
            () -> List.of(new ChatLinePushes(views, () -> pushes, new PushedChatLines())), new ProjectorLease(dataSource), 0);
        fresh.start();
        try
        {
            assertTrue(fresh.awaitProjected(end, WAIT_MS));
            assertEquals(restarted, dump());
        }
        finally
        {
            fresh.stop();
            projector.start();
        }

        // The projector pushes only the chat lines it writes; orders, balances and books go out from the live view.
        final TradeScript.Round last = rounds.get(rounds.size() - 1);
        assertNotNull(pushes.lastTo(last.buyer(), "chat"));
        assertNotNull(pushes.lastTo(last.seller(), "chat"));
        assertEquals(Set.of("chat"), pushes.channels());
    }

    @Test
    void aProjectorWritesOnlyAfterThePositionItLastSawAndAnotherServerStandsByUntilTheLeaseIsFree()
        throws Exception
    {
        script.round(1);
        final long first = script.lastBatch();
        assertTrue(projector.awaitProjected(first, WAIT_MS));
        assertTrue(projector.projecting());

        // Fenced: changes computed after a position the database no longer holds write nothing.
        final Changes stale = new Changes();
        stale.firstSequence = first + 1_000_000;
        stale.lastSequence = first + 1_000_000;
        assertThrows(ProjectionTakenOver.class, () -> QuarkusTransaction.requiringNew().call(() ->
            new ReadModelWriter(catalog).write(stale, -1)));
        assertTrue(QuarkusTransaction.requiringNew().call(ReadModelWriter::position) < stale.lastSequence);

        // A second server on the same database: on PostgreSQL it stands by, following the position, and takes
        // over once the lease is free; an H2 database belongs to one server (nothing to share, nothing to test).
        assumeTrue(postgres(), "the lease is PostgreSQL's advisory lock");
        final Projector second = new Projector(lifecycle::engine, catalog, List::of, new ProjectorLease(dataSource), 0);
        second.start();
        try
        {
            assertFalse(second.projecting());
            script.round(2);
            assertTrue(second.awaitProjected(script.lastBatch(), WAIT_MS), "the stand-by follows the position");
            assertFalse(second.projecting());

            projector.stop();
            script.round(3);
            final long end = engine().batchSequence();
            assertTrue(second.awaitProjected(end, WAIT_MS), "the stand-by took over");
            assertTrue(second.projecting());
        }
        finally
        {
            second.stop();
            projector.start();
        }
        assertTrue(projector.awaitProjected(engine().batchSequence(), WAIT_MS));
        assertTrue(projector.projecting());
    }

    private boolean postgres() throws java.sql.SQLException
    {
        try (java.sql.Connection connection = dataSource.getConnection())
        {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    private Engine engine()
    {
        return lifecycle.engine();
    }

    private static long adminIdOf()
    {
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findByUsername("admin").orElseThrow().id);
    }

    private static <T> T row(final Class<T> type, final Object id)
    {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().find(type, id));
    }

    private static List<ChatMessageRow> chat(final long orderId)
    {
        return QuarkusTransaction.requiringNew().call(() ->
            ChatMessageRow.<ChatMessageRow>list("orderId = ?1 order by id", orderId));
    }

    /** Every row the projector writes, as text. */
    @SuppressWarnings("unchecked")
    private static List<String> dump()
    {
        return QuarkusTransaction.requiringNew().call(() ->
        {
            final List<String> rows = new ArrayList<>();
            for (final String query : TABLES)
            {
                for (final Object row : Panache.getEntityManager().createNativeQuery(query).getResultList())
                {
                    rows.add(row instanceof Object[] columns ? Arrays.toString(columns) : String.valueOf(row));
                }
            }
            return rows;
        });
    }

    /** Keeps every push. */
    private static final class RecordingPushes implements Pushes
    {
        private record Push(long userId, String channel, String type, Object data)
        {
        }

        private final List<Push> pushes = new CopyOnWriteArrayList<>();

        @Override
        public void toUser(final long userId, final String channel, final String type, final Object data)
        {
            pushes.add(new Push(userId, channel, type, data));
        }

        @Override
        public void toStaff(final String type, final Object data)
        {
            pushes.add(new Push(0, "disputes", type, data));
        }

        @Override
        public boolean hasStaffSubscribers()
        {
            return false;
        }

        @Override
        public void toChannel(final String channel, final long seq, final long prev, final String type, final Object data)
        {
            pushes.add(new Push(0, channel, type, data));
        }

        Object lastTo(final long userId, final String channel)
        {
            return pushes.stream().filter(p -> p.userId() == userId && p.channel().equals(channel))
                .reduce((a, b) -> b).map(Push::data).orElse(null);
        }

        Set<String> channels()
        {
            return pushes.stream().map(Push::channel).collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public boolean isOnline(final long userId)
        {
            return true;
        }

        @Override
        public boolean hasSubscribers(final String channel)
        {
            return true;
        }
    }
}
