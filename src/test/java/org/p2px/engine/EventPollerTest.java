package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.Role;

/** A poller: the thread that offers commands also reads their answers, with the same guarantees as a subscription. */
class EventPollerTest
{
    @TempDir
    Path data;

    @Test
    void theOfferingThreadReadsEveryAnswerOnceInOrder() throws Exception
    {
        try (Engine engine = Engine.start(EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO),
            SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            try (EventPoller poller = engine.poller("replies", replies, Engine.CURRENT))
            {
                final TestGateway client = new TestGateway(engine.publisher(), 1);
                pollUntilAnswered(poller, replies, client.world());
                pollUntilAnswered(poller, replies, client.register(10, Role.MERCHANT));
                long last = 0;
                for (int i = 0; i < 500; i++)
                {
                    last = client.deposit(10, 1 + i);
                    poller.poll();
                }
                pollUntilAnswered(poller, replies, last);
                assertEquals(ReplyCollector.ACCEPTED, replies.answers.get(last));
                assertInOrderWithoutGaps(replies, engine.batchSequence());
                assertEquals(engine.batchSequence(), poller.lastSequence());
            }
        }
    }

    /**
     * After a crash there is no snapshot at shutdown: the live view starts behind the journal while the engine is
     * quiet (nothing is published until the server, which waits for the view, takes requests).
     */
    @Test
    void aPollerStartedBehindAQuietEngineCatchesUpWithoutANewBatch() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO);
        try (Engine engine = Engine.start(config, SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            replies.await(client.register(10, Role.MERCHANT));
            final ReplyCollector late = new ReplyCollector();
            try (EventPoller poller = engine.poller("late", late, 0))
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (poller.lastSequence() < engine.batchSequence() && System.nanoTime() < deadline)
                {
                    poller.poll();
                }
                assertEquals(engine.batchSequence(), poller.lastSequence(), "caught up with no new batch published");
                assertInOrderWithoutGaps(late, engine.batchSequence());
            }
        }
    }

    @Test
    void aPollerThatFallsBehindCatchesUpFromTheJournal() throws Exception
    {
        final EngineConfig small = EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO)
            .withBuffers(64 * 1024, 16 * 1024);
        try (Engine engine = Engine.start(small, SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            try (EventPoller poller = engine.poller("replies", replies, 0))
            {
                final TestGateway client = new TestGateway(engine.publisher(), 1);
                client.world();
                client.register(10, Role.MERCHANT);
                long last = 0;
                for (int i = 0; i < 2_000; i++)
                {
                    last = client.deposit(10, 1 + i);
                }
                pollUntilAnswered(poller, replies, last);
                assertInOrderWithoutGaps(replies, engine.batchSequence());
                assertTrue(poller.catchUps() > 0, "2,000 batches lapped a 16 KiB broadcast buffer");
            }
        }
    }

    private static void pollUntilAnswered(final EventPoller poller, final ReplyCollector replies, final long correlationId)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!replies.answers.containsKey(correlationId))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("no answer for command " + correlationId);
            }
            if (poller.poll() == 0)
            {
                Thread.yield();
            }
        }
    }

    private static void assertInOrderWithoutGaps(final ReplyCollector collector, final long batches)
    {
        final List<Long> seen = new ArrayList<>(collector.sequences);
        assertEquals(batches, seen.size());
        for (int i = 0; i < seen.size(); i++)
        {
            assertEquals(i + 1, seen.get(i));
        }
    }
}
