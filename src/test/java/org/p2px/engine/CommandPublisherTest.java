package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.Role;

/** Commands encoded in place on the ring buffer: answered like copied ones; a bad writer leaves the ring usable. */
class CommandPublisherTest
{
    @TempDir
    Path data;

    @Test
    void aCommandEncodedInPlaceIsDecidedAndABrokenWriterIsRefusedWithoutHarm()
    {
        try (Engine engine = Engine.start(EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO),
            SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            try (EventPoller poller = engine.poller("replies", replies, Engine.CURRENT))
            {
                final CommandProxy proxy = new CommandProxy();
                assertEquals(OfferResult.ACCEPTED, engine.offer(TestGateway.SESSION,
                    (buffer, offset) -> proxy.registerUser(buffer, offset, 1, 0, 10, Role.USER, 0)));
                await(poller, replies, 1);
                assertEquals(ReplyCollector.ACCEPTED, replies.answers.get(1L));

                // Too short to be a command, or throwing half-way: refused, the claimed slot given back.
                assertThrows(IllegalArgumentException.class, () -> engine.offer(TestGateway.SESSION, (buffer, offset) -> 4));
                assertThrows(IllegalStateException.class, () -> engine.offer(TestGateway.SESSION, (buffer, offset) ->
                {
                    throw new IllegalStateException("encoder bug");
                }));

                assertEquals(OfferResult.ACCEPTED, engine.offer(TestGateway.SESSION,
                    (buffer, offset) -> proxy.registerUser(buffer, offset, 2, 0, 10, Role.USER, 0)));
                await(poller, replies, 2);
                assertEquals("USER_EXISTS", replies.answers.get(2L));
                assertEquals(2, engine.batchSequence(), "only the two real commands were journaled");
            }
        }
    }

    private static void await(final EventPoller poller, final ReplyCollector replies, final long correlationId)
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!replies.answers.containsKey(correlationId) && System.nanoTime() < deadline)
        {
            poller.poll();
        }
    }
}
