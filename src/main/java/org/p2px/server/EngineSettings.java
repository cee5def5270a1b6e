package org.p2px.server;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycles;
import org.p2px.engine.IdleStrategyKind;

/** The engine's settings under {@code p2px.engine.*}; see docs/operations.md for what each one does. */
@ConfigMapping(prefix = "p2px.engine")
public interface EngineSettings
{
    /** single (the engine in this process) or cluster (a gateway of a cluster, see {@link ClusterGatewaySettings}). */
    @WithDefault("single")
    EngineMode mode();

    /** Journal and snapshots live below this directory. */
    @WithDefault("data")
    String dataDir();

    @WithDefault("FAST_HOURLY")
    RollCycles rollCycle();

    /** NONE: durable against a process crash when acknowledged; SYNC: against power loss too (slower). */
    @WithDefault("NONE")
    SyncMode syncMode();

    @WithDefault("P7D")
    Duration journalRetention();

    @WithDefault("4194304")
    int commandBufferBytes();

    @WithDefault("16777216")
    int eventBufferBytes();

    @WithDefault("BACKOFF")
    IdleStrategyKind idleStrategy();

    @WithDefault("256")
    int commandBatchLimit();

    @WithDefault("100")
    long tickIntervalMs();

    @WithDefault("1000000")
    long snapshotEveryBatches();

    @WithDefault("PT10M")
    Duration snapshotInterval();

    @WithDefault("3")
    int snapshotsKept();

    /** The snapshot replica thread's nice value, 0 (normal priority) to 19 (lowest); see BackgroundPriority. */
    @WithDefault("10")
    int snapshotNice();

    @WithDefault("true")
    boolean verifyOnStart();

    /**
     * Commands are refused (SERVICE_UNAVAILABLE, not ready) while the journal's disk has less free space than this,
     * and taken again once it has twice as much; 0 turns the check off. An append on a full disk faults inside the
     * memory-mapped journal, so the engine stops before it gets there.
     */
    @WithDefault("256M")
    MemorySize minFreeDisk();
}
