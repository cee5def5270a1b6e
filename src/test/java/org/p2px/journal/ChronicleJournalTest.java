package org.p2px.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal with its pages touched ahead of the appender between appends: every record reads back as written. */
class ChronicleJournalTest
{
    private static final int RECORDS = 200_000;

    @TempDir
    Path directory;

    @Test
    void recordsAppendedBetweenPretouchesReadBackIntactAfterAReopen()
    {
        final UnsafeBuffer events = new UnsafeBuffer(new byte[300]);
        long pagesReadied = 0;
        try (ChronicleJournal journal = new ChronicleJournal(directory, RollCycles.FAST_HOURLY, SyncMode.NONE, 1 << 20))
        {
            for (int n = 1; n <= RECORDS; n++)
            {
                fill(events, n);
                journal.append(n, n % 7, events, 0, length(n));
                for (int idle = 0; idle < n % 4; idle++)
                {
                    pagesReadied += journal.prepareAhead();
                }
            }
        }
        assertTrue(pagesReadied > RECORDS / 20, "pages after the appended records were written and touched: " + pagesReadied);
        try (ChronicleJournal journal = new ChronicleJournal(directory, RollCycles.FAST_HOURLY, SyncMode.NONE, 1 << 20))
        {
            journal.append(RECORDS + 1, 0, events, 0, 8);
            final long[] read = { 0 };
            try (JournalReader reader = journal.reader(JournalReader.START))
            {
                while (reader.poll((index, batchSequence, sessionId, buffer, offset, length) ->
                {
                    final long n = ++read[0];
                    assertEquals(n, batchSequence);
                    if (n <= RECORDS)
                    {
                        assertEquals(n % 7, sessionId);
                        assertEquals(length((int)n), length);
                        for (int i = 0; i < length; i++)
                        {
                            assertEquals((byte)(n + i), buffer.getByte(offset + i));
                        }
                    }
                }, 1_000) > 0)
                {
                    // reading to the end
                }
            }
            assertEquals(RECORDS + 1, read[0]);
        }
    }

    private static int length(final int n)
    {
        return 8 + n % 280;
    }

    private static void fill(final UnsafeBuffer events, final int n)
    {
        for (int i = 0; i < length(n); i++)
        {
            events.putByte(i, (byte)(n + i));
        }
    }
}
