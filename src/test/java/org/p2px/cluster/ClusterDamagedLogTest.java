package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.engine.EngineConfig;

/**
 * A member whose recorded log was damaged while it was down (a changed byte in a command, or the segment files gone)
 * must not rejoin with a state that differs from the others': it refuses to start, or it rebuilds from the others
 * and ends with their state. Either way its journal never holds a batch the others do not.
 */
class ClusterDamagedLogTest
{
    private static final long MARKED_AMOUNT = 777_777_777L;

    @TempDir
    Path dir;
    private ClusterProcesses cluster;
    private ClusterEngineClient client;

    @AfterEach
    void stopAll() throws Exception
    {
        if (client != null)
        {
            client.close();
        }
        if (cluster != null)
        {
            cluster.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"corrupted", "missing"})
    void aMemberWithADamagedLogDoesNotRejoinWithDivergentState(final String damage) throws Exception
    {
        cluster = new ClusterProcesses(dir, 3);
        cluster.startAll();
        client = new ClusterEngineClient(new ClusterClientSettings(5, cluster.layout().ingressEndpoints(), "localhost",
            cluster.aeronDir("client"), null), EngineConfig.defaults(dir.resolve("client")));
        final DepositStream stream = new DepositStream(client);
        stream.awaitReady(30_000);
        stream.world();
        for (int i = 0; i < 50; i++)
        {
            stream.deposit(i == 25 ? MARKED_AMOUNT : 1);
        }
        stream.awaitAcknowledged(stream.lastCorrelationId(), 20_000);
        final int leader = client.leaderMemberId();
        final int damaged = (leader + 1) % 3;
        final long before = stream.lastCorrelationId();
        for (int member = 0; member < 3; member++)
        {
            awaitJournal(member, before); // all three take part, so that two are a majority after the kill
        }

        cluster.kill(damaged);
        if (damage.equals("corrupted"))
        {
            assertTrue(changeMarkedAmount(cluster.nodeDir(damaged).resolve("archive")), "the marked deposit not found");
        }
        else
        {
            for (final Path segment : segments(cluster.nodeDir(damaged).resolve("archive")))
            {
                Files.delete(segment);
            }
        }
        for (int i = 0; i < 50; i++)
        {
            stream.deposit(1);
        }
        final long last = stream.lastCorrelationId();
        stream.awaitAcknowledged(last, 20_000);
        Thread.sleep(10_500); // the killed member's archive mark file stays "active" for 10 s
        cluster.start(damaged);

        final JournalContents healthy = JournalContents.read(cluster.journal(leader));
        final long deadline = System.currentTimeMillis() + 20_000;
        JournalContents restarted = JournalContents.read(cluster.journal(damaged));
        while (cluster.isAlive(damaged) && restarted.lastSequence < last && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(200);
            restarted = JournalContents.read(cluster.journal(damaged));
        }
        Thread.sleep(500);
        restarted = JournalContents.read(cluster.journal(damaged));
        final String outcome = cluster.isAlive(damaged) ? "rejoined at batch " + restarted.lastSequence
            : "refused to start (exit " + cluster.process(damaged).exitValue() + ")";
        System.out.println("member with a " + damage + " log segment: " + outcome);
        assertTrue(restarted.isPrefixOf(healthy), "the damaged member journaled a batch the others do not have; its log:\n"
            + cluster.log(damaged));
        if (cluster.isAlive(damaged))
        {
            assertEquals(last, restarted.lastSequence, "a member that runs must have caught up; its log:\n"
                + cluster.log(damaged));
            assertEquals(healthy.digest, restarted.digest);
        }
    }

    private void awaitJournal(final int member, final long lastSequence) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 20_000;
        while (JournalContents.read(cluster.journal(member)).lastSequence < lastSequence)
        {
            assertTrue(System.currentTimeMillis() < deadline, "member " + member + " did not catch up");
            Thread.sleep(100);
        }
    }

    private static List<Path> segments(final Path archive) throws IOException
    {
        try (Stream<Path> files = Files.list(archive))
        {
            return files.filter(file -> file.getFileName().toString().endsWith(".rec")).toList();
        }
    }

    /** Rewrites the marked deposit's amount in whichever recorded segment holds it. */
    private static boolean changeMarkedAmount(final Path archive) throws IOException
    {
        final byte[] marked = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(MARKED_AMOUNT).array();
        final byte[] changed = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(MARKED_AMOUNT + 1).array();
        boolean found = false;
        for (final Path segment : segments(archive))
        {
            final byte[] bytes = Files.readAllBytes(segment);
            for (int i = 0; i + 8 <= bytes.length; i++)
            {
                if (java.util.Arrays.equals(bytes, i, i + 8, marked, 0, 8))
                {
                    System.arraycopy(changed, 0, bytes, i, 8);
                    found = true;
                }
            }
            Files.write(segment, bytes);
        }
        return found;
    }
}
