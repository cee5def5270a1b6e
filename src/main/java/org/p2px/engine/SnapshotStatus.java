package org.p2px.engine;

/**
 * The newest snapshot as the snapshot replica knows it, for the metrics.
 *
 * @param batchSequence the batch the newest snapshot covers: 0 when there is none, -1 before the replica started.
 * @param takenAt       when it was taken (epoch milliseconds, by the engine's clock); with none on disk, when the
 *                      replica started, so that its age says how long the journal has gone without one.
 * @param durationNanos how long the last snapshot of this run took to serialize and write (0 before the first).
 * @param sizeBytes     how large it was (0 before the first).
 * @param failed        true once the replica has stopped on an error: no more snapshots until a restart.
 */
public record SnapshotStatus(long batchSequence, long takenAt, long durationNanos, int sizeBytes, boolean failed)
{
}
