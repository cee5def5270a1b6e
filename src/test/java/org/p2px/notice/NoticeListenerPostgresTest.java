package org.p2px.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateways' listeners on one PostgreSQL database (the {@code postgres} Maven profile's, or
 * {@code -Dp2px.db.url=...}), each on a channel of this test's own: what one sends the other hears, its own it
 * skips, and a listener whose connection is cut listens again (saying so, to catch up) and hears what is sent after.
 */
class NoticeListenerPostgresTest
{
    private static final long WAIT_S = OwnConnections.WAIT_S;

    private final String channel = "p2px_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    private final BlockingQueue<Notice> heardByOne = new LinkedBlockingQueue<>();
    private final BlockingQueue<Notice> heardByTwo = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> resumedOne = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> resumedTwo = new LinkedBlockingQueue<>();
    private NoticeListener one;
    private NoticeListener two;

    @BeforeEach
    void listen() throws InterruptedException
    {
        OwnConnections.assumePostgres();
        one = new NoticeListener(channel, 1, OwnConnections::connect, heardByOne::add, () -> resumedOne.add(true));
        two = new NoticeListener(channel, 2, OwnConnections::connect, heardByTwo::add, () -> resumedTwo.add(true));
        one.start();
        two.start();
        OwnConnections.awaitListening(one, 0);
        OwnConnections.awaitListening(two, 0);
    }

    @AfterEach
    void stop()
    {
        if (one != null)
        {
            one.close();
            two.close();
        }
    }

    @Test
    void whatOneGatewaySendsTheOtherHearsAndItsOwnItSkips() throws Exception
    {
        send(NoticeCodec.chatLine(1, 100, 10), NoticeCodec.keyRevoked(1, 5, "key-one"));
        send(NoticeCodec.chatLine(2, 200, 20));

        assertEquals(new Notice.ChatLine(1, 100, 10), heardByTwo.poll(WAIT_S, TimeUnit.SECONDS));
        assertEquals(new Notice.KeyRevoked(1, 5, "key-one"), heardByTwo.poll(WAIT_S, TimeUnit.SECONDS));
        assertEquals(new Notice.ChatLine(2, 200, 20), heardByOne.poll(WAIT_S, TimeUnit.SECONDS));
        assertNull(heardByOne.poll(300, TimeUnit.MILLISECONDS), "gateway 1 skips its own");
        assertNull(heardByTwo.poll(1, TimeUnit.MILLISECONDS), "gateway 2 skips its own");
    }

    @Test
    void garbledPayloadsAreIgnoredAndTheListenerGoesOn() throws Exception
    {
        send("chat:1:2", "revoked:1:5:bad key", "x".repeat(7_000), "chat:1:2:3\n", NoticeCodec.chatLine(1, 300, 30));

        assertEquals(new Notice.ChatLine(1, 300, 30), heardByTwo.poll(WAIT_S, TimeUnit.SECONDS));
        assertNull(heardByTwo.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void nothingIsHeardOfATransactionRolledBack() throws Exception
    {
        try (Connection connection = OwnConnections.connect())
        {
            connection.setAutoCommit(false);
            NoticePublisher.send(connection, channel, List.of(NoticeCodec.chatLine(1, 400, 40)));
            connection.rollback();
            NoticePublisher.send(connection, channel, List.of(NoticeCodec.chatLine(1, 401, 40)));
            connection.commit();
        }

        assertEquals(new Notice.ChatLine(1, 401, 40), heardByTwo.poll(WAIT_S, TimeUnit.SECONDS));
        assertNull(heardByTwo.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aListenerWhoseConnectionIsCutListensAgainAndHearsWhatIsSentAfter() throws Exception
    {
        final int cut = two.backendPid();
        try (Connection connection = OwnConnections.connect();
            PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?)"))
        {
            terminate.setInt(1, cut);
            terminate.execute();
        }
        OwnConnections.awaitListening(two, cut);
        assertEquals(Boolean.TRUE, resumedTwo.poll(WAIT_S, TimeUnit.SECONDS), "told to catch up");

        send(NoticeCodec.chatLine(1, 500, 50));

        assertEquals(new Notice.ChatLine(1, 500, 50), heardByTwo.poll(WAIT_S, TimeUnit.SECONDS));
        assertNotEquals(cut, two.backendPid());
        assertNull(resumedOne.poll(1, TimeUnit.MILLISECONDS), "gateway 1 never lost its connection");
    }

    private void send(final String... payloads) throws SQLException
    {
        try (Connection connection = OwnConnections.connect())
        {
            NoticePublisher.send(connection, channel, List.of(payloads));
        }
    }
}
