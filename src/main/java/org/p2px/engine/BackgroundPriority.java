package org.p2px.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the calling thread's CPU priority (its nice value; Linux only). The projector is a background consumer:
 * trading answers never wait for it, but on a busy machine it competes for the same cores as the event loops, the
 * core and the live view, and every hand-off on a take's path then waits behind it. At a lower priority it yields
 * to them and catches up when they are idle (docs/performance.md, "The projector in the background"). The snapshot
 * replica is another such consumer.
 * <p>
 * Java cannot set a thread's nice value itself (thread priorities are ignored on Linux unless the JVM runs as root
 * with -XX:ThreadPriorityPolicy=1), so the thread names itself through /proc/thread-self and runs {@code renice} on
 * that id once at start; lowering one's own priority needs no privilege. Where that is not possible (another OS,
 * no renice in the image) the thread runs at the normal priority and says so once.
 */
public final class BackgroundPriority
{
    private static final System.Logger LOG = System.getLogger(BackgroundPriority.class.getName());
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private BackgroundPriority()
    {
    }

    /** Sets the calling thread's nice value to {@code nice} (1 to 19); 0 leaves it alone. The value it now has. */
    public static OptionalInt lowerCurrentThread(final int nice)
    {
        if (nice <= 0)
        {
            return OptionalInt.empty();
        }
        if (!Files.isSymbolicLink(THREAD_SELF))
        {
            LOG.log(System.Logger.Level.INFO, "{0} keeps the normal CPU priority: no /proc/thread-self here",
                Thread.currentThread().getName());
            return OptionalInt.empty();
        }
        try
        {
            final String threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            final Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", threadId)
                .redirectErrorStream(true).start();
            final String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0)
            {
                LOG.log(System.Logger.Level.WARNING, "{0} keeps the normal CPU priority: renice failed: {1}",
                    Thread.currentThread().getName(), output);
                return OptionalInt.empty();
            }
        }
        catch (final IOException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "{0} keeps the normal CPU priority: renice could not run ({1})",
                Thread.currentThread().getName(), ex.getMessage());
            return OptionalInt.empty();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
        final OptionalInt now = currentNice();
        LOG.log(System.Logger.Level.INFO, "{0} runs at nice {1}", Thread.currentThread().getName(),
            now.isPresent() ? now.getAsInt() : "?");
        return now;
    }

    /** The calling thread's nice value, from the 19th field of its stat line. */
    public static OptionalInt currentNice()
    {
        try
        {
            final String stat = Files.readString(THREAD_SELF.resolve("stat"));
            // The name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        }
        catch (final IOException | RuntimeException ex)
        {
            return OptionalInt.empty();
        }
    }
}
