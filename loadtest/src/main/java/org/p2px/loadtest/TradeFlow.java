package org.p2px.loadtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The trade flow over the WebSocket: cycles offered on an open-loop {@link RateSchedule}, each of a kind drawn
 * from the mix with a fixed seed; takers send take or express, chat, paid or cancel; merchant bots release when
 * the PAID push of their order arrives; a cycle ends when the taker's connection sees its orders in their final
 * state. Latencies go to {@link Latencies}: the first request of a cycle and the whole cycle from its intended
 * time, the later requests from when they were sent.
 */
final class TradeFlow implements AutoCloseable
{
    /** Orders without a final push are asked for again on each attempt only while they are this few. */
    private static final int MAX_LOOKUPS = 2_000;
    private static final Set<String> RETRYABLE = Set.of("RATE_LIMITED", "BUSY", "SERVICE_UNAVAILABLE", "ENGINE_TIMEOUT");

    private final Vertx vertx;
    private final WebSocketClient client;
    private final TradeMarket market;
    private final TradeOptions o;
    private final Map<Long, Cycle> cyclesByOrder = new ConcurrentHashMap<>();
    private final Map<Long, Object[]> earlyEnds = new ConcurrentHashMap<>();
    private final List<Cycle> cycles = new ArrayList<>();
    private final LongAdder bookFrames = new LongAdder();
    private final LongAdder badFrames = new LongAdder();
    private final CycleKind[] deck;
    private final SplittableRandom random;
    private volatile Latencies latencies;
    private volatile boolean stopped;

    TradeFlow(final Vertx vertx, final TradeMarket market, final TradeOptions o, final long seed)
    {
        this.vertx = vertx;
        this.market = market;
        this.o = o;
        this.random = new SplittableRandom(seed);
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
            .setMaxMessageSize(16 << 20).setMaxConnections(o.takers + o.merchants * 4 + 500).setConnectTimeout(30_000));
        final List<CycleKind> kinds = new ArrayList<>();
        o.mix.forEach((kind, weight) ->
        {
            for (int i = 0; i < weight; i++)
            {
                kinds.add(kind);
            }
        });
        this.deck = kinds.toArray(CycleKind[]::new);
    }

    void connect()
    {
        market.connect(client, o.server, this::onMerchantPush, this::onTakerPush, bad ->
        {
            badFrames.increment();
            Console.log("bad frame: " + bad);
        });
    }

    /** Offers the schedule's cycles, then waits until each has ended or its timeout ran out; prints progress. */
    RunOutcome run(final RateSchedule schedule, final Latencies into) throws InterruptedException
    {
        this.latencies = into;
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        final int first;
        synchronized (cycles)
        {
            first = cycles.size();
        }
        final AtomicLong index = new AtomicLong(first);
        final Progress progress = Progress.start(into, "order.take");
        try
        {
            schedule.run(start, intended -> startCycle(index.getAndIncrement(), intended));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.timeoutSeconds);
            while (System.nanoTime() < deadline && !allEnded(first))
            {
                Thread.sleep(20);
            }
        }
        finally
        {
            progress.stop();
        }
        return outcome(first);
    }

    private RunOutcome outcome(final int first)
    {
        long refused = 0;
        long lost = 0;
        synchronized (cycles)
        {
            final List<Cycle> run = cycles.subList(first, cycles.size());
            final List<String> examples = new ArrayList<>();
            for (final Cycle c : run)
            {
                if (c.refusedWith != null)
                {
                    refused++;
                }
                else if (!c.isEnded())
                {
                    lost++;
                }
                else
                {
                    continue;
                }
                if (examples.size() < 5)
                {
                    examples.add(c.describe());
                }
            }
            return new RunOutcome(run.size(), run.size() - refused - lost, refused, lost, badFrames.sum(),
                bookFrames.sum(), examples);
        }
    }

    /** Offered cycles, those that ended, those whose first request was refused, those lost; pushes seen. */
    record RunOutcome(long offered, long ended, long refused, long lost, long badFrames, long bookFrames,
        List<String> examples)
    {
    }

    private boolean allEnded(final int first)
    {
        synchronized (cycles)
        {
            for (int i = cycles.size() - 1; i >= first; i--)
            {
                if (!cycles.get(i).isEnded())
                {
                    return false;
                }
            }
            return true;
        }
    }

    private void startCycle(final long i, final long intended)
    {
        final List<Trader> takers = market.takers;
        final List<Trader> merchants = market.merchants;
        final Trader taker = takers.get((int)(i % takers.size()));
        // Merchants shifted once per round of takers, so that every pair trades, not a fixed few.
        final Trader merchant = merchants.get((int)((i + i / takers.size()) % merchants.size()));
        CycleKind kind = deck[random.nextInt(deck.length)];
        if (kind == CycleKind.CANCEL && taker.cancels.incrementAndGet() > 3)
        {
            kind = CycleKind.TAKE;   // a fourth cancel in a day would restrict the taker
        }
        final Cycle c = new Cycle(i, kind, taker, merchant, intended);
        synchronized (cycles)
        {
            cycles.add(c);
        }
        latencies.offered();
        final WsConnection ws = taker.connection();
        final long clientOrderId = i + 1;
        switch (kind)
        {
            case EXPRESS, SPLIT ->
            {
                final boolean split = kind == CycleKind.SPLIT;
                final String amount = split ? String.valueOf(3 * Integer.parseInt(o.amount)) : o.amount;
                ws.request("order.express", new JsonObject().put("market", market.market).put("side", "BUY")
                        .put("amount", amount).put("paymentMethods", new JsonArray().add("SEPA"))
                        .put("allowSplit", split).put("clientOrderId", clientOrderId))
                    .thenAccept(reply -> onOpened(c, "order.express", reply));
            }
            default -> ws.request("order.take", new JsonObject().put("adId", merchant.adId).put("amount", o.amount)
                    .put("paymentMethod", "SEPA").put("clientOrderId", clientOrderId))
                .thenAccept(reply -> onOpened(c, "order.take", reply));
        }
    }

    private void onOpened(final Cycle c, final String op, final WsConnection.Reply reply)
    {
        latencies.record(op, reply.nanos() - c.intendedNanos);
        if (!reply.ok())
        {
            latencies.refused(op, reply.code());
            c.refusedWith = reply.code();
            return;
        }
        final List<Long> ids = new ArrayList<>();
        if ("order.express".equals(op))
        {
            reply.object().getJsonArray("orders").forEach(order -> ids.add(((JsonObject)order).getLong("id")));
        }
        else
        {
            ids.add(reply.object().getLong("id"));
        }
        ids.forEach(id -> cyclesByOrder.put(id, c));
        for (final Long id : ids)
        {
            final Object[] early = earlyEnds.remove(id);
            if (early != null)
            {
                c.orderEnded(id, (JsonObject)early[0], (Long)early[1]);
            }
        }
        if (c.opened(ids, System.nanoTime()))
        {
            cycleEnded(c, System.nanoTime());
            return;
        }
        final long now = System.nanoTime();
        switch (c.kind)
        {
            case CANCEL -> send(c, "order.cancel", new JsonObject().put("orderId", ids.get(0)), now);
            case CHAT ->
            {
                send(c, "chat.send", new JsonObject().put("orderId", ids.get(0))
                    .put("text", "Paying now by SEPA, reference " + ids.get(0) + "."), now);
                send(c, "order.paid", new JsonObject().put("orderId", ids.get(0)), now);
            }
            default -> ids.forEach(id -> send(c, "order.paid", new JsonObject().put("orderId", id), now));
        }
    }

    /** A taker's request after the first: timed from its send, retried while "later" and the cycle's time allow. */
    private void send(final Cycle c, final String op, final JsonObject args, final long sentNanos)
    {
        c.taker.connection().request(op, args).thenAccept(reply ->
        {
            latencies.record(op, reply.nanos() - sentNanos);
            if (!reply.ok())
            {
                latencies.refused(op, reply.code());
                c.lastProblem = op + " " + reply.code();
                retryLater(c.intendedNanos, reply.code(), () -> send(c, op, args, System.nanoTime()));
            }
        });
    }

    /** A merchant bot releases each of its orders once, when the PAID push of it arrives. */
    private void onMerchantPush(final Trader m, final WsConnection.Push push)
    {
        if (!"order".equals(push.type()))
        {
            return;
        }
        final JsonObject order = push.object();
        final long orderId = order.getLong("id");
        if ("PAID".equals(order.getString("state")) && order.getLong("sellerId") == m.id && m.releasing.add(orderId))
        {
            release(m, orderId, push.nanos());
        }
    }

    private void release(final Trader m, final long orderId, final long sentNanos)
    {
        m.connection().request("order.release", new JsonObject().put("orderId", orderId)).thenAccept(reply ->
        {
            latencies.record("order.release", reply.nanos() - sentNanos);
            if (reply.ok())
            {
                m.releasing.remove(orderId);   // released: no PAID push of it comes again
            }
            else
            {
                latencies.refused("order.release", reply.code());
                final Cycle c = cyclesByOrder.get(orderId);
                if (c != null)
                {
                    c.lastProblem = "order.release " + reply.code();
                    retryLater(c.intendedNanos, reply.code(), () -> release(m, orderId, System.nanoTime()));
                }
            }
        });
    }

    private void onTakerPush(final Trader t, final WsConnection.Push push)
    {
        if (push.channel().startsWith("book."))
        {
            bookFrames.increment();
            return;
        }
        if (!"order".equals(push.type()))
        {
            return;
        }
        final JsonObject order = push.object();
        final String state = order.getString("state");
        if (!"COMPLETED".equals(state) && !"CANCELLED".equals(state) || order.getLong("buyerId") != t.id)
        {
            return;
        }
        final long orderId = order.getLong("id");
        final Cycle c = cyclesByOrder.get(orderId);
        if (c == null)
        {
            earlyEnds.put(orderId, new Object[]{ order, push.nanos() });
        }
        else if (c.orderEnded(orderId, order, push.nanos()))
        {
            cycleEnded(c, push.nanos());
        }
    }

    private void cycleEnded(final Cycle c, final long nanos)
    {
        c.orderIds().forEach(cyclesByOrder::remove);   // a long run must not keep every order it ever opened
        latencies.record("cycle", nanos - c.intendedNanos);
        latencies.completed();
    }

    /** A bot backs off a refusal that says "later" (1 s after RATE_LIMITED, as the server asks; else 100 ms). */
    private void retryLater(final long intendedNanos, final String code, final Runnable again)
    {
        final long backoffMs = "RATE_LIMITED".equals(code) ? 1000 : 100;
        final long deadline = intendedNanos + TimeUnit.SECONDS.toNanos(o.timeoutSeconds);
        if (!stopped && RETRYABLE.contains(code)
            && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs) < deadline)
        {
            vertx.setTimer(backoffMs, id -> again.run());
        }
    }

    /**
     * The baseline of the same run: {@code ping} over the same connections, open loop, at {@code rate}, timed from
     * each intended send time.
     */
    void ping(final double rate, final double seconds, final Latencies into) throws InterruptedException
    {
        final List<WsConnection> connections = new ArrayList<>();
        market.everyone().forEach(u -> connections.add(u.connections.get(0)));
        PingLoad.run(connections, rate, seconds, "ping", into, o.timeoutSeconds);
    }

    /**
     * A probe during a run: {@code ping} over the takers' connections at {@code rate} on a thread of its own, each
     * timed from its intended send time into {@code into} as {@code op} (not counted as cycles). It goes through
     * the same client, sockets and server as the run's takes, so set beside {@code order.take} it tells what of the
     * take's latency any request pays under that load.
     */
    Thread probe(final double rate, final double seconds, final String op, final Latencies into)
    {
        final List<WsConnection> connections = new ArrayList<>();
        market.takers.forEach(u -> connections.add(u.connections.get(0)));
        return PingLoad.alongside(connections, rate, seconds, op, into);
    }

    /** The run's connections: what each user holds (the generator's own share of the machine's sockets). */
    int connectionCount()
    {
        return market.everyone().stream().mapToInt(u -> u.connections.size()).sum();
    }

    /**
     * Every completed order must show in the balances: the takers hold what they received and the merchants are
     * short of what they released. Orders whose end no push reported are looked up over REST (they may have
     * completed after their timeout). Balances come from the read models, a moment behind the core, so this asks
     * again for a few seconds before it concludes.
     */
    Conservation checkConservation() throws InterruptedException
    {
        final Rest rest = market.rest();
        final Map<Long, Cycle.Ended> lateStates = new ConcurrentHashMap<>();
        Conservation result = null;
        for (int attempt = 0; attempt < (lateStates.size() < MAX_LOOKUPS ? 20 : 2); attempt++)
        {
            BigDecimal toTakers = BigDecimal.ZERO;
            BigDecimal fromMerchants = BigDecimal.ZERO;
            synchronized (cycles)
            {
                for (final Cycle c : cycles)
                {
                    final Map<Long, Cycle.Ended> ended = c.finalStates();
                    for (final Long id : c.orderIds())
                    {
                        Cycle.Ended order = ended.get(id);
                        if (order == null)
                        {
                            order = lateStates.computeIfAbsent(id, key -> Cycle.Ended.of(
                                (JsonObject)rest.call("GET", "/api/v1/orders/" + key, c.taker.token, null)));
                            if (!order.isFinal() && lateStates.size() < MAX_LOOKUPS)
                            {
                                lateStates.remove(id);   // still open: ask again next time (a few, not thousands)
                            }
                        }
                        toTakers = toTakers.add(order.toBuyer());
                        fromMerchants = fromMerchants.add(order.fromSeller());
                    }
                }
            }
            final BigDecimal takersHold = holdings(market.takers);
            final BigDecimal deposits = market.merchants.stream().map(m -> m.deposit).reduce(BigDecimal.ZERO,
                BigDecimal::add);
            final BigDecimal released = deposits.subtract(holdings(market.merchants));
            result = new Conservation(market.asset, toTakers, takersHold, fromMerchants, released);
            if (result.holds())
            {
                break;
            }
            Thread.sleep(500);
        }
        return result;
    }

    /** What completed orders moved, against what the balances show. */
    record Conservation(String asset, BigDecimal expectedAtTakers, BigDecimal atTakers, BigDecimal expectedReleased,
        BigDecimal released)
    {
        static Conservation unchecked(final String asset)
        {
            return new Conservation(asset, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO);
        }

        boolean holds()
        {
            return expectedAtTakers.compareTo(atTakers) == 0 && expectedReleased.compareTo(released) == 0;
        }

        @Override
        public String toString()
        {
            return String.format("conservation of %s: takers hold %s (completed orders say %s), merchants released %s"
                + " (completed orders say %s): %s", asset, atTakers.toPlainString(), expectedAtTakers.toPlainString(),
                released.toPlainString(), expectedReleased.toPlainString(), holds() ? "holds" : "BROKEN");
        }
    }

    private BigDecimal holdings(final List<Trader> users)
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final Trader u : users)
        {
            final JsonArray balances = (JsonArray)market.rest().call("GET", "/api/v1/me/balances", u.token, null);
            for (final Object line : balances)
            {
                final JsonObject b = (JsonObject)line;
                if (market.asset.equals(b.getString("asset")))
                {
                    sum = sum.add(new BigDecimal(b.getString("available"))).add(new BigDecimal(b.getString("locked")));
                }
            }
        }
        return sum;
    }

    /** Stops retries and closes every connection, so that nothing queued goes out after the run. */
    void stopLoad()
    {
        stopped = true;
        market.everyone().forEach(Trader::closeAll);
    }

    @Override
    public void close()
    {
        stopLoad();
        client.close();
    }
}
