package org.p2px.engine;

import java.nio.file.Path;
import java.time.Duration;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycles;
import org.p2px.core.CoreConfig;

/**
 * How the engine runs: where it keeps its journal and snapshots, how large its buffers are, how its core
 * thread idles, and how often it ticks and snapshots. Validated once, at construction.
 *
 * @param dataDirectory         journal in {@code journal/}, snapshots in {@code snapshots/} below it.
 * @param rollCycle             how often the journal rolls to a new file.
 * @param syncMode              NONE: an append is in the OS page cache when acknowledged (survives a process
 *                              crash); SYNC: forced to the device first (survives power loss), slower.
 * @param journalRetention      rolled journal files older than this, and already covered by a snapshot, are deleted.
 * @param commandBufferBytes    capacity of the inbound ring buffer (a power of two); full means BUSY.
 * @param eventBufferBytes      capacity of the outbound broadcast buffer (a power of two).
 * @param idleStrategy          how the core thread waits for work.
 * @param commandBatchLimit     most commands decided per duty cycle.
 * @param tickIntervalMs        how often the engine sends the core a Tick to fire deadlines.
 * @param snapshotEveryBatches  take a snapshot after this many journaled batches (0: never by count).
 * @param snapshotInterval      or after this much time with anything new (zero: never by time).
 * @param snapshotsKept         how many snapshots to keep.
 * @param snapshotNice          the snapshot replica thread's CPU priority, 0 (normal) to 19 (lowest): it follows the
 *                              journal in the background and no answer waits for it ({@link BackgroundPriority}).
 * @param verifyOnStart         check the core's invariants after recovery before reporting ready.
 * @param minFreeDiskBytes      commands are refused while the journal's disk has less free space (0: never).
 * @param core                  the trading rules.
 */
public record EngineConfig(
    Path dataDirectory,
    RollCycles rollCycle,
    SyncMode syncMode,
    Duration journalRetention,
    int commandBufferBytes,
    int eventBufferBytes,
    IdleStrategyKind idleStrategy,
    int commandBatchLimit,
    long tickIntervalMs,
    long snapshotEveryBatches,
    Duration snapshotInterval,
    int snapshotsKept,
    int snapshotNice,
    boolean verifyOnStart,
    long minFreeDiskBytes,
    CoreConfig core)
{
    /** Room for a few minutes of appends at the highest measured rate, and a snapshot or two. */
    public static final long DEFAULT_MIN_FREE_DISK_BYTES = 256L * 1024 * 1024;

    public EngineConfig
    {
        requirePowerOfTwo("commandBufferBytes", commandBufferBytes);
        requirePowerOfTwo("eventBufferBytes", eventBufferBytes);
        if (commandBatchLimit < 1 || tickIntervalMs < 1 || snapshotEveryBatches < 0 || snapshotsKept < 1 ||
            snapshotNice < 0 || snapshotNice > 19 ||
            snapshotInterval.isNegative() || journalRetention.isNegative() || minFreeDiskBytes < 0)
        {
            throw new IllegalArgumentException("invalid engine configuration: " + this);
        }
    }

    public static EngineConfig defaults(final Path dataDirectory)
    {
        return new EngineConfig(
            dataDirectory,
            RollCycles.FAST_HOURLY,
            SyncMode.NONE,
            Duration.ofDays(7),
            4 * 1024 * 1024,
            16 * 1024 * 1024,
            IdleStrategyKind.BACKOFF,
            256,
            100,
            1_000_000,
            Duration.ofMinutes(10),
            3,
            0,
            true,
            DEFAULT_MIN_FREE_DISK_BYTES,
            CoreConfig.defaults());
    }

    public Path journalDirectory()
    {
        return dataDirectory.resolve("journal");
    }

    public Path snapshotDirectory()
    {
        return dataDirectory.resolve("snapshots");
    }

    public EngineConfig withSnapshots(final long everyBatches, final Duration interval)
    {
        return new EngineConfig(dataDirectory, rollCycle, syncMode, journalRetention, commandBufferBytes,
            eventBufferBytes, idleStrategy, commandBatchLimit, tickIntervalMs, everyBatches, interval, snapshotsKept,
            snapshotNice, verifyOnStart, minFreeDiskBytes, core);
    }

    public EngineConfig withIdleStrategy(final IdleStrategyKind kind)
    {
        return new EngineConfig(dataDirectory, rollCycle, syncMode, journalRetention, commandBufferBytes,
            eventBufferBytes, kind, commandBatchLimit, tickIntervalMs, snapshotEveryBatches, snapshotInterval,
            snapshotsKept, snapshotNice, verifyOnStart, minFreeDiskBytes, core);
    }

    public EngineConfig withBuffers(final int commandBytes, final int eventBytes)
    {
        return new EngineConfig(dataDirectory, rollCycle, syncMode, journalRetention, commandBytes, eventBytes,
            idleStrategy, commandBatchLimit, tickIntervalMs, snapshotEveryBatches, snapshotInterval, snapshotsKept,
            snapshotNice, verifyOnStart, minFreeDiskBytes, core);
    }

    public EngineConfig withMinFreeDisk(final long bytes)
    {
        return new EngineConfig(dataDirectory, rollCycle, syncMode, journalRetention, commandBufferBytes,
            eventBufferBytes, idleStrategy, commandBatchLimit, tickIntervalMs, snapshotEveryBatches, snapshotInterval,
            snapshotsKept, snapshotNice, verifyOnStart, bytes, core);
    }

    /** These settings with other trading rules (journaled at start when they differ from the rules in force). */
    public EngineConfig withRules(final CoreConfig rules)
    {
        return new EngineConfig(dataDirectory, rollCycle, syncMode, journalRetention, commandBufferBytes,
            eventBufferBytes, idleStrategy, commandBatchLimit, tickIntervalMs, snapshotEveryBatches, snapshotInterval,
            snapshotsKept, snapshotNice, verifyOnStart, minFreeDiskBytes, rules);
    }

    public EngineConfig withVerifyOnStart(final boolean verify)
    {
        return new EngineConfig(dataDirectory, rollCycle, syncMode, journalRetention, commandBufferBytes,
            eventBufferBytes, idleStrategy, commandBatchLimit, tickIntervalMs, snapshotEveryBatches, snapshotInterval,
            snapshotsKept, snapshotNice, verify, minFreeDiskBytes, core);
    }

    private static void requirePowerOfTwo(final String name, final int value)
    {
        if (value <= 0 || Integer.bitCount(value) != 1)
        {
            throw new IllegalArgumentException(name + " must be a power of two: " + value);
        }
    }
}
