package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.DepositDecoder;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.JournalReader;

/**
 * Kills a child JVM running the engine under load with SIGKILL at random moments, several times in a row, and
 * after each kill checks that every acknowledged deposit is in the journal and in the recovered balances, that
 * the recovered state keeps the core's invariants (the engine checks them before reporting ready), and that the
 * journal reads to its end. The seed is printed; set -Dp2px.crash.seed to repeat a run.
 */
class EngineCrashTest
{
    private static final int ROUNDS = 3;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedCommandSurvivesSigkill() throws Exception
    {
        final long seed = Long.getLong("p2px.crash.seed", 20261124L);
        System.out.println("EngineCrashTest seed: " + seed);
        final SplittableRandom random = new SplittableRandom(seed);
        final Path acks = data.resolve("acks.txt");
        long nextCorrelationId = 1;
        for (int round = 0; round < ROUNDS; round++)
        {
            final Process child = startChild(acks, nextCorrelationId, round == 0);
            awaitReady(child);
            Thread.sleep(300 + random.nextInt(1_200));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            final Set<Long> acknowledged = readAcks(acks);
            final Set<Long> journaled = new HashSet<>();
            final long[] balances = new long[CrashLoadServer.USERS];
            final long records = scanJournal(journaled, balances);
            assertTrue(journaled.containsAll(acknowledged), "an acknowledged deposit is missing from the journal");

            try (Engine engine = Engine.start(EngineConfig.defaults(data), SystemEpochClock.INSTANCE))
            {
                assertEquals(records, engine.batchSequence(), "the journal read to its end");
                for (int user = 0; user < CrashLoadServer.USERS; user++)
                {
                    final long userId = 10 + user;
                    assertEquals(balances[user], (long)engine.<Long>query(core -> core.available(userId, TestGateway.USDT)),
                        "balance of user " + userId);
                }
                System.out.printf("round %d: %d acknowledged, %d journaled deposits, %d batches, recovery: %s%n",
                    round, acknowledged.size(), journaled.size(), records, engine.recoverySummary());
            }
            assertTrue(acknowledged.size() > 100, "the child was under load before the kill");
            nextCorrelationId = journaled.stream().mapToLong(Long::longValue).max().orElse(0) + 1_000_000;
        }
    }

    private Process startChild(final Path acks, final long firstCorrelationId, final boolean fresh) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashLoadServer.class.getName());
        command.add(data.toString());
        command.add(acks.toString());
        command.add(Long.toString(firstCorrelationId));
        if (fresh)
        {
            command.add("fresh");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(final Process child) throws Exception
    {
        final BufferedReader output = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null)
        {
            if (line.equals("READY"))
            {
                final Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the child exited before it was ready");
    }

    private static Set<Long> readAcks(final Path acks) throws Exception
    {
        final Set<Long> acknowledged = new HashSet<>();
        if (Files.exists(acks))
        {
            for (final String line : Files.readAllLines(acks))
            {
                if (!line.isBlank())
                {
                    acknowledged.add(Long.parseLong(line.trim()));
                }
            }
        }
        return acknowledged;
    }

    /** Collects journaled deposits and recomputes the balances they give; returns the number of records. */
    private long scanJournal(final Set<Long> deposits, final long[] balances)
    {
        final long[] records = { 0 };
        final long[] correlationId = { 0 };
        final boolean[] deposit = { false };
        final EventAdapter adapter = new EventAdapter(new EventHandler()
        {
            @Override
            public void onCommandAccepted(final CommandAcceptedDecoder event)
            {
                deposit[0] = event.commandTemplateId() == DepositDecoder.TEMPLATE_ID;
                correlationId[0] = event.correlationId();
            }
        });
        try (ChronicleJournal journal = ChronicleJournal.openReadOnly(data.resolve("journal"));
            JournalReader reader = journal.reader(JournalReader.START))
        {
            while (reader.poll((index, sequence, session, events, offset, length) ->
            {
                records[0]++;
                assertEquals(records[0], sequence, "batch sequences follow one another");
                deposit[0] = false;
                adapter.onBatch(events, offset, length);
                if (deposit[0])
                {
                    deposits.add(correlationId[0]);
                    balances[(int)(correlationId[0] % CrashLoadServer.USERS)] += correlationId[0];
                }
            }, 1024) > 0)
            {
                // reading to the end
            }
        }
        return records[0];
    }
}
