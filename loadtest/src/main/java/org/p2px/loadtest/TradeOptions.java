package org.p2px.loadtest;

import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The options of every scenario that runs the trade flow, read once and checked against each other. */
final class TradeOptions
{
    static final String HELP = """
          --server URL            the p2px server (http://127.0.0.1:8080; loopback only without --allow-remote)
          --admin-user NAME       an ADMIN user (admin); its password: --admin-password or P2PX_ADMIN_PASSWORD (admin)
          --rate R                trade cycles per second offered (scenario default), open loop
          --seconds S             how long the load runs (scenario default)
          --merchants M           merchant bots (enough for the rate: R * 1.2 / 15 + 5)
          --takers T              takers (enough for the rate: R * 3.4 / 15 + 10)
          --mix K=W,...           cycle kinds by weight: take, chat, express, split, cancel
                                  (take=80,chat=5,express=5,split=5,cancel=5)
          --amount EUR            fiat per order (50)
          --book-watchers N       takers that also watch book.<market> (2)
          --timeout S             a cycle not ended S seconds after its intended start is lost (30)
          --no-ping               skip the ping baseline after the trade run
          --probe-rate P          pings a second during the measured trade run, timed beside its takes
                                  ("ping in the run"; a tenth of --rate, at most 100; 0 for none;
                                  trade only)
          --no-echo               skip the bare WebSocket echo baseline
        """;

    static final double REQUESTS_PER_CONNECTION = 15.0;

    final URI server;
    final String adminUser;
    final String adminPassword;
    final double peakRate;
    final double totalSeconds;
    final int merchants;
    final int takers;
    final String amount;
    final int bookWatchers;
    final int timeoutSeconds;
    final boolean ping;
    final boolean echo;
    final Map<CycleKind, Integer> mix;

    TradeOptions(final Options options, final double peakRate, final double totalSeconds)
    {
        this.server = options.server("http://127.0.0.1:8080");
        this.adminUser = options.text("admin-user", "admin");
        this.adminPassword = options.text("admin-password", System.getenv().getOrDefault("P2PX_ADMIN_PASSWORD", "admin"));
        this.peakRate = peakRate;
        this.totalSeconds = totalSeconds;
        this.merchants = options.integer("merchants", (int)Math.ceil(peakRate * 1.2 / REQUESTS_PER_CONNECTION) + 5, 2,
            2_000);
        this.takers = options.integer("takers", (int)Math.ceil(peakRate * 3.4 / REQUESTS_PER_CONNECTION) + 10, 1,
            10_000);
        this.amount = options.text("amount", "50");
        if (!amount.matches("[1-9][0-9]{0,5}"))
        {
            throw new Options.BadOption("--amount must be whole euros from 10 to 999999");
        }
        if (Integer.parseInt(amount) < 10)
        {
            throw new Options.BadOption("--amount must be at least the market's minimum, 10");
        }
        this.bookWatchers = options.integer("book-watchers", 2, 0, 10_000);
        this.timeoutSeconds = options.integer("timeout", 30, 1, 120);
        this.ping = !options.flag("no-ping");
        this.echo = !options.flag("no-echo");
        this.mix = mix(options.text("mix", "take=80,chat=5,express=5,split=5,cancel=5"));
        if (peakRate * 3.4 > takers * REQUESTS_PER_CONNECTION || peakRate * 1.2 > merchants * REQUESTS_PER_CONNECTION)
        {
            throw new Options.BadOption(String.format(Locale.ROOT, "%d takers and %d merchants cannot carry %.0f cycles/s"
                + " under the server's per-connection rate: give at least %d takers and %d merchants", takers,
                merchants, peakRate, (int)Math.ceil(peakRate * 3.4 / REQUESTS_PER_CONNECTION),
                (int)Math.ceil(peakRate * 1.2 / REQUESTS_PER_CONNECTION)));
        }
    }

    private static Map<CycleKind, Integer> mix(final String text)
    {
        final Map<CycleKind, Integer> weights = new EnumMap<>(CycleKind.class);
        for (final String part : text.split(","))
        {
            final String[] kv = part.split("=");
            try
            {
                final int weight = Integer.parseInt(kv[1]);
                if (kv.length != 2 || weight < 0 || weight > 1000)
                {
                    throw new NumberFormatException();
                }
                weights.put(CycleKind.valueOf(kv[0].toUpperCase(Locale.ROOT)), weight);
            }
            catch (final RuntimeException e)
            {
                throw new Options.BadOption("--mix: expected kind=weight (kinds take, chat, express, split, cancel; "
                    + "weights 0 to 1000), got '" + part + "'");
            }
        }
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0)
        {
            throw new Options.BadOption("--mix: at least one weight must be positive");
        }
        return weights;
    }

    /**
     * The share of all cycles' amounts that can land on one express desk (the two best-priced ads): every express
     * amount and two of a split's three, while the best desk lasts, and its turn of the named takes.
     */
    double deskShare()
    {
        final double total = mix.values().stream().mapToInt(Integer::intValue).sum();
        return (mix.getOrDefault(CycleKind.EXPRESS, 0) + 2.0 * mix.getOrDefault(CycleKind.SPLIT, 0)) / total
            + 1.0 / merchants;
    }

    /** Connections of each desk's bot: its releases at the peak rate under the per-connection rate. */
    int deskConnections()
    {
        return Math.min(200, (int)Math.ceil(peakRate * deskShare() / (REQUESTS_PER_CONNECTION - 3)) + 1);
    }

    long cyclesAtMost()
    {
        return (long)Math.ceil(peakRate * totalSeconds);
    }
}
