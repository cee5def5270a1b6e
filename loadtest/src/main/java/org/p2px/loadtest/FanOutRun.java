package org.p2px.loadtest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.p2px.loadtest.fanout.FanOutScenario;

/** The market-data fan-out scenario: options in, the p2px run and its bare floor into the report, the verdict. */
final class FanOutRun
{
    private FanOutRun()
    {
    }

    static int run(final Options options, final Report report, final boolean smoke) throws Exception
    {
        final URI server = options.server("http://127.0.0.1:8080");
        final String bare = options.text("bare-url", null);
        final URI bareUrl = bare == null ? null : URI.create(bare);
        if (bareUrl != null && !"127.0.0.1".equals(bareUrl.getHost()))
        {
            throw new Options.BadOption("--bare-url must be on 127.0.0.1");
        }
        final FanOutScenario.Plan plan = new FanOutScenario.Plan(server, options.text("admin-user", "admin"),
            options.text("admin-password", System.getenv().getOrDefault("P2PX_ADMIN_PASSWORD", "admin")),
            options.integer("subscribers", smoke ? 50 : 1_000, 1, 20_000), options.integer("rate", 5, 1, 50),
            options.integer("seconds", smoke ? 3 : 30, 1, 600), options.integer("warmup", smoke ? 1 : 10, 0, 120),
            options.integer("ads", 60, 1, 200), bareUrl, !options.flag("no-baseline"));
        final List<Slo> slos = Slo.parse(options.text("slo", "lost<=0"));
        options.checkAllRead();
        final Machine.CpuShare cpu = new Machine.CpuShare(Machine.serverPid(server.getPort()));
        final FanOutScenario.Result p2px = FanOutScenario.p2px(plan);
        final double[] shares = cpu.shares();
        FanOutScenario.Result floor = null;
        if (plan.baseline())
        {
            floor = FanOutScenario.bare(plan, (int)Math.max(1, p2px.bytesPerUpdate()));
        }
        report.section(String.format("Market-data fan-out: %d subscribers of one book channel, %d changes/s for %d s "
            + "(after %d s of warm-up)", plan.subscribers(), plan.rate(), plan.seconds(), plan.warmUpSeconds()));
        report.paragraph("Latency from each change's intended send time to each subscriber's receipt of it.");
        final List<List<String>> rows = new ArrayList<>();
        final Map<String, Histogram> curves = new java.util.LinkedHashMap<>();
        for (final FanOutScenario.Result r : floor == null ? List.of(p2px) : List.of(p2px, floor))
        {
            rows.add(Report.latencyRow(r.name(), r.latency(), Long.toString(r.lost()) + " lost"));
            curves.put(r.name(), r.latency());
            report.histogram("fanout-" + (r == p2px ? "p2px" : "bare"), r.latency());
            report.paragraph(r.summary());
        }
        report.table(Report.LATENCY_HEADER, rows);
        report.chart("fan-out latency by percentile", Chart.percentiles(curves));
        report.paragraph("CPU share of the machine during the p2px run: generator " + Report.percent(shares[0])
            + ", server " + Report.percent(shares[1]) + ".");
        if (floor != null)
        {
            report.paragraph("p2px / bare broadcast: p50 " + Report.ratio(p2px.latency().getValueAtPercentile(50),
                floor.latency().getValueAtPercentile(50)) + ", p99 " + Report.ratio(p2px.latency().getValueAtPercentile(99),
                floor.latency().getValueAtPercentile(99)));
        }
        if (!p2px.refusals().isEmpty())
        {
            report.paragraph("Changes refused by the server: " + p2px.refusals().size() + ", e.g. " + p2px.refusals().get(0));
        }
        final List<Slo.Result> results = new ArrayList<>(Slo.checkAll(slos, new Slo.Measured()
        {
            @Override
            public Histogram latency(final String op)
            {
                return p2px.latency();   // "book" or any name: the one latency this scenario times
            }

            @Override
            public long lost()
            {
                return p2px.lost();
            }

            @Override
            public long refused()
            {
                return p2px.refusals().size();
            }
        }));
        results.add(new Slo.Result("changes accepted", p2px.refusals().size() + " refused", p2px.refusals().isEmpty()));
        return report.verdict(results) ? 0 : 1;
    }
}
