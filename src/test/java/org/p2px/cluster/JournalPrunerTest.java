package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.JournalReader;

class JournalPrunerTest
{
    @TempDir
    Path dir;

    @Test
    void keepsFromTheFirstBatchAfterTheSnapshotOrTheLastWhenNoneFollows()
    {
        try (ChronicleJournal journal = new ChronicleJournal(dir, RollCycles.FAST_HOURLY, SyncMode.NONE, 0))
        {
            assertEquals(JournalReader.START, JournalPruner.keepFromIndex(journal, 0), "an empty journal");
            final List<Long> indexes = new ArrayList<>();
            final UnsafeBuffer events = new UnsafeBuffer(new byte[16]);
            for (long sequence = 1; sequence <= 2_500; sequence++)
            {
                indexes.add(journal.append(sequence, 7, events, 0, events.capacity()));
            }
            assertEquals(indexes.get(0), JournalPruner.keepFromIndex(journal, 0), "no snapshot yet: all of it");
            assertEquals(indexes.get(1), JournalPruner.keepFromIndex(journal, 1));
            assertEquals(indexes.get(2_000), JournalPruner.keepFromIndex(journal, 2_000), "past one poll's records");
            assertEquals(indexes.get(2_499), JournalPruner.keepFromIndex(journal, 2_499));
            assertEquals(indexes.get(2_499), JournalPruner.keepFromIndex(journal, 2_500), "none after: the last");
        }
    }
}
