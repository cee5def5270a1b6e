package org.p2px.projector;

/**
 * How far the read models have got. History queries wait on it (briefly) for the batches the live view has
 * already applied, so a client that was answered and then lists its orders finds the order it was told about.
 * Trading calls never wait on it.
 */
public interface ProjectionProgress
{
    /** Returns once every batch up to {@code batchSequence} is in the read models, or after {@code timeoutMillis}. */
    boolean awaitProjected(long batchSequence, long timeoutMillis);
}
