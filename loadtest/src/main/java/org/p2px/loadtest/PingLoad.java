package org.p2px.loadtest;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baselines' load: {@code ping} requests over a set of connections in turn, open loop at a rate, each timed
 * from its intended send time into {@code op}'s histogram.
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
        final AtomicLong i = new AtomicLong();
        final Progress progress = Progress.start(into, op);
        new RateSchedule().then(op, rate, seconds).run(System.nanoTime() + 100_000_000L, intended ->
        {
            into.offered();
            connections.get((int)(i.getAndIncrement() % connections.size())).request("ping", null).thenAccept(reply ->
            {
                into.record(op, reply.nanos() - intended);
                if (reply.ok())
                {
                    into.completed();
                }
                else
                {
                    into.refused(op, reply.code());
                }
                answered.countDown();
            });
        });
        answered.await(timeoutSeconds, TimeUnit.SECONDS);
        progress.stop();
    }
}
