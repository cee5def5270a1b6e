package org.p2px.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the generator and the server cost the machine, read from Linux's /proc (and {@code ss}, {@code jstat} for
 * the server's sockets and heap): CPU seconds of a process, its resident memory, the server's heap in use and its
 * established connections. The server is found by the port it listens on; where it cannot be (another user's
 * process, another machine) its figures are absent, never guessed.
 */
final class Machine
{
    static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final double CLOCK_TICKS = 100.0;   // USER_HZ on Linux
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private Machine()
    {
    }

    static long selfPid()
    {
        return ProcessHandle.current().pid();
    }

    /** The process listening on {@code port} on this machine, or -1. */
    static long serverPid(final int port)
    {
        final String out = run("ss", "-Hltnp", "sport = :" + port);
        final Matcher m = PID.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** User plus system CPU seconds of a process so far; -1 when unreadable. */
    static double cpuSeconds(final long pid)
    {
        try
        {
            final String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS;
        }
        catch (final IOException | RuntimeException e)
        {
            return -1;
        }
    }

    static long residentBytes(final long pid)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            {
                if (line.startsWith("VmRSS:"))
                {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            // absent
        }
        return -1;
    }

    /** The server JVM's heap in use (survivors, eden, old), from {@code jstat -gc}; -1 when unreadable. */
    static long heapUsedBytes(final long pid)
    {
        final String[] lines = run("jstat", "-gc", Long.toString(pid)).trim().split("\n");
        if (lines.length < 2)
        {
            return -1;
        }
        final List<String> head = List.of(lines[0].trim().split("\\s+"));
        final String[] values = lines[1].trim().split("\\s+");
        double kb = 0;
        for (final String column : List.of("S0U", "S1U", "EU", "OU"))
        {
            final int at = head.indexOf(column);
            if (at < 0 || at >= values.length)
            {
                return -1;
            }
            kb += Double.parseDouble(values[at]);
        }
        return (long)(kb * 1024);
    }

    /** Established TCP connections to the server's port. */
    static int connectionsTo(final int port)
    {
        final String out = run("ss", "-Htn", "state", "established", "( sport = :" + port + " )");
        return out.isBlank() ? 0 : out.split("\n").length;
    }

    private static String run(final String... command)
    {
        try
        {
            final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        }
        catch (final IOException e)
        {
            return "";
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** CPU shares of the machine over an interval: the generator's and the server's (-1 when unknown). */
    static final class CpuShare
    {
        private final long serverPid;
        private final long startNanos = System.nanoTime();
        private final double selfStart = cpuSeconds(selfPid());
        private final double serverStart;

        CpuShare(final long serverPid)
        {
            this.serverPid = serverPid;
            this.serverStart = serverPid > 0 ? cpuSeconds(serverPid) : -1;
        }

        /** Fractions of all cores: {generator, server}. */
        double[] shares()
        {
            final double wall = (System.nanoTime() - startNanos) / 1e9 * CORES;
            final double self = (cpuSeconds(selfPid()) - selfStart) / wall;
            final double server = serverPid > 0 ? (cpuSeconds(serverPid) - serverStart) / wall : -1;
            return new double[]{ self, server };
        }
    }
}
