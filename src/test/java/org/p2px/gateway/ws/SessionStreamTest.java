package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A session's streams without a socket: pushes that arrive while the snapshot is being taken follow it, numbered
 * on (or, on a public channel, dropped when the snapshot already has them); a public channel's client that falls
 * behind is conflated and restarted from a fresh snapshot; the outbound bound trips the overflow callback.
 */
class SessionStreamTest
{
    private final List<String> written = new ArrayList<>();
    private final List<Runnable> unflushed = new ArrayList<>();
    private final AtomicInteger overflows = new AtomicInteger();
    private final List<String> resyncs = new ArrayList<>();

    private Session session(final int maxMessages, final boolean flush)
    {
        return session(maxMessages, flush, maxMessages);
    }

    private Session session(final int maxMessages, final boolean flush, final int conflateAt)
    {
        final Outbound outbound = new Outbound(Runnable::run, (text, done) ->
        {
            written.add(text);
            if (flush)
            {
                done.run();
            }
            else
            {
                unflushed.add(done);
            }
        }, maxMessages, 1 << 20);
        return new Session(null, null, outbound, new TokenBucket(20, 40, 0), new SerialRequests(Runnable::run, Runnable::run, () -> true, 8),
            maxMessages, new Session.Conflation(conflateAt, 1 << 20, (ignored, channel) -> resyncs.add(channel)),
            ignored -> overflows.incrementAndGet(), 0);
    }

    @Test
    void pushesDuringTheSnapshotFollowIt()
    {
        final Session session = session(100, true);
        assertEquals(Session.StreamOpening.OPENED, session.openStream("orders", 2));
        assertEquals(Session.StreamOpening.ALREADY_OPEN, session.openStream("orders", 2));
        assertEquals(Session.StreamOpening.OPENED, session.openStream("chat", 2));
        assertEquals(Session.StreamOpening.TOO_MANY, session.openStream("balances", 2));
        session.push("orders", new PushText("\"orders\"", "\"order\"", "{\"id\":1}"));
        session.push("balances", new PushText("\"balances\"", "\"balance\"", "{}"));
        session.dropStream("chat");
        assertEquals(List.of(), written);

        session.startStream("orders", "{\"id\":\"s\",\"ok\":true}",
            StreamStart.snapshot(new PushText("\"orders\"", "\"snapshot\"", "{}")));
        session.push("orders", new PushText("\"orders\"", "\"order\"", "{\"id\":2}"));
        assertEquals(List.of(
            "{\"id\":\"s\",\"ok\":true}",
            "{\"channel\":\"orders\",\"seq\":1,\"type\":\"snapshot\",\"data\":{}}",
            "{\"channel\":\"orders\",\"seq\":2,\"type\":\"order\",\"data\":{\"id\":1}}",
            "{\"channel\":\"orders\",\"seq\":3,\"type\":\"order\",\"data\":{\"id\":2}}"), written);

        assertTrue(session.dropStream("orders"));
        session.push("orders", new PushText("\"orders\"", "\"order\"", "{\"id\":3}"));
        assertEquals(4, written.size());
    }

    @Test
    void aClientThatDoesNotReadTripsTheBoundOnce()
    {
        final Session session = session(3, false);
        session.openStream("chat", 8);
        session.startStream("chat", "{}", StreamStart.snapshot(new PushText("\"chat\"", "\"snapshot\"", "{}")));
        session.push("chat", new PushText("\"chat\"", "\"message\"", "{}"));
        assertEquals(0, overflows.get());
        session.push("chat", new PushText("\"chat\"", "\"message\"", "{}"));
        assertEquals(1, overflows.get());
        // Stopped: later pushes are dropped without another alarm.
        session.push("chat", new PushText("\"chat\"", "\"message\"", "{}"));
        assertEquals(1, overflows.get());
        assertEquals(3, written.size());
    }

    @Test
    void aPublicSnapshotDropsTheHeldUpdatesItAlreadyContains()
    {
        final Session session = session(100, true);
        session.openStream("book.A-B", 8);
        session.push("book.A-B", frame(6));
        session.push("book.A-B", frame(7));
        session.push("book.A-B", frame(8));
        session.startStream("book.A-B", "reply", StreamStart.snapshot(frame(7)));
        session.push("book.A-B", frame(8));
        session.push("book.A-B", frame(9));
        assertEquals(List.of("reply", "f7", "f8", "f9"), written);
    }

    @Test
    void aResumedPublicChannelSendsTheMissedUpdatesThenWhatWasHeldAfterThem()
    {
        final Session session = session(100, true);
        session.openStream("book.A-B", 8);
        session.push("book.A-B", frame(6));
        session.push("book.A-B", frame(9));
        // Caught up to batch 8 on the view's thread: 5 and 6 were missed; 9 came after.
        session.startStream("book.A-B", "reply", new StreamStart(List.of(frame(5), frame(6)), 8, true));
        session.push("book.A-B", frame(9));
        session.push("book.A-B", frame(12));
        assertEquals(List.of("reply", "f5", "f6", "f9", "f12"), written);
    }

    @Test
    void aPublicChannelsSlowClientIsConflatedThenRestartedFromAFreshSnapshot()
    {
        final Session session = session(100, false, 3);
        session.openStream("book.A-B", 8);
        session.startStream("book.A-B", "reply", StreamStart.snapshot(frame(1)));
        session.push("book.A-B", frame(2));
        // Three frames wait: the next updates are dropped, not queued, and nobody is closed.
        session.push("book.A-B", frame(3));
        session.push("book.A-B", frame(4));
        assertEquals(List.of("reply", "f1", "f2"), written);
        assertEquals(List.of(), resyncs);
        assertEquals(0, overflows.get());

        // The client reads everything: a fresh snapshot is asked for; updates meanwhile are held for it.
        unflushed.forEach(Runnable::run);
        unflushed.clear();
        assertEquals(List.of("book.A-B"), resyncs);
        session.push("book.A-B", frame(5));
        session.push("book.A-B", frame(6));
        session.restartStream("book.A-B", StreamStart.snapshot(frame(5)));
        session.push("book.A-B", frame(7));
        assertEquals(List.of("reply", "f1", "f2", "f5", "f6", "f7"), written);
    }

    @Test
    void privateChannelsAreNotConflated()
    {
        final Session session = session(100, false, 2);
        session.openStream("orders", 8);
        session.startStream("orders", "reply", StreamStart.snapshot(new PushText("\"orders\"", "\"snapshot\"", "{}")));
        session.push("orders", new PushText("\"orders\"", "\"order\"", "{}"));
        session.push("orders", new PushText("\"orders\"", "\"order\"", "{}"));
        assertEquals(4, written.size());
        assertEquals(List.of(), resyncs);
    }

    private static ChannelFrame frame(final long seq)
    {
        return new ChannelFrame(seq, "f" + seq);
    }

    @Test
    void onItsEventLoopAFrameIsWrittenAtOnceUnlessAnotherWaits()
    {
        final List<Runnable> tasks = new ArrayList<>();
        final java.util.concurrent.atomic.AtomicBoolean onLoop = new java.util.concurrent.atomic.AtomicBoolean();
        final Outbound outbound = new Outbound(tasks::add, onLoop::get, (text, done) ->
        {
            written.add(text);
            done.run();
        }, 10, 1 << 20);
        outbound.offer("a");
        assertEquals(List.of(), written, "from another thread: queued for the loop");
        onLoop.set(true);
        outbound.offer("b");
        assertEquals(List.of(), written, "on the loop, but behind a queued frame");
        assertEquals(1, tasks.size());
        tasks.get(0).run();
        assertEquals(List.of("a", "b"), written);
        outbound.offer("c");
        assertEquals(List.of("a", "b", "c"), written, "on the loop with nothing waiting: at once");
        assertEquals(1, tasks.size(), "and without a task");
    }

    @Test
    void writtenFramesFreeTheirRoom()
    {
        final Session session = session(2, false);
        session.send("a");
        session.send("b");
        unflushed.forEach(Runnable::run);
        session.send("c");
        session.send("d");
        assertEquals(0, overflows.get());
        assertEquals(List.of("a", "b", "c", "d"), written);
    }

    @Test
    void refusalsCountUntilTheClientBacksOffForASecond()
    {
        final Session session = session(10, true);
        for (int i = 0; i < 40; i++)
        {
            assertTrue(session.admit(0));
        }
        assertFalse(session.admit(0));
        assertFalse(session.admit(1_000));
        // A token refilled 50 ms later lets one request through without forgiving the flood.
        assertTrue(session.admit(50_000_000L));
        assertFalse(session.admit(50_000_001L));
        assertEquals(3, session.refusals());
        // Quiet for over a second: the count starts again.
        assertTrue(session.admit(1_100_000_000L));
        assertEquals(0, session.refusals());
    }
}
