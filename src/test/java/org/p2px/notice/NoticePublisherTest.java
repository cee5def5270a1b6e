package org.p2px.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.auth.ApiKeyRevoked;
import org.p2px.projector.Committed;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.server.EngineMode;

/**
 * The publisher on the server's own pool, as a cluster gateway 7 on PostgreSQL runs it, heard by a gateway 2's
 * listener: a user's line, the projector's lines in their order, and a revocation told after its commit (where CDI
 * calls the {@code AFTER_SUCCESS} observer); a server whose notices are off sends nothing.
 */
@QuarkusTest
class NoticePublisherTest
{
    private static final long WAIT_S = OwnConnections.WAIT_S;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TransactionManager transactions;

    private final BlockingQueue<Notice> heard = new LinkedBlockingQueue<>();
    private NoticeListener listener;
    private NoticePublisher publisher;

    @BeforeEach
    void listen() throws InterruptedException
    {
        OwnConnections.assumePostgres();
        publisher = new NoticePublisher(GatewayNoticesTest.notices(EngineMode.CLUSTER, GatewayNoticesTest.POSTGRES),
            dataSource);
        listener = new NoticeListener(GatewayNotices.CHANNEL, 2, OwnConnections::connect, heard::add, () -> { });
        listener.start();
        OwnConnections.awaitListening(listener, 0);
    }

    @AfterEach
    void stop()
    {
        if (listener != null)
        {
            listener.close();
        }
    }

    @Test
    void aUsersLineAndTheProjectorsLinesAreToldInTheirOrder() throws InterruptedException
    {
        publisher.chatLineStored(11, 22);
        publisher.committed(new Committed(1, List.of(), List.of(), List.of(line(31, 40), line(32, 40), line(33, 41)),
            List.of(), List.of()));

        assertEquals(new Notice.ChatLine(7, 11, 22), heard.poll(WAIT_S, TimeUnit.SECONDS));
        assertEquals(new Notice.ChatLine(7, 31, 40), heard.poll(WAIT_S, TimeUnit.SECONDS));
        assertEquals(new Notice.ChatLine(7, 32, 40), heard.poll(WAIT_S, TimeUnit.SECONDS));
        assertEquals(new Notice.ChatLine(7, 33, 41), heard.poll(WAIT_S, TimeUnit.SECONDS));
    }

    @Test
    void aRevocationIsToldAfterItsCommit() throws InterruptedException
    {
        QuarkusTransaction.requiringNew().run(() -> afterCommit(() -> publisher.onRevoked(new ApiKeyRevoked(5, "k-5"))));

        assertEquals(new Notice.KeyRevoked(7, 5, "k-5"), heard.poll(WAIT_S, TimeUnit.SECONDS));
    }

    @Test
    void aServerWhoseNoticesAreOffSendsNothing() throws InterruptedException
    {
        final NoticePublisher off =
            new NoticePublisher(GatewayNoticesTest.notices(EngineMode.SINGLE, GatewayNoticesTest.POSTGRES), dataSource);
        off.chatLineStored(12, 22);
        off.onRevoked(new ApiKeyRevoked(5, "k-6"));

        assertNull(heard.poll(500, TimeUnit.MILLISECONDS));
    }

    /** Runs {@code action} once the current transaction has committed, as CDI runs an AFTER_SUCCESS observer. */
    private void afterCommit(final Runnable action)
    {
        try
        {
            transactions.getTransaction().registerSynchronization(new Synchronization()
            {
                @Override
                public void beforeCompletion()
                {
                }

                @Override
                public void afterCompletion(final int status)
                {
                    if (status == Status.STATUS_COMMITTED)
                    {
                        action.run();
                    }
                }
            });
        }
        catch (final jakarta.transaction.RollbackException | jakarta.transaction.SystemException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static ChatMessageRow line(final long id, final long orderId)
    {
        final ChatMessageRow line = new ChatMessageRow();
        line.id = id;
        line.orderId = orderId;
        line.kind = "SYSTEM";
        return line;
    }
}
