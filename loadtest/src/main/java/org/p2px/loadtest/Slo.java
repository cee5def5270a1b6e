package org.p2px.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * A service-level objective: {@code OP.pNN<=Xms} (a percentile of an operation's latency), {@code lost<=N}
 * (cycles or updates lost) or {@code refused<=N} (first requests turned away). A run is judged against all of its
 * objectives; a missed one makes the run exit 1.
 */
record Slo(String text, String op, double percentile, double limit)
{
    private static final Pattern LATENCY = Pattern.compile("(.+)\\.p([0-9]+(?:\\.[0-9]+)?)<=([0-9]+(?:\\.[0-9]+)?)ms");
    private static final Pattern COUNT = Pattern.compile("(lost|refused)<=([0-9]+)");

    /** The measured side of a run: latencies, lost and refused. */
    interface Measured
    {
        Histogram latency(String op);

        long lost();

        long refused();
    }

    record Result(String objective, String actual, boolean held)
    {
    }

    static List<Slo> parse(final String list)
    {
        final List<Slo> slos = new ArrayList<>();
        if (list == null || list.isBlank())
        {
            return slos;
        }
        for (final String part : list.split(","))
        {
            final String text = part.trim();
            final Matcher latency = LATENCY.matcher(text);
            final Matcher count = COUNT.matcher(text);
            if (latency.matches() && Double.parseDouble(latency.group(2)) < 100)
            {
                slos.add(new Slo(text, latency.group(1), Double.parseDouble(latency.group(2)),
                    Double.parseDouble(latency.group(3))));
            }
            else if (count.matches())
            {
                slos.add(new Slo(text, count.group(1), -1, Double.parseDouble(count.group(2))));
            }
            else
            {
                throw new Options.BadOption("--slo: expected OP.pNN<=Xms, lost<=N or refused<=N, got '" + text + "'");
            }
        }
        return slos;
    }

    Result check(final Measured m)
    {
        if (percentile < 0)
        {
            final long value = op.equals("lost") ? m.lost() : m.refused();
            return new Result(text, Long.toString(value), value <= limit);
        }
        final Histogram h = m.latency(op);
        if (h.getTotalCount() == 0)
        {
            return new Result(text, "no " + op + " was timed", false);
        }
        final double valueMs = h.getValueAtPercentile(percentile) / 1e6;
        return new Result(text, String.format(Locale.ROOT, "%.2f ms", valueMs), valueMs <= limit);
    }

    static List<Result> checkAll(final List<Slo> slos, final Measured m)
    {
        return slos.stream().map(s -> s.check(m)).toList();
    }
}
