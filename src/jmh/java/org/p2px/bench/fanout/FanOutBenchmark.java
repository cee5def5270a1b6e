package org.p2px.bench.fanout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.HdrHistogram.Histogram;

/**
 * Market-data fan-out: N subscribers of one {@code book.<MARKET>} channel of a running p2px server while a taker
 * changes one ad R times a second; the latency from each change's request to each subscriber's receipt of the
 * update, none lost, and the bytes each subscriber receives per change. Then the same count of subscribers, rate
 * and message size against a bare Vert.x broadcast server in this process: the floor, measured in the same run.
 *
 * <pre>
 * mvn -Pbench test-compile exec:exec@fanout-bench -Dfanout.args="--server http://127.0.0.1:18080 --subscribers 1000 --rate 5"
 * </pre>
 * Options: --server URL (127.0.0.1 only), --subscribers N (1..20000), --rate R changes/s (1..50), --seconds S
 * (1..300, default 30), --warmup W seconds (default 10), --ads A (1..200, default 60), --admin NAME (password in
 * P2PX_ADMIN_PASSWORD), --no-baseline, --baseline-only SIZE (the bare server alone, messages of SIZE characters),
 * --bare-url http://127.0.0.1:PORT (a bare server running as its own process, see {@link BareBroadcastServer}).
 * Exit 0, or 1 when an update was lost.
 */
public final class FanOutBenchmark
{
    private FanOutBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Map<String, String> options = options(args);
        final URI server = URI.create(options.getOrDefault("server", "http://127.0.0.1:8080"));
        if (!"127.0.0.1".equals(server.getHost()))
        {
            throw new IllegalArgumentException("--server must be on 127.0.0.1");
        }
        final int subscribers = bounded(options, "subscribers", 1000, 1, 20_000);
        final int rate = bounded(options, "rate", 5, 1, 50);
        final int seconds = bounded(options, "seconds", 30, 1, 300);
        final int warmUp = bounded(options, "warmup", 10, 0, 120) * rate;
        final int ads = bounded(options, "ads", 60, 1, 200);
        final String password = System.getenv().getOrDefault("P2PX_ADMIN_PASSWORD", "admin");
        final int changes = warmUp + seconds * rate;

        final String bareUrl = options.get("bare-url");
        if (options.containsKey("baseline-only"))
        {
            baseline(subscribers, changes, warmUp, rate, bounded(options, "baseline-only", 800, 1, 1 << 20), bareUrl);
            return;
        }
        final BookDriver driver = new BookDriver(server.toString().replaceAll("/+$", ""));
        driver.setUp(options.getOrDefault("admin", "admin"), password, ads);
        System.out.printf("fan-out: %d subscribers of book.%s (%d ads), %d changes/s for %d s after %d warm-up changes%n",
            subscribers, driver.market(), ads, rate, seconds, warmUp);
        final Result p2px;
        final List<Integer> failures = new ArrayList<>();
        try (Subscribers subs = new Subscribers(subscribers))
        {
            subs.connect(server.getPort(), "/ws", "{\"id\":1,\"op\":\"subscribe\",\"args\":{\"channel\":\"book."
                + driver.market() + "\"}}");
            subs.cycleThrough(driver.changedAds());
            final List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
            p2px = run("p2px book." + driver.market(), subs, changes, warmUp, rate, k -> requests.add(driver.change(k)));
            for (final CompletableFuture<HttpResponse<String>> request : requests)
            {
                final HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
                if (response.statusCode() != 201)
                {
                    failures.add(response.statusCode());
                    System.out.println("refused: " + response.statusCode() + " " + response.body());
                }
            }
        }
        if (!failures.isEmpty())
        {
            System.out.println("changes refused by the server: " + failures.size() + " " + Set.copyOf(failures));
        }
        if (!options.containsKey("no-baseline"))
        {
            final Result floor = baseline(subscribers, changes, warmUp, rate, (int)Math.max(1, p2px.bytesPerUpdate()),
                bareUrl);
            System.out.printf("ratio p2px / bare: p50 %.2f, p99 %.2f%n", p2px.p50Ms() / floor.p50Ms(),
                p2px.p99Ms() / floor.p99Ms());
        }
        System.exit(p2px.lost() == 0 && failures.isEmpty() ? 0 : 1);
    }

    /**
     * The same subscribers, rate and message size on a bare Vert.x broadcast server: in this process, or at
     * {@code bareUrl} (a {@link BareBroadcastServer} process), each broadcast asked for by an HTTP request as a
     * p2px change is.
     */
    private static Result baseline(final int subscribers, final int changes, final int warmUp, final int rate,
        final int size, final String bareUrl) throws Exception
    {
        final String name = "bare Vert.x broadcast, " + size + " chars";
        if (bareUrl != null)
        {
            final URI bare = URI.create(bareUrl);
            if (!"127.0.0.1".equals(bare.getHost()))
            {
                throw new IllegalArgumentException("--bare-url must be on 127.0.0.1");
            }
            final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try (Subscribers subs = new Subscribers(subscribers))
            {
                subs.connect(bare.getPort(), "/", null);
                return run(name + " (own process)", subs, changes, warmUp, rate, k -> http.sendAsync(
                    HttpRequest.newBuilder(bare.resolve("/broadcast?seq=" + k + "&size=" + size))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()));
            }
        }
        try (BareBroadcastServer bare = new BareBroadcastServer(); Subscribers subs = new Subscribers(subscribers))
        {
            subs.connect(bare.port(), "/", null);
            return run(name, subs, changes, warmUp, rate, k -> bare.broadcast(k, size));
        }
    }

    /** Sends change k at t0 + k / rate (open loop: a late change keeps its intended time), then waits for receipts. */
    private static Result run(final String name, final Subscribers subs, final int changes, final int warmUp,
        final int rate, final IntConsumer change) throws InterruptedException
    {
        subs.expect(changes, warmUp);
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        final long interval = TimeUnit.SECONDS.toNanos(1) / rate;
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
        final long expected = (long)subs.count() * (changes - warmUp);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (subs.receivedTotal() < expected && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        final Result result = new Result(subs.latency(), expected, subs.receivedTotal(), subs.framesTotal(),
            subs.bytesTotal(), subs.resynced());
        result.print(name);
        return result;
    }

    private record Result(Histogram latency, long expected, long received, long frames, long bytes, int resynced)
    {
        double p50Ms()
        {
            return latency.getValueAtPercentile(50) / 1e6;
        }

        double p99Ms()
        {
            return latency.getValueAtPercentile(99) / 1e6;
        }

        long lost()
        {
            return expected - received;
        }

        /** Characters per frame received (a frame may carry two changes that shared an engine batch). */
        double bytesPerUpdate()
        {
            return frames == 0 ? 0 : (double)bytes / frames;
        }

        void print(final String name)
        {
            System.out.printf("%s: received %d of %d (lost %d, conflated subscribers %d) in %d frames, %.0f bytes "
                    + "per frame per subscriber; latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
                name, received, expected, lost(), resynced, frames, bytesPerUpdate(), p50Ms(),
                latency.getValueAtPercentile(90) / 1e6, p99Ms(), latency.getValueAtPercentile(99.9) / 1e6,
                latency.getMaxValue() / 1e6);
        }
    }

    private static Map<String, String> options(final String[] args)
    {
        final Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--"))
            {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            final String name = args[i].substring(2);
            if ("no-baseline".equals(name))
            {
                options.put(name, "true");
            }
            else if (i + 1 < args.length)
            {
                options.put(name, args[++i]);
            }
            else
            {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    private static int bounded(final Map<String, String> options, final String name, final int fallback, final int min,
        final int max)
    {
        final int value = Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
        if (value < min || value > max)
        {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
