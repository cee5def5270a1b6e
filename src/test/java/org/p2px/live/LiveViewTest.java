package org.p2px.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Role;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineConfig;

/** The live view over a real engine: answers after its own batch, private pushes first and market data after, rejections, restarts. */
class LiveViewTest
{
    private static final long ADMIN = 1;
    private static final int USDT = 1;

    @TempDir
    Path dataDirectory;

    @Test
    void aCallerReadsTheStateItsOwnBatchLeftAndTheListenersHeardOfItFirst()
    {
        final List<Long> heard = new CopyOnWriteArrayList<>();
        try (Engine engine = Engine.start(EngineConfig.defaults(dataDirectory), SystemEpochClock.INSTANCE);
            LiveView view = LiveView.start(engine, List.of((batch, state) -> heard.add(batch.batchSequence()))))
        {
            register(view, ADMIN, Role.ADMIN);
            register(view, 2, Role.USER);
            view.send((p, b, o, c) -> p.defineAsset(b, o, c, 0, ADMIN, USDT, 6, false), (reply, state) -> null);
            final long[] answer = view.send((p, b, o, c) -> p.deposit(b, o, c, 0, ADMIN, 2, USDT, 5_000_000),
                (reply, state) -> new long[]{ reply.batchSequence(), state.user(2).balances().get(0).available() });
            assertEquals(5_000_000, answer[1]);
            assertTrue(heard.contains(answer[0]), "the listeners heard of batch " + answer[0] + " before the answer");
            assertEquals(engine.digest(), (long)view.read(LiveState::digest));
            assertEquals(answer[0], view.appliedSequence());
        }
    }

    @Test
    void marketDataListenersRunAfterTheCallerIsAnsweredAndBeforeTheNextBatch()
    {
        final List<String> steps = new CopyOnWriteArrayList<>();
        final LiveListener listener = new LiveListener()
        {
            @Override
            public void onApplied(final LiveBatch batch, final LiveState state)
            {
                steps.add("applied " + batch.batchSequence());
            }

            @Override
            public void afterAnswer(final LiveBatch batch, final LiveState state)
            {
                steps.add("after " + batch.batchSequence());
            }
        };
        try (Engine engine = Engine.start(EngineConfig.defaults(dataDirectory), SystemEpochClock.INSTANCE);
            LiveView view = LiveView.start(engine, List.of(listener)))
        {
            final long first = view.send((p, b, o, c) -> p.registerUser(b, o, c, 0, ADMIN, Role.ADMIN, 1),
                (reply, state) -> record(steps, reply));
            final long second = view.send((p, b, o, c) -> p.registerUser(b, o, c, 0, 2, Role.USER, 1),
                (reply, state) -> record(steps, reply));
            view.read(state -> null); // a query runs between batches: the second's listeners are done
            assertEquals(List.of("applied " + first, "answer " + first, "after " + first,
                "applied " + second, "answer " + second, "after " + second), steps);
        }
    }

    private static long record(final List<String> steps, final CommandReply reply)
    {
        steps.add("answer " + reply.batchSequence());
        return reply.batchSequence();
    }

    @Test
    void aRejectionComesBackWithTheCoresCode()
    {
        try (Engine engine = Engine.start(EngineConfig.defaults(dataDirectory), SystemEpochClock.INSTANCE);
            LiveView view = LiveView.start(engine, List.of()))
        {
            register(view, 7, Role.USER);
            final CommandRefusedException refused = assertThrows(CommandRefusedException.class,
                () -> register(view, 7, Role.USER));
            assertEquals(ErrorCode.USER_EXISTS, refused.code());
        }
    }

    @Test
    void aViewStartedAfterARestartHoldsTheSameState()
    {
        final long digest;
        try (Engine engine = Engine.start(EngineConfig.defaults(dataDirectory), SystemEpochClock.INSTANCE);
            LiveView view = LiveView.start(engine, List.of()))
        {
            register(view, ADMIN, Role.ADMIN);
            view.send((p, b, o, c) -> p.defineAsset(b, o, c, 0, ADMIN, USDT, 6, false), (reply, state) -> null);
            for (long user = 10; user < 50; user++)
            {
                final long id = user;
                register(view, id, Role.USER);
                view.send((p, b, o, c) -> p.deposit(b, o, c, 0, ADMIN, id, USDT, id * 1_000), (reply, state) -> null);
            }
            digest = engine.digest();
        }
        // The clean stop wrote a snapshot: the new view starts from it, then follows the journal.
        try (Engine engine = Engine.start(EngineConfig.defaults(dataDirectory), SystemEpochClock.INSTANCE);
            LiveView view = LiveView.start(engine, List.of()))
        {
            assertEquals(digest, (long)view.read(LiveState::digest));
            register(view, 99, Role.USER);
            assertNotNull(view.read(state -> state.user(99)));
            assertEquals(engine.digest(), (long)view.read(LiveState::digest));
        }
    }

    private static void register(final LiveView view, final long userId, final Role role)
    {
        view.send((p, b, o, c) -> p.registerUser(b, o, c, 0, userId, role, 1), (reply, state) -> null);
    }
}
