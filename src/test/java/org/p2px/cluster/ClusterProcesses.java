package org.p2px.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.p2px.engine.EngineConfig;

/**
 * A cluster of {@link ClusterNode}s on loopback, each in its own JVM started from the test classpath with the JVM
 * options of deploy/jvm.options; unique directories and ports per cluster. {@link #close} kills whatever still runs.
 */
final class ClusterProcesses implements AutoCloseable
{
    private final Path root;
    private final Path aeronRoot;
    private final int members;
    private final int portBase;
    private final Process[] processes;
    private final Map<String, String> settings;

    ClusterProcesses(final Path root, final int members) throws IOException
    {
        this(root, members, Map.of());
    }

    /** With more of the members' settings ({@code p2px.cluster.*} system properties). */
    ClusterProcesses(final Path root, final int members, final Map<String, String> settings) throws IOException
    {
        this.root = root;
        this.settings = Map.copyOf(settings);
        this.members = members;
        final Path shm = Path.of("/dev/shm");
        this.aeronRoot = Files.isDirectory(shm) ? Files.createTempDirectory(shm, "p2px-cluster-test-")
            : Files.createDirectories(root.resolve("aeron"));
        // 100 ports per cluster between 21000 and 31999: below Linux's ephemeral range (32768 up), where a port may
        // already be bound by any process's outgoing socket, and away from the server's own ports
        this.portBase = 21_000 + 100 * ThreadLocalRandom.current().nextInt(110);
        this.processes = new Process[members];
    }

    ClusterLayout layout()
    {
        return ClusterLayout.onOneHost("localhost", members, portBase);
    }

    /** A gateway's cluster client to these members, its files under the root. */
    ClusterEngineClient client(final long gatewayId)
    {
        return new ClusterEngineClient(new ClusterClientSettings(gatewayId, layout().ingressEndpoints(), "localhost",
            aeronDir("client-" + gatewayId), null), EngineConfig.defaults(root.resolve("client-" + gatewayId)));
    }

    Path nodeDir(final int member)
    {
        return root.resolve("node-" + member);
    }

    Path journal(final int member)
    {
        return nodeDir(member).resolve("journal");
    }

    Path aeronDir(final String name)
    {
        return aeronRoot.resolve(name);
    }

    /**
     * Starts every member and waits until they agree on one leader in one term. On two shared cores Aeron once
     * elected twice at start-up (a member's JIT-bound start missed the 300 ms heartbeat) and left the third member
     * in the first term for good, journaling nothing (CI, session 19). When the members do not agree within 30 s,
     * what each reports is printed, they are all killed, their files deleted, and started once more.
     */
    void startAll() throws IOException, InterruptedException
    {
        for (int i = 0; i < members; i++)
        {
            start(i);
        }
        if (awaitAgreement(30_000))
        {
            return;
        }
        System.out.println("cluster members did not agree on a leader within 30 s; starting them again: " + report());
        for (int i = 0; i < members; i++)
        {
            kill(i);
            if (isAlive(i))
            {
                throw new AssertionError("member " + i + " outlived kill -9 for 10 s; its files stay");
            }
        }
        for (int i = 0; i < members; i++)
        {
            deleteTree(nodeDir(i));
            deleteTree(aeronDir("node-" + i));
        }
        for (int i = 0; i < members; i++)
        {
            start(i);
        }
        if (!awaitAgreement(30_000))
        {
            throw new AssertionError("cluster members did not agree on a leader twice: " + report());
        }
    }

    /** Whether, within the time-out, every member's election is closed in one term with one leader among them. */
    private boolean awaitAgreement(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline)
        {
            final List<MemberState> states = new ArrayList<>();
            for (int i = 0; i < members; i++)
            {
                states.add(MemberState.read(layout().port(i, ClusterLayout.METRICS)));
            }
            if (MemberState.agree(states))
            {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private String report() throws IOException
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < members; i++)
        {
            out.append("\nmember ").append(i).append(": ").append(MemberState.read(layout().port(i, ClusterLayout.METRICS)))
                .append(", its log:\n").append(log(i));
        }
        return out.toString();
    }

    private static void deleteTree(final Path path) throws IOException
    {
        if (!Files.exists(path))
        {
            return;
        }
        try (var files = Files.walk(path))
        {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    void start(final int member) throws IOException
    {
        final Path dir = nodeDir(member);
        Files.createDirectories(dir);
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(classPath());
        command.add("-Dp2px.cluster.member-id=" + member);
        command.add("-Dp2px.cluster.hosts=" + String.join(",", layout().hosts()));
        command.add("-Dp2px.cluster.port-base=" + portBase);
        command.add("-Dp2px.cluster.dir=" + dir);
        command.add("-Dp2px.cluster.aeron-dir=" + aeronDir("node-" + member));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(ClusterNode.class.getName());
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
        processes[member] = builder.start();
    }

    /**
     * The test classpath without the JBoss log manager (and Quarkus' launcher that brings it): without Quarkus to
     * configure it, it would swallow the node's log, which then goes through java.util.logging to stderr.
     */
    static String classPath()
    {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(entry -> !entry.contains("jboss-logmanager") && !entry.contains("quarkus-ide-launcher"))
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static List<String> jvmOptions() throws IOException
    {
        final List<String> options = new ArrayList<>();
        for (final String line : Files.readAllLines(Path.of("deploy/jvm.options")))
        {
            final String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#"))
            {
                options.add(option);
            }
        }
        options.add("-Dchronicle.analytics.disable=true");
        return options;
    }

    /** kill -9. */
    void kill(final int member) throws InterruptedException
    {
        final Process process = processes[member];
        if (process != null && process.isAlive())
        {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, waiting for the node to shut down cleanly (kill -9 after 10 s). */
    void stop(final int member) throws InterruptedException
    {
        final Process process = processes[member];
        if (process != null && process.isAlive())
        {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                kill(member);
            }
        }
    }

    boolean isAlive(final int member)
    {
        return processes[member] != null && processes[member].isAlive();
    }

    Process process(final int member)
    {
        return processes[member];
    }

    String log(final int member) throws IOException
    {
        final Path log = nodeDir(member).resolve("node.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits until member's log shows {@code text}. */
    void awaitLog(final int member, final String text, final long timeoutMs) throws IOException, InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!log(member).contains(text))
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("member " + member + " did not log '" + text + "'; its log:\n" + log(member));
            }
            Thread.sleep(50);
        }
    }

    /** Waits up to 30 s until member's journal holds {@code lastSequence} batches. */
    JournalContents awaitJournal(final int member, final long lastSequence) throws IOException, InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        JournalContents contents = JournalContents.read(journal(member));
        while (contents.lastSequence < lastSequence && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(100);
            contents = JournalContents.read(journal(member));
        }
        if (contents.lastSequence != lastSequence)
        {
            throw new AssertionError("member " + member + "'s journal holds " + contents.lastSequence + " batches, not "
                + lastSequence + "; its log:\n" + log(member));
        }
        return contents;
    }

    /** Deletes the members' directories (a test's temporary directory does that by itself). */
    void deleteFiles() throws IOException
    {
        deleteTree(root);
    }

    /** Kills every member and keeps their logs in target/cluster-test-logs/ (the temporary directory goes). */
    @Override
    public void close() throws Exception
    {
        for (int i = 0; i < members; i++)
        {
            kill(i);
        }
        final Path kept = Files.createDirectories(Path.of("target", "cluster-test-logs"));
        final String prefix = root.getFileName() + "-";
        for (int i = 0; i < members; i++)
        {
            Files.writeString(kept.resolve(prefix + "node-" + i + ".log"), log(i));
        }
        deleteTree(aeronRoot);
    }
}
