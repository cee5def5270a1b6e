package org.p2px.loadtest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.p2px.loadtest.fanout.BareBroadcastServer;

/**
 * {@code p2px-loadtest SCENARIO [options]}: the load-test suite's entry. Exit 0 when every objective held, 1 when
 * one was missed, 2 for bad options, 3 when the setup failed (server down, wrong admin password).
 */
public final class Main
{
    static final String USAGE = """
        usage: loadtest/p2px-loadtest SCENARIO [options]

        scenarios (each bounded in time and count; a report in --out, default target/loadtest-reports/SCENARIO-TIME):
          trade       trade cycles at --rate for --seconds after --warmup, then the ping and echo baselines
          ceiling     steps the rate --from R --step S --to R, --step-seconds each, until an objective breaks
          burst       --rate for --before s, --burst-rate for --burst s, --rate for --after s: time to recover
          soak        --rate for --minutes, the server's heap, memory and connections over time
          fanout      --subscribers N on one book channel, ads changed --rate times a second, against a bare
                      Vert.x broadcast (--bare-url http://127.0.0.1:PORT of a broadcast-server, else in process)
          smoke       a short trade run and a short fan-out (what CI runs)
          crash       starts the server (--server-command, deploy/run-server.sh) on --data-dir, trades over
                      WebSockets at --rate, SIGKILLs it within --kill-within s, restarts it, checks every
                      acknowledged order and resumes the open ones; --rounds times
          broadcast-server --port P   the bare broadcast floor as a process of its own, until stopped
          book-resume --server A --then B   follows the book of the next market created through gateway A,
                      watched on gateway B too; when A goes away, resumes on B from its copy's seq (no snapshot)
                      and checks the copy against B's; within --seconds (120)

        objectives: --slo 'order.take.p99<=50ms,cycle.p99.9<=500ms,lost<=0,refused<=0'
          (operations: order.take, order.express, order.paid, order.release, order.cancel, chat.send, cycle)
        """ + TradeOptions.HELP;

    private Main()
    {
    }

    public static void main(final String[] argv) throws Exception
    {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help"))
        {
            System.out.print(USAGE);
            System.exit(argv.length == 0 ? 2 : 0);
        }
        final String scenario = argv[0];
        try
        {
            final Options options = Options.parse(argv, 1);
            if (scenario.equals("broadcast-server"))
            {
                final int port = options.integer("port", 18090, 1024, 65535);
                options.checkAllRead();
                final BareBroadcastServer server = new BareBroadcastServer(port);
                Console.log("bare broadcast server on 127.0.0.1:" + server.port());
                Thread.currentThread().join();
            }
            final Path out = Path.of(options.text("out", "target/loadtest-reports/" + scenario + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
            final Report report = new Report(scenario, "p2px-loadtest " + String.join(" ", argv));
            final int status = switch (scenario)
            {
                case "trade" -> TradeScenarios.trade(options, report, false);
                case "ceiling" -> TradeScenarios.ceiling(options, report);
                case "burst" -> TradeScenarios.burst(options, report);
                case "soak" -> TradeScenarios.soak(options, report);
                case "fanout" -> FanOutRun.run(options, report, false);
                case "smoke" -> smoke(argv);
                case "crash" -> CrashRun.run(options, report);
                case "book-resume" -> BookResume.run(options);
                default -> throw new Options.BadOption("unknown scenario '" + scenario + "'");
            };
            if (!scenario.equals("smoke") && !scenario.equals("book-resume"))
            {
                report.write(out);
            }
            System.exit(status);
        }
        catch (final Options.BadOption e)
        {
            System.err.println(e.getMessage());
            System.err.println("(loadtest/p2px-loadtest --help lists the scenarios and options)");
            System.exit(2);
        }
        catch (final ApiError e)
        {
            System.err.println("setup failed: " + e.getMessage());
            System.exit(3);
        }
    }

    /** The short regression form: a trade run and a fan-out run, each with its own report; fails if either does. */
    private static int smoke(final String[] argv) throws Exception
    {
        final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        final Options trade = Options.parse(argv, 1);
        final Report tradeReport = new Report("smoke: trade", "p2px-loadtest " + String.join(" ", argv));
        final Path out = Path.of(trade.text("out", "target/loadtest-reports/smoke-" + stamp));
        final int tradeStatus = TradeScenarios.trade(trade, tradeReport, true);
        tradeReport.write(out.resolve("trade"));
        final Options fanout = Options.parse(argv, 1);
        fanout.text("out", null);
        final Report fanoutReport = new Report("smoke: fan-out", "p2px-loadtest " + String.join(" ", argv));
        final int fanoutStatus = FanOutRun.run(fanout, fanoutReport, true);
        fanoutReport.write(out.resolve("fanout"));
        return Math.max(tradeStatus, fanoutStatus);
    }
}
