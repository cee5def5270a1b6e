package org.p2px.gateway;

/**
 * How far the read models have got. The gateways wait on it after a command so that a client that is answered
 * and then asks (its order, its balance) reads its own write.
 */
public interface ProjectionProgress
{
    /** Returns once every batch up to {@code batchSequence} is in the read models, or after {@code timeoutMillis}. */
    boolean awaitProjected(long batchSequence, long timeoutMillis);
}
