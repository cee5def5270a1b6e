package org.p2px.loadtest.fanout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.HdrHistogram.Histogram;

/**
 * Market-data fan-out: N subscribers of one {@code book.<MARKET>} channel of a running p2px server while a taker
 * changes one ad R times a second; the latency from each change's intended send time to each subscriber's receipt
 * of the update, none lost, and the bytes each subscriber receives per change. Then the same count of subscribers,
 * rate and message size against a bare Vert.x broadcast server: the floor, measured in the same run (in this
 * process, or at {@code --bare-url} when it runs as its own process: 10,000 subscribers need that, their sockets
 * and the server's would not fit one process's file limit).
 */
public final class FanOutScenario
{
    /** What one side of the comparison measured. */
    public record Result(String name, Histogram latency, long expected, long received, long frames, long bytes,
        int resynced, List<String> refusals)
    {
        public long lost()
        {
            return expected - received;
        }

        /** Characters per frame received (a frame may carry two changes that shared an engine batch). */
        public double bytesPerUpdate()
        {
            return frames == 0 ? 0 : (double)bytes / frames;
        }

        public String summary()
        {
            return String.format(Locale.ROOT, "%s: received %d of %d (lost %d, conflated subscribers %d) in %d frames, "
                + "%.0f bytes per frame per subscriber", name, received, expected, lost(), resynced, frames,
                bytesPerUpdate());
        }
    }

    /** The parameters of a run. */
    public record Plan(URI server, String adminUser, String adminPassword, int subscribers, int rate, int seconds,
        int warmUpSeconds, int ads, URI bareUrl, boolean baseline)
    {
        int warmUpChanges()
        {
            return warmUpSeconds * rate;
        }

        int changes()
        {
            return warmUpChanges() + seconds * rate;
        }
    }

    private FanOutScenario()
    {
    }

    /** The p2px side: sets up a market of its own, subscribes, changes ads and times every receipt. */
    public static Result p2px(final Plan plan) throws Exception
    {
        final BookDriver driver = new BookDriver(plan.server().toString().replaceAll("/+$", ""));
        driver.setUp(plan.adminUser(), plan.adminPassword(), plan.ads());
        System.out.printf("fan-out: %d subscribers of book.%s (%d ads), %d changes/s for %d s after %d warm-up changes%n",
            plan.subscribers(), driver.market(), plan.ads(), plan.rate(), plan.seconds(), plan.warmUpChanges());
        try (Subscribers subs = new Subscribers(plan.subscribers()))
        {
            subs.connect(plan.server().getPort(), "/ws", "{\"id\":\"1\",\"op\":\"subscribe\",\"args\":{\"channel\":\"book."
                + driver.market() + "\"}}");
            subs.cycleThrough(driver.changedAds());
            final List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
            final Result result = run("p2px book." + driver.market(), subs, plan, k -> requests.add(driver.change(k)));
            final List<String> refusals = new ArrayList<>();
            for (final CompletableFuture<HttpResponse<String>> request : requests)
            {
                final HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
                if (response.statusCode() != 201)
                {
                    refusals.add(response.statusCode() + " " + response.body());
                }
            }
            return new Result(result.name(), result.latency(), result.expected(), result.received(), result.frames(),
                result.bytes(), result.resynced(), refusals);
        }
    }

    /** The floor: the same subscribers, rate and message size on a bare Vert.x broadcast server. */
    public static Result bare(final Plan plan, final int size) throws Exception
    {
        final String name = "bare Vert.x broadcast, " + size + " chars";
        if (plan.bareUrl() != null)
        {
            final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try (Subscribers subs = new Subscribers(plan.subscribers()))
            {
                subs.connect(plan.bareUrl().getPort(), "/", null);
                return run(name + " (own process)", subs, plan, k -> http.sendAsync(
                    HttpRequest.newBuilder(plan.bareUrl().resolve("/broadcast?seq=" + k + "&size=" + size))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()));
            }
        }
        try (BareBroadcastServer bare = new BareBroadcastServer(); Subscribers subs = new Subscribers(plan.subscribers()))
        {
            subs.connect(bare.port(), "/", null);
            return run(name, subs, plan, k -> bare.broadcast(k, size));
        }
    }

    /** Sends change k at t0 + k / rate (open loop: a late change keeps its intended time), then waits for receipts. */
    private static Result run(final String name, final Subscribers subs, final Plan plan, final IntConsumer change)
        throws InterruptedException
    {
        final int changes = plan.changes();
        subs.expect(changes, plan.warmUpChanges());
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        final long interval = TimeUnit.SECONDS.toNanos(1) / plan.rate();
        for (int k = 1; k <= changes; k++)
        {
            final long due = start + k * interval;
            while (System.nanoTime() < due)
            {
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000), 0);
            }
            subs.sent(k, due);
            change.accept(k);
        }
        final long expected = (long)subs.count() * (changes - plan.warmUpChanges());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (subs.receivedTotal() < expected && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        final Result result = new Result(name, subs.latency(), expected, subs.receivedTotal(), subs.framesTotal(),
            subs.bytesTotal(), subs.resynced(), List.of());
        System.out.println(result.summary());
        return result;
    }
}
