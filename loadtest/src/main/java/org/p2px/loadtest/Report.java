package org.p2px.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What a run found, built up as it goes: sections of facts, latency tables, tables and plots. At the end it is
 * written as one self-contained HTML page (inline SVG, no script, nothing from the network), the raw {@code .hgrm}
 * percentile distributions (HdrHistogram's text form, for HdrHistogram's own plotter) and a text summary, which is
 * also printed.
 */
final class Report
{
    static final List<String> LATENCY_HEADER = List.of("operation", "count", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms",
        "max ms", "refused");

    private final String scenario;
    private final StringBuilder html = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final Map<String, Histogram> hgrm = new LinkedHashMap<>();

    Report(final String scenario, final String command)
    {
        this.scenario = scenario;
        html.append("<p><code>").append(Html.escape(command)).append("</code></p>");
        text.append("p2px load test: ").append(scenario).append('\n').append(command).append('\n');
    }

    void section(final String title)
    {
        html.append("<h2>").append(Html.escape(title)).append("</h2>");
        text.append("\n== ").append(title).append('\n');
    }

    void paragraph(final String line)
    {
        html.append("<p>").append(Html.escape(line)).append("</p>");
        text.append(line).append('\n');
    }

    void table(final List<String> header, final List<List<String>> rows)
    {
        html.append(Html.table(header, rows));
        final int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++)
        {
            widths[i] = header.get(i).length();
            for (final List<String> row : rows)
            {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        appendRow(header, widths);
        rows.forEach(row -> appendRow(row, widths));
    }

    private void appendRow(final List<String> row, final int[] widths)
    {
        for (int i = 0; i < row.size(); i++)
        {
            text.append(i == 0 ? String.format("%-" + widths[i] + "s", row.get(i))
                : String.format("  %" + widths[i] + "s", row.get(i)));
        }
        text.append('\n');
    }

    void chart(final String title, final String svg)
    {
        html.append("<h3>").append(Html.escape(title)).append("</h3>").append(svg);
    }

    /**
     * A run's latencies: the table of every operation, their percentile distributions, and (when the run has a
     * timeline) offered and completed rate and the headline operation's p50 and p99 per second.
     */
    void latencies(final String name, final Latencies latencies, final String headline)
    {
        final List<List<String>> rows = new ArrayList<>();
        final Map<String, Histogram> histograms = new LinkedHashMap<>();
        for (final String op : latencies.operations())
        {
            final Histogram h = latencies.total(op);
            histograms.put(op, h);
            hgrm.put(name + "-" + op, h);
            rows.add(latencyRow(op, h, latencies.refusals(op).toString().replace("{}", "-")));
        }
        table(LATENCY_HEADER, rows);
        chart(name + ": latency by percentile", Chart.percentiles(histograms));
        final List<Latencies.Sample> timeline = latencies.timeline();
        if (timeline.size() > 1)
        {
            final double[] t = timeline.stream().mapToDouble(Latencies.Sample::atSeconds).toArray();
            chart(name + ": offered and completed per second", Chart.lines(List.of(
                new Chart.Series("offered/s", t, timeline.stream().mapToDouble(Latencies.Sample::offered).toArray()),
                new Chart.Series("completed/s", t, timeline.stream().mapToDouble(Latencies.Sample::completed).toArray())),
                "seconds", "per second"));
            chart(name + ": " + headline + " p50 and p99 per second", Chart.lines(List.of(
                new Chart.Series("p50", t, percentileOverTime(timeline, headline, 1)),
                new Chart.Series("p99", t, percentileOverTime(timeline, headline, 2))), "seconds", "ms"));
        }
    }

    static List<String> latencyRow(final String op, final Histogram h, final String refused)
    {
        return List.of(op, Long.toString(h.getTotalCount()), ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()), refused);
    }

    static double[] percentileOverTime(final List<Latencies.Sample> timeline, final String op, final int which)
    {
        return timeline.stream().mapToDouble(s ->
        {
            final long[] v = s.ops().get(op);
            return v == null || v[0] == 0 ? 0 : v[which] / 1e6;
        }).toArray();
    }

    void histogram(final String name, final Histogram h)
    {
        hgrm.put(name, h);
    }

    /** The objectives and whether each held; true when all did. */
    boolean verdict(final List<Slo.Result> results)
    {
        section("Verdict");
        final List<List<String>> rows = new ArrayList<>();
        boolean all = true;
        for (final Slo.Result r : results)
        {
            rows.add(List.of(r.objective(), r.actual(), r.held() ? "held" : "MISSED"));
            all &= r.held();
        }
        table(List.of("objective", "measured", "result"), rows);
        paragraph(all ? "PASS: every objective held." : "FAIL: an objective was missed.");
        return all;
    }

    /** Writes report.html, summary.txt and one .hgrm per histogram into {@code dir}; prints the summary. */
    Path write(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        for (final Map.Entry<String, Histogram> e : hgrm.entrySet())
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8))
            {
                e.getValue().outputPercentileDistribution(print, 1e6);   // in milliseconds
            }
            Files.write(dir.resolve(e.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".hgrm"), out.toByteArray());
        }
        Files.writeString(dir.resolve("summary.txt"), text);
        final String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>p2px load test: "
            + Html.escape(scenario) + "</title><style>body{font-family:sans-serif;max-width:960px;margin:2em auto;"
            + "color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;"
            + "text-align:right}td:first-child,th:first-child{text-align:left}h3{font-size:1em;margin-top:1.5em}"
            + "</style></head><body><h1>p2px load test: " + Html.escape(scenario) + "</h1><p>"
            + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + ", " + Machine.CORES + " cores, "
            + Html.escape(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")) + "</p>"
            + html + "</body></html>";
        final Path report = dir.resolve("report.html");
        Files.writeString(report, page);
        System.out.println();
        System.out.print(text);
        System.out.println("\nreport: " + report.toAbsolutePath() + " (and .hgrm histograms, summary.txt)");
        return report;
    }

    static String ms(final long nanos)
    {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String plain(final double v)
    {
        return v == Math.rint(v) ? Long.toString((long)v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(final double value, final double baseline)
    {
        return baseline <= 0 ? "-" : String.format(Locale.ROOT, "%.1fx", value / baseline);
    }

    static String percent(final double share)
    {
        return share < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
