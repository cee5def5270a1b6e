package org.p2px.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;

/**
 * Deletes the member's rolled journal files that are older than the retention and lie wholly before the first batch
 * after the oldest kept snapshot: a member restarting from any kept snapshot checks the batches it decides again
 * against its journal from there on. The deleting is the embedded engine's ({@link Journal#deleteBefore}), on a
 * journal opened for the purpose, which finds the files the service's own journal rolled past by their names.
 */
final class JournalPruner
{
    private final Path directory;
    private final Duration retention;

    JournalPruner(final Path directory, final Duration retention)
    {
        this.directory = directory;
        this.retention = retention;
    }

    /** @return how many files were deleted. */
    int prune(final long snapshotBatch, final long nowMs)
    {
        if (!Files.isDirectory(directory))
        {
            return 0;
        }
        try (ChronicleJournal journal = ChronicleJournal.openReadOnly(directory))
        {
            final long keepFrom = keepFromIndex(journal, snapshotBatch);
            return keepFrom == JournalReader.START ? 0 : journal.deleteBefore(keepFrom, nowMs - retention.toMillis());
        }
    }

    /**
     * The index of the first batch after {@code snapshotBatch}, or of the last batch when none follows yet;
     * {@link JournalReader#START} when the journal is empty.
     */
    static long keepFromIndex(final Journal journal, final long snapshotBatch)
    {
        final long[] keep = {JournalReader.START};
        try (JournalReader reader = journal.reader(JournalReader.START))
        {
            final boolean[] after = {false};
            while (!after[0] && reader.poll((index, sequence, session, events, offset, length) ->
            {
                if (!after[0])
                {
                    keep[0] = index;
                    after[0] = sequence > snapshotBatch;
                }
            }, 1024) > 0)
            {
                // reads until the first batch after the snapshot's
            }
        }
        return keep[0];
    }
}
