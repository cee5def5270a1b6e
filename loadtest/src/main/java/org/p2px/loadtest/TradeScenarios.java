package org.p2px.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/** The scenarios built on the trade flow: trade, ceiling, burst and soak. Each returns its exit status. */
final class TradeScenarios
{
    private TradeScenarios()
    {
    }

    /** What a trade-flow run measured, for its objectives. */
    private record Measured(Latencies latencies, TradeFlow.RunOutcome outcome) implements Slo.Measured
    {
        @Override
        public Histogram latency(final String op)
        {
            return latencies.total(op);
        }

        @Override
        public long lost()
        {
            return outcome.lost();
        }

        @Override
        public long refused()
        {
            return outcome.refused();
        }
    }

    /** The pings sent during the measured trade run ({@code --probe-rate}), beside its takes. */
    static final String PROBE = "ping in the run";

    /** Trade flow at a steady rate after a warm-up, then the ping and echo baselines at its request rate. */
    static int trade(final Options options, final Report report, final boolean smoke) throws Exception
    {
        final double rate = options.number("rate", smoke ? 20 : 200, 1, 20_000);
        final double seconds = options.number("seconds", smoke ? 5 : 30, 1, 3_600);
        final double warmUp = options.number("warmup", smoke ? 0 : 20, 0, 600);
        final List<Slo> slos = Slo.parse(options.text("slo", "lost<=0,refused<=0"));
        final double probeRate = options.number("probe-rate", smoke ? 0 : Math.min(100, rate / 10), 0, 1_000);
        final TradeOptions o = new TradeOptions(options, rate, seconds + warmUp);
        options.checkAllRead();
        try (TradeSession session = new TradeSession(o))
        {
            session.warmUp(rate, warmUp);
            report.section(String.format(Locale.ROOT, "Trade flow: %s cycles/s for %s s (%d takers, %d merchant bots, "
                + "mix %s)", Report.plain(rate), Report.plain(seconds), o.takers, o.merchants, o.mix));
            final Machine.CpuShare cpu = new Machine.CpuShare(session.serverPid);
            final Latencies latencies = new Latencies(System.nanoTime());
            final Thread probe = probeRate > 0 ? session.flow.probe(probeRate, seconds, PROBE, latencies) : null;
            final TradeFlow.RunOutcome outcome = session.flow.run(new RateSchedule().then("steady", rate, seconds),
                latencies);
            if (probe != null)
            {
                probe.join();
            }
            final double[] shares = cpu.shares();
            outcomeParagraphs(report, outcome, shares, seconds);
            report.latencies("trade", latencies, "order.take");
            if (!smoke)
            {
                // Requests per cycle: take or express, paid (twice for a split), release, and the chats and cancels.
                session.baselines(report, latencies, 3 * rate, Math.min(seconds, 30));
            }
            final TradeFlow.Conservation conservation = session.finish(report);
            final List<Slo.Result> results = new ArrayList<>(Slo.checkAll(slos, new Measured(latencies, outcome)));
            results.add(new Slo.Result("conservation", conservation.holds() ? "holds" : "broken", conservation.holds()));
            results.add(new Slo.Result("no bad frames", Long.toString(outcome.badFrames()), outcome.badFrames() == 0));
            return report.verdict(results) ? 0 : 1;
        }
    }

    private static void outcomeParagraphs(final Report report, final TradeFlow.RunOutcome outcome,
        final double[] shares, final double seconds)
    {
        report.paragraph(String.format(Locale.ROOT, "Offered %d cycles, %d ended (%.1f/s), %d refused at the first "
            + "request, %d lost (accepted, not ended within the timeout); %d book pushes to the watchers.",
            outcome.offered(), outcome.ended(), outcome.ended() / seconds, outcome.refused(), outcome.lost(),
            outcome.bookFrames()));
        outcome.examples().forEach(e -> report.paragraph("e.g. " + e));
        report.paragraph("CPU share of the machine during the run: generator " + Report.percent(shares[0])
            + ", server " + Report.percent(shares[1]) + ".");
    }

    /**
     * Steps the offered rate up until an objective breaks; the answer is the highest rate that held. Each step runs
     * on the same server and users after the warm-up.
     */
    static int ceiling(final Options options, final Report report) throws Exception
    {
        final double from = options.number("from", 500, 1, 20_000);
        final double step = options.number("step", 500, 1, 20_000);
        final double to = options.number("to", 5_000, from, 20_000);
        final double seconds = options.number("step-seconds", 20, 1, 600);
        final double warmUp = options.number("warmup", 20, 0, 600);
        final List<Slo> slos = Slo.parse(options.text("slo", "order.take.p99<=100ms,lost<=0,refused<=0"));
        final int steps = (int)Math.floor((to - from) / step) + 1;
        final TradeOptions o = new TradeOptions(options, to, steps * seconds + warmUp);
        options.checkAllRead();
        final List<List<String>> rows = new ArrayList<>();
        final List<double[]> points = new ArrayList<>();
        double held = 0;
        try (TradeSession session = new TradeSession(o))
        {
            session.warmUp(Math.min(from, 500), warmUp);
            for (int i = 0; i < steps; i++)
            {
                final double rate = from + i * step;
                Console.log("step " + (i + 1) + " of " + steps + ": " + Report.plain(rate) + " cycles/s for "
                    + Report.plain(seconds) + " s");
                final Machine.CpuShare cpu = new Machine.CpuShare(session.serverPid);
                final Latencies latencies = new Latencies(System.nanoTime());
                final TradeFlow.RunOutcome outcome = session.flow.run(new RateSchedule().then("step", rate, seconds),
                    latencies);
                final double[] shares = cpu.shares();
                final List<Slo.Result> results = Slo.checkAll(slos, new Measured(latencies, outcome));
                final boolean ok = results.stream().allMatch(Slo.Result::held);
                final Histogram take = latencies.total("order.take");
                final Histogram cycle = latencies.total("cycle");
                report.histogram("step-" + Report.plain(rate) + "-order.take", take);
                rows.add(List.of(Report.plain(rate), String.format(Locale.ROOT, "%.1f", outcome.ended() / seconds),
                    Long.toString(outcome.refused()), Long.toString(outcome.lost()), Report.ms(take.getValueAtPercentile(50)),
                    Report.ms(take.getValueAtPercentile(99)), Report.ms(take.getValueAtPercentile(99.9)),
                    Report.ms(cycle.getValueAtPercentile(99)), Report.percent(shares[0]), Report.percent(shares[1]),
                    ok ? "held" : "broke: " + results.stream().filter(r -> !r.held()).map(r -> r.objective() + " = "
                        + r.actual()).reduce((a, b) -> a + "; " + b).orElse("")));
                points.add(new double[]{ rate, take.getValueAtPercentile(50) / 1e6, take.getValueAtPercentile(99) / 1e6 });
                if (!ok)
                {
                    break;
                }
                held = rate;
            }
            report.section("Ceiling: steps of " + Report.plain(seconds) + " s against " + slos.stream().map(Slo::text)
                .toList());
            report.table(List.of("offered/s", "ended/s", "refused", "lost", "take p50", "take p99", "take p99.9",
                "cycle p99", "generator CPU", "server CPU", "objectives"), rows);
            final double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            report.chart("order.take latency by offered rate", Chart.lines(List.of(
                new Chart.Series("p50", x, points.stream().mapToDouble(p -> p[1]).toArray()),
                new Chart.Series("p99", x, points.stream().mapToDouble(p -> p[2]).toArray())), "cycles/s offered", "ms"));
            report.paragraph(held > 0 ? "The highest rate that held every objective: " + Report.plain(held)
                + " cycles/s." : "No step held every objective.");
            final TradeFlow.Conservation conservation = session.finish(report);
            final List<Slo.Result> verdict = new ArrayList<>();
            verdict.add(new Slo.Result("a step held", held > 0 ? Report.plain(held) + " cycles/s" : "none", held > 0));
            verdict.add(new Slo.Result("conservation", conservation.holds() ? "holds" : "broken", conservation.holds()));
            return report.verdict(verdict) ? 0 : 1;
        }
    }

    /**
     * A steady rate, a burst far above it for a few seconds, and the steady rate again: how long after the burst
     * the per-second p99 of a cycle is back near its level before, and that nothing was lost.
     */
    static int burst(final Options options, final Report report) throws Exception
    {
        final double rate = options.number("rate", 500, 1, 20_000);
        final double burstRate = options.number("burst-rate", rate * 5, rate, 50_000);
        final double before = options.number("before", 20, 5, 600);
        final double burst = options.number("burst", 5, 1, 60);
        final double after = options.number("after", 40, 5, 600);
        final double warmUp = options.number("warmup", 20, 0, 600);
        final List<Slo> slos = Slo.parse(options.text("slo", "lost<=0"));
        final TradeOptions o = new TradeOptions(options, burstRate, before + burst + after + warmUp);
        options.checkAllRead();
        try (TradeSession session = new TradeSession(o))
        {
            session.warmUp(rate, warmUp);
            final Machine.CpuShare cpu = new Machine.CpuShare(session.serverPid);
            final Latencies latencies = new Latencies(System.nanoTime());
            final TradeFlow.RunOutcome outcome = session.flow.run(new RateSchedule().then("before", rate, before)
                .then("burst", burstRate, burst).then("after", rate, after), latencies);
            report.section(String.format(Locale.ROOT, "Burst: %s cycles/s for %s s, %s cycles/s for %s s, then %s "
                    + "cycles/s for %s s", Report.plain(rate), Report.plain(before), Report.plain(burstRate),
                Report.plain(burst), Report.plain(rate), Report.plain(after)));
            final List<Latencies.Sample> timeline = latencies.timeline();
            final double[] p99 = Report.percentileOverTime(timeline, "cycle", 2);
            final double[] at = timeline.stream().mapToDouble(Latencies.Sample::atSeconds).toArray();
            final double calm = median(p99, at, 2, before);
            final double burstEnd = before + burst;
            final double recovered = recoveredAt(p99, at, burstEnd, Math.max(2 * calm, calm + 5));
            report.paragraph(String.format(Locale.ROOT, "Cycle p99 before the burst (median of its seconds): %.1f ms. "
                + "%s", calm, recovered < 0 ? "It did not come back under twice that (or +5 ms) for 5 s in a row before the run ended."
                : String.format(Locale.ROOT, "Back under %.1f ms (5 s in a row) %.0f s after the burst ended.",
                    Math.max(2 * calm, calm + 5), recovered - burstEnd)));
            outcomeParagraphs(report, outcome, cpu.shares(), before + burst + after);
            report.latencies("burst", latencies, "cycle");
            final TradeFlow.Conservation conservation = session.finish(report);
            final List<Slo.Result> results = new ArrayList<>(Slo.checkAll(slos, new Measured(latencies, outcome)));
            results.add(new Slo.Result("recovered", recovered < 0 ? "no" : Report.plain(Math.round(recovered - burstEnd))
                + " s after the burst", recovered >= 0));
            results.add(new Slo.Result("conservation", conservation.holds() ? "holds" : "broken", conservation.holds()));
            return report.verdict(results) ? 0 : 1;
        }
    }

    private static double median(final double[] values, final double[] at, final double from, final double to)
    {
        final double[] window = java.util.stream.IntStream.range(0, values.length)
            .filter(i -> at[i] >= from && at[i] <= to && values[i] > 0).mapToDouble(i -> values[i]).sorted().toArray();
        return window.length == 0 ? 0 : window[window.length / 2];
    }

    /** Seconds in a row under the limit that count as recovered (one quiet second in a noisy tail is not). */
    static final int CALM_SECONDS = 5;

    /**
     * The first second after {@code from} that starts {@link #CALM_SECONDS} seconds in a row at or under
     * {@code limit}; -1 when there is none.
     */
    static double recoveredAt(final double[] p99, final double[] at, final double from, final double limit)
    {
        int calm = 0;
        for (int i = 0; i < p99.length; i++)
        {
            if (at[i] < from)
            {
                continue;
            }
            calm = p99[i] <= limit ? calm + 1 : 0;
            if (calm == CALM_SECONDS)
            {
                return at[i - CALM_SECONDS + 1];
            }
        }
        return -1;
    }

    /** A steady rate for minutes, with the server's heap, resident memory and connections sampled over time. */
    static int soak(final Options options, final Report report) throws Exception
    {
        final double rate = options.number("rate", 500, 1, 20_000);
        final double minutes = options.number("minutes", 10, 0.1, 240);
        final double warmUp = options.number("warmup", 20, 0, 600);
        final List<Slo> slos = Slo.parse(options.text("slo", "lost<=0,refused<=0"));
        final TradeOptions o = new TradeOptions(options, rate, minutes * 60 + warmUp);
        options.checkAllRead();
        try (TradeSession session = new TradeSession(o))
        {
            session.warmUp(rate, warmUp);
            final List<double[]> server = new ArrayList<>();
            final long start = System.nanoTime();
            final Thread sampler = new Thread(() ->
            {
                while (!Thread.currentThread().isInterrupted() && session.serverPid > 0)
                {
                    server.add(new double[]{ (System.nanoTime() - start) / 1e9,
                        Machine.heapUsedBytes(session.serverPid) / 1048576.0,
                        Machine.residentBytes(session.serverPid) / 1048576.0, Machine.connectionsTo(o.server.getPort()) });
                    try
                    {
                        Thread.sleep(5_000);
                    }
                    catch (final InterruptedException e)
                    {
                        return;
                    }
                }
            }, "lt-soak-sampler");
            sampler.setDaemon(true);
            sampler.start();
            final Machine.CpuShare cpu = new Machine.CpuShare(session.serverPid);
            final Latencies latencies = new Latencies(start);
            final TradeFlow.RunOutcome outcome = session.flow.run(new RateSchedule().then("soak", rate, minutes * 60),
                latencies);
            sampler.interrupt();
            sampler.join();
            report.section(String.format(Locale.ROOT, "Soak: %s cycles/s for %s minutes", Report.plain(rate),
                Report.plain(minutes)));
            outcomeParagraphs(report, outcome, cpu.shares(), minutes * 60);
            report.latencies("soak", latencies, "cycle");
            if (server.isEmpty())
            {
                report.paragraph("The server's process was not visible from the generator: no heap or memory curve.");
            }
            else
            {
                final double[] t = server.stream().mapToDouble(s -> s[0]).toArray();
                report.chart("server memory (MiB) over time", Chart.lines(List.of(
                    new Chart.Series("heap in use", t, server.stream().mapToDouble(s -> s[1]).toArray()),
                    new Chart.Series("resident", t, server.stream().mapToDouble(s -> s[2]).toArray())), "seconds", "MiB"));
                report.chart("server connections over time", Chart.lines(List.of(new Chart.Series("established", t,
                    server.stream().mapToDouble(s -> s[3]).toArray())), "seconds", "connections"));
                final double[] first = server.get(0);
                final double[] last = server.get(server.size() - 1);
                report.paragraph(String.format(Locale.ROOT, "Server heap in use %.0f MiB at the start, %.0f MiB at the "
                    + "end (max %.0f); resident %.0f to %.0f MiB; %d connections.", first[1], last[1],
                    server.stream().mapToDouble(s -> s[1]).max().orElse(0), first[2], last[2], (int)last[3]));
            }
            final TradeFlow.Conservation conservation = session.finish(report);
            final List<Slo.Result> results = new ArrayList<>(Slo.checkAll(slos, new Measured(latencies, outcome)));
            results.add(new Slo.Result("conservation", conservation.holds() ? "holds" : "broken", conservation.holds()));
            return report.verdict(results) ? 0 : 1;
        }
    }
}
