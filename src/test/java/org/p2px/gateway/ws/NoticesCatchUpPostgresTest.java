package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.notice.Notice;
import org.p2px.notice.NoticesCatchUp;
import org.p2px.testing.TradingFixture.Trader;

/**
 * A gateway catches up from the database on what other gateways sharing it stored but never announced (the gateway
 * died between its commit and its notice, or this one's listener was reconnecting): each {@link NoticesCatchUp}
 * (fired here as {@code GatewayNotices}' schedule fires it) pushes such a chat line to the parties subscribed here,
 * once, also when its notice comes too. Rows are written as another gateway writes them, with no notice; against
 * PostgreSQL only ({@code -Ppostgres}). A key revoked without a notice: {@code WsAuthTest}.
 */
@QuarkusTest
class NoticesCatchUpPostgresTest
{
    private static final long OTHER_GATEWAY = 99;
    /** Long enough for a push the catch-up would wrongly repeat to arrive. */
    private static final long QUIET_MS = 700;

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    Event<Notice> notices;
    @Inject
    Event<NoticesCatchUp> catchUps;

    @BeforeEach
    void onPostgres()
    {
        assumeTrue("postgresql".equals(System.getProperty("p2px.db.kind")) && System.getProperty("p2px.db.url") != null,
            "the catch-up runs where gateways share PostgreSQL: run with -Ppostgres");
        catchUps.fire(new NoticesCatchUp());
    }

    @Test
    void aLineStoredElsewhereWithoutANoticeIsPushedHereOnce()
    {
        try (Chat chat = new Chat())
        {
            final long lineId = storedElsewhere(chat.orderId, chat.buyer.id(), "Paid; my gateway died before telling.");

            catchUps.fire(new NoticesCatchUp());
            catchUps.fire(new NoticesCatchUp());

            for (final WsClient party : chat.parties())
            {
                final List<JsonNode> pushed = pushesOf(party, lineId);
                assertEquals(1, pushed.size(), pushed::toString);
                assertEquals("Paid; my gateway died before telling.", pushed.get(0).get("text").asText());
                assertEquals(chat.buyer.username(), pushed.get(0).get("authorName").asText());
            }
        }
    }

    @Test
    void aLineAnnouncedAndFoundByTheCatchUpIsPushedOnce()
    {
        try (Chat chat = new Chat())
        {
            final long lineId = storedElsewhere(chat.orderId, chat.seller.id(), "Told and found.");

            notices.fire(new Notice.ChatLine(OTHER_GATEWAY, lineId, chat.orderId));
            catchUps.fire(new NoticesCatchUp());
            notices.fire(new Notice.ChatLine(OTHER_GATEWAY, lineId, chat.orderId));
            catchUps.fire(new NoticesCatchUp());

            for (final WsClient party : chat.parties())
            {
                assertEquals(1, pushesOf(party, lineId).size());
            }
        }
    }

    /**
     * Ids come from a sequence: a line whose transaction took its id first but commits after a line with a higher id
     * is still found (a plain "above the last id read" would step over it for good), and each is pushed once.
     */
    @Test
    void aLineCommittedAfterOneWithAHigherIdIsStillPushedOnce() throws SQLException
    {
        try (Chat chat = new Chat(); Connection late = connect())
        {
            late.setAutoCommit(false);
            final long lateId = insert(late, chat.orderId, chat.buyer.id(), "Took my id first, committed last.");
            final long earlyId = storedElsewhere(chat.orderId, chat.seller.id(), "Committed first.");
            assertTrue(lateId < earlyId);

            catchUps.fire(new NoticesCatchUp());
            late.commit();
            catchUps.fire(new NoticesCatchUp());
            catchUps.fire(new NoticesCatchUp());

            for (final WsClient party : chat.parties())
            {
                final List<JsonNode> pushed = pushes(party);
                assertEquals(1, pushed.stream().filter(line -> line.get("id").asLong() == earlyId).count(),
                    pushed::toString);
                assertEquals(1, pushed.stream().filter(line -> line.get("id").asLong() == lateId).count(),
                    pushed::toString);
            }
        }
    }

    /** An order between a merchant and a buyer, both subscribed to {@code chat} here. */
    private final class Chat implements AutoCloseable
    {
        final Trader seller;
        final Trader buyer;
        final long orderId;
        final WsClient sellerHere;
        final WsClient buyerHere;

        Chat()
        {
            final String market = newMarket();
            seller = fundedMerchant(market);
            buyer = newUser();
            orderId = take(buyer, postAd(seller, market, "SELL", "500", "0.9200", "10", "500"), "92");
            sellerHere = subscribed(seller);
            buyerHere = subscribed(buyer);
        }

        List<WsClient> parties()
        {
            return List.of(sellerHere, buyerHere);
        }

        @Override
        public void close()
        {
            sellerHere.close();
            buyerHere.close();
        }
    }

    private WsClient subscribed(final Trader who)
    {
        final WsClient client = WsClient.open(uri, Map.of("Authorization", "Bearer " + who.token()), List.of(), false);
        assertTrue(client.request("s-1", "subscribe", Map.of("channel", "chat")).get("ok").asBoolean());
        assertEquals("snapshot", client.push("chat").get("type").asText());
        return client;
    }

    /** The lines pushed on {@code chat} until none came for {@link #QUIET_MS}. */
    private static List<JsonNode> pushes(final WsClient client)
    {
        final List<JsonNode> lines = new ArrayList<>();
        for (JsonNode push = client.pushWithin("chat", QUIET_MS); push != null; push = client.pushWithin("chat", QUIET_MS))
        {
            lines.add(push.get("data"));
        }
        return lines;
    }

    private static List<JsonNode> pushesOf(final WsClient client, final long lineId)
    {
        return pushes(client).stream().filter(line -> line.get("id").asLong() == lineId).toList();
    }

    /** A USER line written as another gateway writes it, committed, with no notice. */
    private static long storedElsewhere(final long orderId, final long authorId, final String text)
    {
        try (Connection connection = connect())
        {
            return insert(connection, orderId, authorId, text);
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static long insert(final Connection connection, final long orderId, final long authorId, final String text)
        throws SQLException
    {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_messages (order_id, author_id, "
            + "kind, text, sent_at) VALUES (?, ?, 'USER', ?, now()) RETURNING id"))
        {
            insert.setLong(1, orderId);
            insert.setLong(2, authorId);
            insert.setString(3, text);
            try (ResultSet id = insert.executeQuery())
            {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException
    {
        return DriverManager.getConnection(System.getProperty("p2px.db.url"),
            System.getProperty("p2px.db.username", "postgres"), System.getProperty("p2px.db.password", ""));
    }
}
