package org.p2px.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * What a latency run needs to explain its tail: the stalls (runs of commands answered later than a threshold,
 * with when they began and how long they lasted) and, from /proc, how much CPU each thread of the process took
 * and how often the scheduler took the CPU away from it. Turned on with {@code -Dp2px.bench.stalls=MICROS}.
 */
final class StallLog
{
    private static final int MAX_STALLS = 200;

    private final long thresholdNanos;
    private final List<long[]> stalls = new ArrayList<>();
    private long originNanos;
    private volatile Map<String, long[]> threadsAtStart = Map.of();
    private long stallStart = -1;
    private long stallEnd;
    private long stallWorst;
    private long stallCommands;

    StallLog(final long thresholdNanos)
    {
        this.thresholdNanos = thresholdNanos;
    }

    /**
     * Stall times count from {@code originNanos} (nano time), and the threads' figures too: a thread of its own
     * reads them then, so that the measured client does not stop to read /proc.
     */
    void measureFrom(final long originNanos)
    {
        this.originNanos = originNanos;
        final Thread reader = new Thread(() ->
        {
            long wait;
            while ((wait = originNanos - System.nanoTime()) > 0)
            {
                LockSupport.parkNanos(wait);
            }
            threadsAtStart = readThreads();
        }, "stall-log-threads");
        reader.setDaemon(true);
        reader.start();
    }

    /** Called for every answered command, in answer order. */
    void record(final long intendedNanos, final long latencyNanos)
    {
        if (latencyNanos < thresholdNanos)
        {
            return;
        }
        final long answeredAt = intendedNanos + latencyNanos;
        if (stallStart >= 0 && intendedNanos <= stallEnd)
        {
            stallEnd = Math.max(stallEnd, answeredAt);
            stallWorst = Math.max(stallWorst, latencyNanos);
            stallCommands++;
            return;
        }
        close();
        stallStart = intendedNanos;
        stallEnd = answeredAt;
        stallWorst = latencyNanos;
        stallCommands = 1;
    }

    private void close()
    {
        if (stallStart >= 0 && stalls.size() < MAX_STALLS)
        {
            stalls.add(new long[] {stallStart - originNanos, stallWorst, stallCommands});
        }
        stallStart = -1;
    }

    void print()
    {
        close();
        System.out.printf("stalls over %d us (start ms, worst us, commands):%n", thresholdNanos / 1000);
        for (final long[] stall : stalls)
        {
            System.out.printf("  %8.1f %9.1f %7d%n", stall[0] / 1e6, stall[1] / 1e3, stall[2]);
        }
        printThreads();
    }

    /**
     * Per thread, over the measured run only: CPU ms (user + system) and context switches, voluntary and forced,
     * from /proc/self/task.
     */
    private void printThreads()
    {
        System.out.println("threads during the measured run (cpu ms, voluntary switches, involuntary switches):");
        readThreads().forEach((thread, now) ->
        {
            final long[] before = threadsAtStart.getOrDefault(thread, new long[3]);
            final long cpuMs = (now[0] - before[0]) * 10;
            final long involuntary = now[2] - before[2];
            if (cpuMs > 0 || involuntary > 10)
            {
                System.out.printf("  %-28s %8d %9d %9d%n", thread, cpuMs, now[1] - before[1], involuntary);
            }
        });
    }

    /** Thread "name/tid" to {cpu ticks, voluntary switches, involuntary switches}. */
    private static Map<String, long[]> readThreads()
    {
        final Map<String, long[]> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task")))
        {
            tasks.forEach(task -> readThread(task, threads));
        }
        catch (final IOException ex)
        {
            System.out.println("  /proc not readable: " + ex.getMessage());
        }
        return threads;
    }

    private static void readThread(final Path task, final Map<String, long[]> threads)
    {
        try
        {
            final String name = Files.readString(task.resolve("comm")).trim() + "/" + task.getFileName();
            final String stat = Files.readString(task.resolve("stat"));
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            final long[] figures = new long[3];
            figures[0] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            for (final String line : Files.readAllLines(task.resolve("status")))
            {
                if (line.startsWith("voluntary_ctxt_switches:"))
                {
                    figures[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
                else if (line.startsWith("nonvoluntary_ctxt_switches:"))
                {
                    figures[2] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            threads.put(name, figures);
        }
        catch (final IOException | RuntimeException ex)
        {
            // The thread ended while it was read.
        }
    }
}
