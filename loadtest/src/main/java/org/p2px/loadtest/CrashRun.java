package org.p2px.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code crash}: starts the server itself, trades over WebSockets (take, paid, release), kills the server with
 * SIGKILL at a random moment, starts it again on the same data, and checks what clients were told against what
 * the server holds: every order whose take, payment or release was acknowledged is there, at least as far as
 * acknowledged; the server came back ready (it checks the core's invariants before that); every client reconnects,
 * gets a snapshot of its open orders, finishes them, and sees the channel's {@code seq} without a gap. Repeated
 * {@code --rounds} times; the seed ({@code -Dp2px.loadtest.seed}) picks the moments.
 */
final class CrashRun
{
    private static final Map<String, Integer> PROGRESS = Map.of("PENDING_PAYMENT", 0, "PAID", 1, "COMPLETED", 2);

    private final TradeOptions o;
    private final List<String> serverCommand;
    private final Path data;
    private final Path logs;
    private final SplittableRandom random;
    /** What the server acknowledged, per order: the furthest state a reply confirmed. */
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    /** Which taker and merchant each order belongs to. */
    private final Map<Long, Trader[]> parties = new ConcurrentHashMap<>();
    private final AtomicLong seqGaps = new AtomicLong();
    private final Map<String, Integer> refusals = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private Process server;

    private CrashRun(final Options options, final TradeOptions o, final long seed)
    {
        this.o = o;
        this.serverCommand = List.of(options.text("server-command", "deploy/run-server.sh").split(" "));
        this.data = Path.of(options.text("data-dir", "target/crash-data")).toAbsolutePath();
        this.logs = data.resolveSibling(data.getFileName() + "-logs");
        this.random = new SplittableRandom(seed);
    }

    static int run(final Options options, final Report report) throws Exception
    {
        final int rounds = options.integer("rounds", 3, 1, 20);
        final double rate = options.number("rate", 30, 1, 300);
        final double killWithin = options.number("kill-within", 4, 1, 60);
        final long seed = Long.getLong("p2px.loadtest.seed", 20_261_205L);
        final TradeOptions o = new TradeOptions(options, rate, rounds * killWithin);
        final CrashRun run = new CrashRun(options, o, seed);
        options.checkAllRead();
        Console.log("crash: seed " + seed + " (-Dp2px.loadtest.seed), " + rounds + " rounds, " + Report.plain(rate)
            + " cycles/s, a SIGKILL within " + Report.plain(killWithin) + " s of each round's start");
        return run.rounds(rounds, rate, killWithin, report);
    }

    private int rounds(final int rounds, final double rate, final double killWithin, final Report report)
        throws Exception
    {
        deleteRecursively(data);
        Files.createDirectories(logs);
        final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
        final WebSocketClient client = vertx.createWebSocketClient();
        final List<String> lines = new ArrayList<>();
        try
        {
            startServer(0);
            final TradeMarket market = new TradeMarket(new Rest(vertx, o.server, 4), o);
            market.setUp();
            for (int round = 0; round < rounds; round++)
            {
                connect(market, client);
                final long before = acknowledged.size();
                final long killAfterMs = (long)(1_000 + random.nextDouble() * (killWithin * 1_000 - 1_000));
                final long sent = trade(market, rate, killAfterMs);
                killServer();
                final long restartMs = startServer(round + 1);
                market.everyone().forEach(CrashRun::disconnect);
                connect(market, client);
                final int checked = checkAcknowledged(market);
                final int finished = finishOpenOrders(market);
                final String line = String.format(Locale.ROOT, "round %d: %d cycles started, SIGKILL after %d ms; "
                    + "%d orders acknowledged so far (%d new), all %d found at least as acknowledged; ready again "
                    + "%d ms after the restart; %d open orders finished after reconnecting; refused so far: %s",
                    round + 1, sent, killAfterMs, acknowledged.size(), acknowledged.size() - before, checked, restartMs,
                    finished, refusals);
                Console.log(line);
                lines.add(line);
                if (round < rounds - 1)
                {
                    awaitAllCompleted(market, false);
                    market.everyone().forEach(CrashRun::disconnect);
                }
            }
            awaitAllCompleted(market, true);
        }
        finally
        {
            client.close();
            vertx.close();
            stopServer();
        }
        report.section("Crash: SIGKILL under WebSocket trading, " + rounds + " rounds");
        lines.forEach(report::paragraph);
        final List<Slo.Result> results = new ArrayList<>();
        results.add(new Slo.Result("acknowledged orders found after each restart", problems.isEmpty() ? "all"
            : problems.size() + " problems, e.g. " + problems.get(0), problems.isEmpty()));
        results.add(new Slo.Result("seq gaps on the orders channel", Long.toString(seqGaps.get()), seqGaps.get() == 0));
        results.add(new Slo.Result("orders acknowledged", Integer.toString(acknowledged.size()),
            acknowledged.size() > rounds));
        return report.verdict(results) ? 0 : 1;
    }

    /** Cycles at the rate until the kill is due; returns how many were started. */
    private long trade(final TradeMarket market, final double rate, final long killAfterMs) throws InterruptedException
    {
        final long start = System.nanoTime();
        final long killAt = start + TimeUnit.MILLISECONDS.toNanos(killAfterMs);
        long cycle = 0;
        while (true)
        {
            final long due = start + (long)(cycle * 1e9 / rate);
            if (due >= killAt)
            {
                return cycle;
            }
            final long wait = due - System.nanoTime();
            if (wait > 0)
            {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            final Trader taker = market.takers.get((int)(cycle % market.takers.size()));
            final Trader merchant = market.merchants.get((int)(cycle % market.merchants.size()));
            take(taker, merchant);
            cycle++;
        }
    }

    private void take(final Trader taker, final Trader merchant)
    {
        taker.connection().request("order.take", new JsonObject().put("adId", merchant.adId).put("amount", o.amount)
            .put("paymentMethod", "SEPA")).thenAccept(reply ->
            {
                if (reply.ok())
                {
                    final long orderId = reply.object().getLong("id");
                    parties.put(orderId, new Trader[]{ taker, merchant });
                    acknowledge(orderId, "PENDING_PAYMENT");
                    pay(orderId);
                }
                else
                {
                    refused("order.take", reply.code());
                }
            });
    }

    private void pay(final long orderId)
    {
        final Trader[] pair = parties.get(orderId);
        pair[0].connection().request("order.paid", new JsonObject().put("orderId", orderId)).thenAccept(reply ->
        {
            if (reply.ok())
            {
                acknowledge(orderId, "PAID");
                release(orderId);
            }
            else
            {
                refused("order.paid", reply.code());
            }
        });
    }

    private void release(final long orderId)
    {
        final Trader[] pair = parties.get(orderId);
        pair[1].connection().request("order.release", new JsonObject().put("orderId", orderId)).thenAccept(reply ->
        {
            if (reply.ok())
            {
                acknowledge(orderId, "COMPLETED");
            }
            else
            {
                refused("order.release", reply.code());
            }
        });
    }

    /** Refusals by operation and code, reported per round: a SIGKILL refuses what was in flight. */
    private void refused(final String op, final String code)
    {
        refusals.merge(op + " " + code, 1, Integer::sum);
    }

    private void acknowledge(final long orderId, final String state)
    {
        acknowledged.merge(orderId, state, (was, now) -> PROGRESS.get(now) > PROGRESS.get(was) ? now : was);
    }

    /** Opens each user's connection, subscribed to {@code orders}, counting seq gaps of what follows. */
    private void connect(final TradeMarket market, final WebSocketClient client)
    {
        for (final Trader merchant : market.merchants)
        {
            final SeqWatch watch = new SeqWatch();
            final WsConnection ws = WsConnection.open(client, o.server, null, watch::onPush, this::badFrame).join();
            final long timestamp = merchant.nextSigningTimestamp();
            ws.call("auth.apikey", new JsonObject().put("keyId", merchant.keyId).put("timestamp",
                String.valueOf(timestamp)).put("signature", TradeMarket.hmacSha256Hex(merchant.secret,
                timestamp + "\nGET\n/ws\n\n")));
            ws.call("subscribe", new JsonObject().put("channel", "orders"));
            merchant.connections.add(ws);
        }
        for (final Trader taker : market.takers)
        {
            final SeqWatch watch = new SeqWatch();
            final WsConnection ws = WsConnection.open(client, o.server, taker.token, watch::onPush, this::badFrame)
                .join();
            ws.call("subscribe", new JsonObject().put("channel", "orders"));
            taker.connections.add(ws);
            taker.openOrders = watch.snapshotOrders;
        }
    }

    /** Every acknowledged order, read back over REST by its taker: there, and at least as far as acknowledged. */
    private int checkAcknowledged(final TradeMarket market)
    {
        int checked = 0;
        for (final Map.Entry<Long, String> entry : acknowledged.entrySet())
        {
            final Trader taker = parties.get(entry.getKey())[0];
            final String state;
            try
            {
                state = ((JsonObject)market.rest().call("GET", "/api/v1/orders/" + entry.getKey(), taker.token, null))
                    .getString("state");
            }
            catch (final ApiError e)
            {
                problems.add("order " + entry.getKey() + " acknowledged " + entry.getValue() + ": " + e.getMessage());
                continue;
            }
            final Integer progress = PROGRESS.get(state);
            if (progress == null || progress < PROGRESS.get(entry.getValue()))
            {
                problems.add("order " + entry.getKey() + " acknowledged " + entry.getValue() + " but is " + state);
            }
            else
            {
                // A command applied whose answer the kill swallowed (a release, say): the client learns it here,
                // as one that looks its order up after reconnecting would.
                acknowledge(entry.getKey(), state);
            }
            checked++;
        }
        return checked;
    }

    /**
     * Each taker's open orders from its snapshot (those it was told of and those whose answer the kill swallowed):
     * pays and releases them, as a client that resumes would. Returns how many.
     */
    private int finishOpenOrders(final TradeMarket market) throws InterruptedException
    {
        int finished = 0;
        for (final Trader taker : market.takers)
        {
            for (final Object item : taker.openOrders.join())
            {
                final JsonObject order = (JsonObject)item;
                final long orderId = order.getLong("id");
                final Trader merchant = market.merchants.stream().filter(m -> m.id == order.getLong("sellerId"))
                    .findFirst().orElseThrow();
                parties.putIfAbsent(orderId, new Trader[]{ taker, merchant });
                if ("PENDING_PAYMENT".equals(order.getString("state")))
                {
                    pay(orderId);
                }
                else
                {
                    release(orderId);
                }
                finished++;
            }
        }
        return finished;
    }

    private static void disconnect(final Trader trader)
    {
        trader.closeAll();
        trader.connections.clear();
    }

    /**
     * Every acknowledged order reaches COMPLETED (the resumed ones included), before the next round and at the end;
     * at the end, one that does not is a problem.
     */
    private void awaitAllCompleted(final TradeMarket market, final boolean last) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.timeoutSeconds);
        while (System.nanoTime() < deadline && acknowledged.values().stream().anyMatch(s -> !s.equals("COMPLETED")))
        {
            Thread.sleep(100);
        }
        acknowledged.forEach((orderId, state) ->
        {
            if (last && !state.equals("COMPLETED"))
            {
                problems.add("order " + orderId + " not completed after resuming: " + state);
            }
        });
    }

    private void badFrame(final String frame)
    {
        problems.add("bad frame: " + frame);
    }

    /** Follows one connection's {@code orders} channel: its snapshot, then updates numbered one by one. */
    private final class SeqWatch
    {
        final java.util.concurrent.CompletableFuture<JsonArray> snapshotOrders = new java.util.concurrent.CompletableFuture<>();
        private long lastSeq = -1;

        synchronized void onPush(final WsConnection.Push push)
        {
            if (!"orders".equals(push.channel()))
            {
                return;
            }
            if ("snapshot".equals(push.type()))
            {
                lastSeq = push.seq();
                snapshotOrders.complete(push.object().getJsonArray("orders"));
                return;
            }
            if (lastSeq >= 0 && push.seq() != lastSeq + 1)
            {
                seqGaps.incrementAndGet();
            }
            lastSeq = push.seq();
        }
    }

    /** Starts the server on the data directory and waits until it is ready; returns how long that took. */
    private long startServer(final int round) throws Exception
    {
        final ProcessBuilder builder = new ProcessBuilder(serverCommand)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("server-" + round + ".log").toFile());
        builder.environment().put("JAVA_OPTS", "-Dquarkus.http.port=" + o.server.getPort() + " -Dp2px.engine.data-dir="
            + data + " -Dquarkus.log.level=WARN");
        builder.environment().put("P2PX_AUTH_ADMIN_USERNAME", o.adminUser);
        builder.environment().put("P2PX_AUTH_ADMIN_PASSWORD", o.adminPassword);
        final long started = System.nanoTime();
        server = builder.start();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final HttpRequest ready = HttpRequest.newBuilder(URI.create(o.server + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2)).build();
        final long deadline = started + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline)
        {
            if (!server.isAlive())
            {
                throw new ApiError("SERVER_EXITED", "the server exited while starting; see " + logs);
            }
            try
            {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            }
            catch (final IOException notYet)
            {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new ApiError("SERVER_NOT_READY", "the server was not ready within 120 s; see " + logs);
    }

    /** SIGKILL: the launcher execs the JVM, so the process started is the server itself. */
    private void killServer() throws InterruptedException
    {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    private void stopServer() throws InterruptedException
    {
        if (server != null && server.isAlive())
        {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS))
            {
                server.destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(final Path path) throws IOException
    {
        if (Files.exists(path))
        {
            try (var walk = Files.walk(path))
            {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
