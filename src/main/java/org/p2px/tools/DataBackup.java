package org.p2px.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.p2px.engine.EngineConfig;
import org.p2px.journal.JournalCopy;
import org.p2px.journal.SnapshotStore;

/**
 * Backs up what the engine keeps in a data directory, its snapshots and its journal, also while the server runs:
 * snapshots first, so that the journal copied after them reaches past every snapshot copied. A server started on
 * the copy recovers what the original had journaled at some moment of the copy (docs/operations.md, "Backup and
 * restore"). The database and the keys are backed up on their own.
 */
public final class DataBackup
{
    /** What was copied: snapshot files, and bytes of journal written (its files' holes not counted). */
    public record Copied(int snapshots, long journalBytes)
    {
    }

    private DataBackup()
    {
    }

    /**
     * Copies {@code data}'s {@code snapshots/} and {@code journal/} into {@code target}, which must hold no journal.
     *
     * @throws java.nio.file.NoSuchFileException when a journal file was deleted while the copy ran: copy again.
     */
    public static Copied copy(final Path data, final Path target) throws IOException
    {
        final EngineConfig from = EngineConfig.defaults(data);
        final EngineConfig to = EngineConfig.defaults(target);
        if (Files.exists(to.journalDirectory()))
        {
            throw new IllegalArgumentException(to.journalDirectory() + " exists: back up into a new directory");
        }
        final int snapshots = new SnapshotStore(from.snapshotDirectory()).copyTo(to.snapshotDirectory());
        final long journalBytes = JournalCopy.copy(from.journalDirectory(), to.journalDirectory());
        return new Copied(snapshots, journalBytes);
    }
}
