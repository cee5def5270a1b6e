package org.p2px.loadtest;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a run's latencies once a second into its timeline and prints a live line every five seconds: offered
 * and completed rate, refusals so far and the headline operation's p99 over the last second.
 */
final class Progress
{
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "lt-progress");
        t.setDaemon(true);
        return t;
    });
    private final Latencies latencies;
    private final String headline;
    private int ticks;

    private Progress(final Latencies latencies, final String headline)
    {
        this.latencies = latencies;
        this.headline = headline;
    }

    static Progress start(final Latencies latencies, final String headline)
    {
        final Progress progress = new Progress(latencies, headline);
        progress.timer.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
        return progress;
    }

    private void tick()
    {
        final Latencies.Sample s = latencies.sample();
        if (++ticks % 5 == 0)
        {
            final long[] op = s.ops().get(headline);
            Console.log(String.format(Locale.ROOT, "t=%3.0fs offered %d/s, completed %d/s, refused %d so far, %s p99 %s",
                s.atSeconds(), s.offered(), s.completed(), latencies.refusedTotal(), headline,
                op == null ? "-" : Report.ms(op[2]) + " ms"));
        }
    }

    /** Stops sampling after a last sample, so the totals include everything recorded. */
    void stop() throws InterruptedException
    {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        latencies.sample();
    }
}
