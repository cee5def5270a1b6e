package org.p2px.loadtest;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baselines' load, and the probe of a trade run: {@code ping} requests over a set of connections in turn, open
 * loop at a rate, each timed from its intended send time into {@code op}'s histogram.
 */
final class PingLoad
{
    private PingLoad()
    {
    }

    static void run(final List<WsConnection> connections, final double rate, final double seconds, final String op,
        final Latencies into, final int timeoutSeconds) throws InterruptedException
    {
        final long total = Math.round(rate * seconds);
        final CountDownLatch answered = new CountDownLatch((int)total);
        final Progress progress = Progress.start(into, op);
        send(connections, rate, seconds, op, into, true, answered::countDown);
        answered.await(timeoutSeconds, TimeUnit.SECONDS);
        progress.stop();
    }

    /**
     * The same pings on a thread of its own while something else is measured, into {@code op} only (not counted as
     * offered or completed requests); returns the thread, which ends when the last ping was sent.
     */
    static Thread alongside(final List<WsConnection> connections, final double rate, final double seconds,
        final String op, final Latencies into)
    {
        final Thread sender = new Thread(() -> send(connections, rate, seconds, op, into, false, () -> { }), op);
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    /** Sends the pings on the calling thread at their intended times; {@code answered} runs after each reply. */
    private static void send(final List<WsConnection> connections, final double rate, final double seconds,
        final String op, final Latencies into, final boolean counted, final Runnable answered)
    {
        final AtomicLong i = new AtomicLong();
        new RateSchedule().then(op, rate, seconds).run(System.nanoTime() + 100_000_000L, intended ->
        {
            if (counted)
            {
                into.offered();
            }
            connections.get((int)(i.getAndIncrement() % connections.size())).request("ping", null).thenAccept(reply ->
            {
                into.record(op, reply.nanos() - intended);
                if (!reply.ok())
                {
                    into.refused(op, reply.code());
                }
                else if (counted)
                {
                    into.completed();
                }
                answered.run();
            });
        });
    }
}
