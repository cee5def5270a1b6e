package org.p2px.loadtest;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.HdrHistogram.Histogram;

/**
 * The parts every trade-flow scenario shares: one Vert.x client stack (one event loop: the generator must cost
 * the shared machine far less than the server), the market and its users, their connections, the warm-up, the
 * baselines and the closing checks.
 */
final class TradeSession implements AutoCloseable
{
    static final long SEED = Long.getLong("p2px.loadtest.seed", 20261205L);

    final TradeOptions o;
    final Vertx vertx;
    final TradeMarket market;
    final TradeFlow flow;
    final long serverPid;

    TradeSession(final TradeOptions o) throws Exception
    {
        this.o = o;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4)
            .setBlockedThreadCheckInterval(10_000));
        this.market = new TradeMarket(new Rest(vertx, o.server, 8), o);
        Console.log("seed " + SEED + " (-Dp2px.loadtest.seed to repeat another)");
        market.setUp();
        this.flow = new TradeFlow(vertx, market, o, SEED);
        flow.connect();
        this.serverPid = Machine.serverPid(o.server.getPort());
        Console.log(flow.connectionCount() + " connections open" + (serverPid > 0 ? "; server pid " + serverPid
            : "; the server's process is not visible from here: its CPU share is unknown"));
    }

    /** Warms the server's JIT at the given rate; nothing of it is reported. */
    void warmUp(final double rate, final double seconds) throws InterruptedException
    {
        if (seconds > 0)
        {
            Console.log("warm-up: " + Report.plain(rate) + " cycles/s for " + Report.plain(seconds) + " s (not measured)");
            flow.run(new RateSchedule().then("warm-up", rate, seconds), new Latencies(System.nanoTime()));
        }
    }

    /** The ping and echo baselines at {@code requestRate} for {@code seconds}, added to the report with ratios. */
    void baselines(final Report report, final Latencies trade, final double requestRate, final double seconds)
        throws Exception
    {
        final Histogram take = trade.total("order.take");
        Histogram ping = null;
        Histogram echo = null;
        if (o.ping)
        {
            Console.log("baseline: ping at " + Report.plain(requestRate) + "/s over the same connections");
            final Latencies pings = new Latencies(System.nanoTime());
            flow.ping(requestRate, seconds, pings);
            ping = pings.total("ping");
        }
        if (o.echo)
        {
            Console.log("baseline: bare Vert.x WebSocket echo at " + Report.plain(requestRate) + "/s");
            final Latencies echoes = new Latencies(System.nanoTime());
            try (EchoBaseline bare = new EchoBaseline())
            {
                bare.run(vertx, Math.min(flow.connectionCount(), 2_000), requestRate, seconds, echoes);
            }
            echo = echoes.total("echo");
        }
        report.section("Baselines at " + Report.plain(requestRate) + " requests/s (the trade run's request rate)");
        final java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        rows.add(Report.latencyRow("order.take", take, "-"));
        if (ping != null)
        {
            rows.add(Report.latencyRow("ping (p2px)", ping, "-"));
            report.histogram("baseline-ping", ping);
        }
        if (echo != null)
        {
            rows.add(Report.latencyRow("echo (bare Vert.x)", echo, "-"));
            report.histogram("baseline-echo", echo);
        }
        report.table(Report.LATENCY_HEADER, rows);
        final java.util.List<java.util.List<String>> ratios = new java.util.ArrayList<>();
        if (ping != null)
        {
            ratios.add(ratioRow("order.take / ping", take, ping));
        }
        if (trade.operations().contains(TradeScenarios.PROBE))
        {
            ratios.add(ratioRow("order.take / " + TradeScenarios.PROBE, take, trade.total(TradeScenarios.PROBE)));
        }
        if (echo != null)
        {
            ratios.add(ratioRow("order.take / echo", take, echo));
            if (ping != null)
            {
                ratios.add(ratioRow("ping / echo", ping, echo));
            }
        }
        report.table(java.util.List.of("ratio", "p50", "p99"), ratios);
    }

    private static java.util.List<String> ratioRow(final String name, final Histogram a, final Histogram b)
    {
        return java.util.List.of(name, Report.ratio(a.getValueAtPercentile(50), b.getValueAtPercentile(50)),
            Report.ratio(a.getValueAtPercentile(99), b.getValueAtPercentile(99)));
    }

    /** Stops the load, checks conservation and closes the ads; the check's line goes into the report. */
    TradeFlow.Conservation finish(final Report report) throws InterruptedException
    {
        flow.stopLoad();
        report.section("Conservation");
        TradeFlow.Conservation conservation;
        try
        {
            conservation = flow.checkConservation();
            report.paragraph(conservation.toString());
        }
        catch (final ApiError e)
        {
            report.paragraph("Conservation could not be checked: " + e.getMessage());
            conservation = null;
        }
        market.closeAds();
        report.paragraph("Left on the server: the market " + market.market + ", its asset and "
            + market.everyone().size() + " users (the API removes none of them); the merchants' ads are closed.");
        return conservation == null ? TradeFlow.Conservation.unchecked(market.asset) : conservation;
    }

    static void sleep(final double seconds) throws InterruptedException
    {
        TimeUnit.MILLISECONDS.sleep((long)(seconds * 1000));
    }

    @Override
    public void close()
    {
        flow.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
