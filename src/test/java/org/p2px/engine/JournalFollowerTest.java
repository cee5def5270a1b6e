package org.p2px.engine;

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

/** A consumer that follows a journal another writer appends to: every batch after its start, once, in order. */
class JournalFollowerTest
{
    @TempDir
    Path dir;

    @Test
    void followsTheJournalFromTheStartFromABatchOrFromNow()
    {
        final UnsafeBuffer events = new UnsafeBuffer(new byte[16]);
        try (ChronicleJournal writer = new ChronicleJournal(dir, RollCycles.FAST_HOURLY, SyncMode.NONE, 0);
            ChronicleJournal reader = ChronicleJournal.openReadOnly(dir))
        {
            for (long sequence = 1; sequence <= 3; sequence++)
            {
                writer.append(sequence, 9, events, 0, events.capacity());
            }
            final List<Long> all = new ArrayList<>();
            final List<Long> afterTwo = new ArrayList<>();
            final List<Long> fromNow = new ArrayList<>();
            try (EventPoller fromStart = JournalFollower.poller("all", reader,
                    (sequence, index, session, buffer, offset, length) -> all.add(sequence), 0, JournalReader.START);
                EventPoller fromTwo = JournalFollower.poller("after-two", reader,
                    (sequence, index, session, buffer, offset, length) -> afterTwo.add(sequence), 2, JournalReader.START);
                EventPoller current = JournalFollower.poller("now", reader,
                    (sequence, index, session, buffer, offset, length) -> fromNow.add(sequence), EngineClient.CURRENT,
                    EngineClient.CURRENT))
            {
                current.poll();
                writer.append(4, 9, events, 0, events.capacity());
                while (fromStart.poll() + fromTwo.poll() + current.poll() > 0)
                {
                    // until all three are idle
                }
                assertEquals(List.of(1L, 2L, 3L, 4L), all);
                assertEquals(List.of(3L, 4L), afterTwo);
                assertEquals(List.of(4L), fromNow);
                assertEquals(4, fromStart.lastSequence());
            }
        }
    }
}
