package org.p2px.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agrona.DirectBuffer;
import org.p2px.codec.EventText;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.engine.Recovery;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.SnapshotStore;

/**
 * The operator's command line over a data directory (the server may be running; readers do not disturb it).
 * <pre>
 *   dump DATA_DIR [--from-index N] [--from-time ISO-8601|EPOCH_MS] [--order ID] [--user ID] [--limit N]
 *   verify DATA_DIR
 *   recover DATA_DIR
 *   snapshots DATA_DIR
 *   backup DATA_DIR TARGET_DIR
 * </pre>
 * See docs/operations.md.
 */
public final class JournalTool
{
    private static final String USAGE = """
        usage: p2px-journal dump DATA_DIR [--from-index N] [--from-time ISO-8601|EPOCH_MS] [--order ID] [--user ID] [--limit N]
               p2px-journal verify DATA_DIR
               p2px-journal recover DATA_DIR
               p2px-journal snapshots DATA_DIR
               p2px-journal backup DATA_DIR TARGET_DIR""";

    private final PrintStream out;

    JournalTool(final PrintStream out)
    {
        this.out = out;
    }

    public static void main(final String[] args)
    {
        System.exit(new JournalTool(System.out).run(args));
    }

    /** @return the process exit code: 0 when all is well, 1 when verification failed, 2 for bad arguments. */
    int run(final String[] args)
    {
        if (args.length < 2)
        {
            return usage();
        }
        final Path data = Path.of(args[1]);
        if (!Files.isDirectory(data.resolve("journal")))
        {
            out.println("no journal under " + data.toAbsolutePath());
            return 2;
        }
        try
        {
            return switch (args[0])
            {
                case "dump" -> dump(data, DumpFilter.parse(args));
                case "verify" -> verify(data);
                case "recover" -> recover(data);
                case "snapshots" -> snapshots(data);
                case "backup" -> args.length == 3 ? backup(data, Path.of(args[2])) : usage();
                default -> usage();
            };
        }
        catch (final IllegalArgumentException ex)
        {
            out.println(ex.getMessage());
            return usage();
        }
        catch (final NoSuchFileException ex)
        {
            out.println("BACKUP FAILED: " + ex.getFile() + " was deleted while it was copied (the server prunes old"
                + " journal files after a snapshot): back up again, into a new directory");
            return 1;
        }
        catch (final IOException ex)
        {
            out.println("BACKUP FAILED: " + ex);
            return 1;
        }
    }

    private int usage()
    {
        out.println(USAGE);
        return 2;
    }

    private int dump(final Path data, final DumpFilter filter)
    {
        final BatchPrinter printer = new BatchPrinter();
        final long[] printed = { 0 };
        try (ChronicleJournal journal = ChronicleJournal.openReadOnly(data.resolve("journal"));
            JournalReader reader = journal.reader(filter.afterIndex()))
        {
            while (printed[0] < filter.limit() && reader.poll((index, sequence, session, events, offset, length) ->
            {
                if (printed[0] >= filter.limit())
                {
                    return;
                }
                printer.read(events, offset, length);
                if (printer.time() >= filter.fromTime() && filter.matches(printer.lines()))
                {
                    out.printf("#%d index=%d session=%d time=%s%n", sequence, index, session,
                        Instant.ofEpochMilli(printer.time()));
                    printer.lines().forEach(line -> out.println("  " + line));
                    printed[0]++;
                }
            }, 256) > 0)
            {
                // reading on
            }
        }
        out.printf("%d batches printed%n", printed[0]);
        return 0;
    }

    private int verify(final Path data)
    {
        final TradingCore core = new TradingCore(CoreConfig.defaults());
        final long[] counts = { 0, 0 };
        final List<String> problems = new ArrayList<>();
        final long start = System.nanoTime();
        try (ChronicleJournal journal = ChronicleJournal.openReadOnly(data.resolve("journal"));
            JournalReader reader = journal.reader(JournalReader.START))
        {
            while (reader.poll((index, sequence, session, events, offset, length) ->
            {
                if (sequence != counts[0] + 1 && problems.isEmpty())
                {
                    problems.add("batch " + sequence + " at index " + index + " follows batch " + counts[0]);
                }
                counts[0] = sequence;
                counts[1] += core.apply(events, offset, length);
            }, 4096) > 0)
            {
                // replaying
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("replayed %,d batches, %,d events in %.2f s (%,.0f events/s)%n", counts[0], counts[1], seconds,
            counts[1] / Math.max(seconds, 1e-9));
        final boolean sound = printState(core);
        problems.forEach(problem -> out.println("PROBLEM: " + problem));
        return sound && problems.isEmpty() ? 0 : 1;
    }

    /** What a server started on {@code data} would recover: the newest valid snapshot, then the journal after it. */
    private int recover(final Path data)
    {
        final Recovery.Result recovered;
        try (ChronicleJournal journal = ChronicleJournal.openReadOnly(data.resolve("journal")))
        {
            recovered = Recovery.run(CoreConfig.defaults(), journal, new SnapshotStore(data.resolve("snapshots")));
        }
        catch (final RuntimeException ex)
        {
            out.println("RECOVERY FAILED: " + ex.getMessage());
            return 1;
        }
        out.printf("recovered to batch %d: %s%n", recovered.batchSequence(), recovered.fromSnapshot()
            ? String.format("the snapshot of batch %d, then %,d journal batches",
                recovered.batchSequence() - recovered.replayedBatches(), recovered.replayedBatches())
            : String.format("%,d journal batches, no snapshot", recovered.replayedBatches()));
        return printState(recovered.core()) ? 0 : 1;
    }

    /** Prints the state's digest and its invariant check; false when an invariant is broken. */
    private boolean printState(final TradingCore core)
    {
        out.printf("digest %016x%n", core.digest());
        final String violation = core.checkInvariants();
        out.println(violation == null ? "invariants hold" : "INVARIANT VIOLATED: " + violation);
        return violation == null;
    }

    /** Copies the snapshots and the journal (also of a running server), then recovers the copy as a check. */
    private int backup(final Path data, final Path target) throws IOException
    {
        final DataBackup.Copied copied = DataBackup.copy(data, target);
        out.printf("copied %d snapshots and the journal (%,d bytes) to %s%n", copied.snapshots(),
            copied.journalBytes(), target.toAbsolutePath());
        return recover(target);
    }

    private int snapshots(final Path data)
    {
        final SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
        for (final Path file : store.filesNewestFirst())
        {
            try
            {
                final SnapshotStore.Snapshot snapshot = store.read(file);
                final TradingCore core = TradingCore.fromSnapshot(CoreConfig.defaults(), snapshot.payload(), 0,
                    snapshot.payloadLength());
                out.printf("%s batch=%d index=%d taken=%s bytes=%,d digest=%016x valid%n", file.getFileName(),
                    snapshot.batchSequence(), snapshot.journalIndex(), Instant.ofEpochMilli(snapshot.takenAt()),
                    snapshot.payloadLength(), core.digest());
            }
            catch (final Exception ex)
            {
                out.printf("%s INVALID: %s%n", file.getFileName(), ex.getMessage());
            }
        }
        return 0;
    }

    /** What `dump` prints: a start position, a start time, an order or a user, and a most. */
    record DumpFilter(long afterIndex, long fromTime, Pattern pattern, long limit)
    {
        static DumpFilter parse(final String[] args)
        {
            long afterIndex = JournalReader.START;
            long fromTime = Long.MIN_VALUE;
            Pattern pattern = null;
            long limit = Long.MAX_VALUE;
            for (int i = 2; i < args.length; i += 2)
            {
                if (i + 1 >= args.length)
                {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                final String value = args[i + 1];
                switch (args[i])
                {
                    case "--from-index" -> afterIndex = Long.parseLong(value) - 1;
                    case "--from-time" -> fromTime = value.chars().allMatch(Character::isDigit) ?
                        Long.parseLong(value) : Instant.parse(value).toEpochMilli();
                    case "--order" -> pattern = Pattern.compile("[|:]orderId=" + Long.parseLong(value) + "\\b");
                    case "--user" -> pattern = Pattern.compile(
                        "[|:](userId|ownerId|buyerId|sellerId|makerId|takerId|actorId|blockerId|blockedId|appellantId)=" +
                        Long.parseLong(value) + "\\b");
                    case "--limit" -> limit = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new DumpFilter(afterIndex, fromTime, pattern, limit);
        }

        boolean matches(final List<String> lines)
        {
            return pattern == null || lines.stream().anyMatch(line -> pattern.matcher(line).find());
        }
    }

    /** Collects the text form of a batch's events and its time (from the CommandAccepted/Rejected opening it). */
    private static final class BatchPrinter
    {
        private static final Pattern TIMESTAMP = Pattern.compile("\\|timestamp=(-?\\d+)");
        private final EventText text = new EventText();
        private final List<String> lines = new ArrayList<>();
        private long time;

        void read(final DirectBuffer events, final int offset, final int length)
        {
            lines.clear();
            time = 0;
            int position = offset;
            while (position < offset + length)
            {
                final String line = text.describe(events, position);
                if (lines.isEmpty())
                {
                    final Matcher timestamp = TIMESTAMP.matcher(line);
                    time = timestamp.find() ? Long.parseLong(timestamp.group(1)) : 0;
                }
                lines.add(line);
                position += text.lengthAt(events, position);
            }
        }

        List<String> lines()
        {
            return lines;
        }

        long time()
        {
            return time;
        }
    }
}
