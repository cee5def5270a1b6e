package org.p2px.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Plots as inline SVG, so that the report is one file that needs no network and no script: line charts over time
 * and HdrHistogram's percentile-distribution shape (latency against 1 / (1 - percentile) on a log axis).
 */
final class Chart
{
    private static final String[] COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf", "#7f7f7f", "#bcbd22" };
    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 150;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    /** A named line: x and y of each point. */
    record Series(String name, double[] x, double[] y)
    {
    }

    private Chart()
    {
    }

    /** Latency (ms) at each percentile, one line per histogram, x from 0 % to 99.999 %. */
    static String percentiles(final Map<String, Histogram> histograms)
    {
        final List<Series> series = new ArrayList<>();
        for (final Map.Entry<String, Histogram> e : histograms.entrySet())
        {
            final Histogram h = e.getValue();
            if (h.getTotalCount() == 0)
            {
                continue;
            }
            final List<double[]> points = new ArrayList<>();
            for (final HistogramIterationValue v : h.percentiles(5))
            {
                final double p = v.getPercentileLevelIteratedTo() / 100.0;
                final double x = p >= 0.999999 ? 6 : Math.log10(1 / (1 - p));
                points.add(new double[]{ Math.min(6, x), v.getValueIteratedTo() / 1e6 });
                if (p >= 0.999999)
                {
                    break;
                }
            }
            series.add(new Series(e.getKey(), points.stream().mapToDouble(q -> q[0]).toArray(),
                points.stream().mapToDouble(q -> q[1]).toArray()));
        }
        final String[] labels = { "0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "max" };
        return plot(series, "percentile", "latency (ms)", 0, 6, i -> labels[i], 6);
    }

    /** Lines over a linear x axis (seconds of the run, subscribers, offered rate...). */
    static String lines(final List<Series> series, final String xLabel, final String yLabel)
    {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (final Series s : series)
        {
            for (final double x : s.x())
            {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
            }
        }
        if (minX > maxX)
        {
            minX = 0;
            maxX = 1;
        }
        final double from = Math.floor(minX);
        final double step = niceStep((maxX - minX) / 5);
        final int ticks = (int)Math.ceil((maxX - minX) / step);
        final double to = from + Math.max(1, ticks) * step;
        return plot(series, xLabel, yLabel, from, to, i -> format(from + i * step), Math.max(1, ticks));
    }

    private static String plot(final List<Series> series, final String xLabel, final String yLabel, final double x0,
        final double x1, final java.util.function.IntFunction<String> xTick, final int xTicks)
    {
        double maxY = 0;
        for (final Series s : series)
        {
            for (final double y : s.y())
            {
                maxY = Math.max(maxY, y);
            }
        }
        final double yStep = niceStep(Math.max(maxY, 1e-9) / 5);
        final double y1 = Math.max(yStep, Math.ceil(maxY / yStep) * yStep);
        final int plotW = WIDTH - LEFT - RIGHT;
        final int plotH = HEIGHT - TOP - BOTTOM;
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "font-family=\"sans-serif\" font-size=\"11\">", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
            + "stroke=\"#999\"/>", LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= xTicks; i++)
        {
            final double x = LEFT + plotW * i / (double)xTicks;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e0e0e0\"/>"
                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, TOP, x, TOP + plotH, x,
                TOP + plotH + 14, Html.escape(xTick.apply(i))));
        }
        final int yTicks = (int)Math.round(y1 / yStep);
        for (int i = 0; i <= yTicks; i++)
        {
            final double y = TOP + plotH - plotH * i / (double)yTicks;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>"
                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, y, LEFT + plotW, y, LEFT - 4, y + 4,
                format(i * yStep)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
            LEFT + plotW / 2, HEIGHT - 6, Html.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">"
            + "%s</text>", TOP + plotH / 2, Html.escape(yLabel)));
        for (int s = 0; s < series.size(); s++)
        {
            final Series line = series.get(s);
            final String color = COLORS[s % COLORS.length];
            final StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.x().length; i++)
            {
                final double px = LEFT + plotW * (line.x()[i] - x0) / (x1 - x0);
                final double py = TOP + plotH - plotH * line.y()[i] / y1;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(color).append("\" points=\"")
                .append(points).append("\"/>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>", WIDTH - RIGHT + 10, TOP + 4 + 16 * s, color,
                WIDTH - RIGHT + 24, TOP + 13 + 16 * s, Html.escape(line.name())));
        }
        return svg.append("</svg>").toString();
    }

    private static double niceStep(final double raw)
    {
        final double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        final double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    private static String format(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long)v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
