package org.p2px.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention deletes rolled journal files that lie before the newest snapshot and are old enough, whichever run of
 * the process rolled past them: a server restarted every few days must not keep every file it wrote before.
 */
class JournalRetentionTest
{
    private static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);
    private static final Instant START = Instant.parse("2026-03-01T10:15:00Z");

    @TempDir
    Path directory;

    private final UnsafeBuffer events = new UnsafeBuffer(new byte[64]);
    private long batch;

    @Test
    void filesRolledPastBeforeARestartAreDeletedByRetention() throws IOException
    {
        final SetTimeProvider clock = new SetTimeProvider(START);
        try (ChronicleJournal earlierRun = open(clock))
        {
            append(earlierRun);
            clock.advanceMillis(HOUR_MS);
            append(earlierRun);
        }
        clock.advanceMillis(2 * HOUR_MS);
        try (ChronicleJournal restarted = open(clock))
        {
            final long newest = append(restarted);
            assertEquals(List.of("20260301-10F.cq4", "20260301-11F.cq4", "20260301-13F.cq4"), cycleFiles());

            assertEquals(0, restarted.deleteBefore(newest, clock.currentTimeMillis() - 3 * HOUR_MS),
                "not older than the retention yet");
            assertEquals(2, restarted.deleteBefore(newest, clock.currentTimeMillis()), "both earlier files");
            assertEquals(List.of("20260301-13F.cq4"), cycleFiles());
            try (JournalReader reader = restarted.reader(JournalReader.START))
            {
                final long[] read = { 0 };
                reader.poll((index, batchSequence, sessionId, buffer, offset, length) -> read[0] = batchSequence, 10);
                assertEquals(batch, read[0], "the journal starts at the kept file");
            }
        }
    }

    @Test
    void filesAfterTheNewestSnapshotStayHoweverOld() throws IOException
    {
        final SetTimeProvider clock = new SetTimeProvider(START);
        final long snapshotAt;
        try (ChronicleJournal earlierRun = open(clock))
        {
            snapshotAt = append(earlierRun);
            clock.advanceMillis(HOUR_MS);
            append(earlierRun);
        }
        clock.advanceMillis(2 * HOUR_MS);
        try (ChronicleJournal restarted = open(clock))
        {
            append(restarted);
            assertEquals(0, restarted.deleteBefore(snapshotAt, clock.currentTimeMillis()),
                "the snapshot's own file and everything after it is needed to recover");
            assertEquals(3, cycleFiles().size());
        }
    }

    private ChronicleJournal open(final SetTimeProvider clock)
    {
        return new ChronicleJournal(directory, RollCycles.FAST_HOURLY, SyncMode.NONE, 0, clock);
    }

    private long append(final ChronicleJournal journal)
    {
        batch++;
        events.putLong(0, batch);
        return journal.append(batch, 0, events, 0, 8);
    }

    private List<String> cycleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".cq4")).sorted()
                .toList();
        }
    }
}
