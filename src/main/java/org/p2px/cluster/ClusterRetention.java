package org.p2px.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * What a member keeps, as the embedded engine's snapshot settings do: a snapshot of the cluster every
 * {@code snapshotInterval} (zero: only those an operator asks for), the newest {@code snapshotsKept} of them, the log
 * whole or, with {@code purgeLog}, only after the oldest kept snapshot, and the journal's rolled files until they are
 * {@code journalRetention} old, when that is set.
 *
 * <p>The log is kept whole by default: a member rebuilt empty (a lost disk, a damaged log) catches up by replaying
 * the leader's log from its first position, which a purged log no longer has.
 *
 * <p>The journal is kept whole by default, unlike the embedded engine's: a gateway's live view and projector start
 * from an empty core in cluster mode (the members write no snapshot files for them), so they need the journal from
 * its first batch.
 */
public record ClusterRetention(
    Duration snapshotInterval, int snapshotsKept, boolean purgeLog, Optional<Duration> journalRetention)
{
    public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofMinutes(10);
    public static final int DEFAULT_SNAPSHOTS_KEPT = 3;

    public ClusterRetention
    {
        if (snapshotInterval.isNegative() || journalRetention.map(Duration::isNegative).orElse(false))
        {
            throw new IllegalArgumentException(
                "p2px.cluster.snapshot-interval and journal-retention must not be negative");
        }
        if (snapshotsKept < 1)
        {
            throw new IllegalArgumentException("p2px.cluster.snapshots-kept must be at least 1, not " + snapshotsKept);
        }
    }
}
