package org.p2px.engine;

import org.agrona.DirectBuffer;

/**
 * A consumer of the engine's output, called on the consumer's thread (its own with {@link Engine#subscribe}, the
 * polling thread with {@link Engine#poller}), in batch-sequence order with no gap and no duplicate. The buffer is only valid during the call.
 */
@FunctionalInterface
public interface EventBatchHandler
{
    void onBatch(long batchSequence, long journalIndex, long sessionId, DirectBuffer events, int offset, int length);

    /** An answer for one session that was not journaled (SERVICE_UNAVAILABLE); most consumers ignore it. */
    default void onNotice(final long sessionId, final DirectBuffer events, final int offset, final int length)
    {
    }
}
