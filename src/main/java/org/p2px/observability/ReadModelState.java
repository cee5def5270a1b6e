package org.p2px.observability;

/**
 * How the read models (history, search: the database the projector fills) stand against the journal, at one moment.
 *
 * @param projectedBatch        the last batch in the read models; -1 before the projector has read its position
 *                              from the database.
 * @param journalBatch          the last batch in the journal; -1 while no engine runs.
 * @param lagBatches            batches in the journal and not in the read models.
 * @param lagSeconds            how long the oldest of them has waited at the projector (0 when none waits).
 * @param databaseReachable     whether the database answered its last check.
 * @param lastTransactionFailed whether the projector's last database transaction failed (it retries).
 * @param degraded              any of: the database does not answer, the projector's last transaction failed, the
 *                              read models are more than {@code p2px.health.read-models-max-lag} behind.
 */
public record ReadModelState(long projectedBatch, long journalBatch, long lagBatches, double lagSeconds,
    boolean databaseReachable, boolean lastTransactionFailed, boolean degraded)
{
    /** Ready once the projector has read its position from the database, that is once the database was reached. */
    public boolean ready()
    {
        return projectedBatch >= 0;
    }
}
