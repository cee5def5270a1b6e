package org.p2px.live;

/**
 * Told of every batch the live view applies, on the view's thread, in batch order. It may read {@code state} during
 * a call (and only then); it must not block: pushes are queued, not written.
 *
 * <p>{@code callerId} is the user whose command the batch answers on this gateway ({@link #NO_CALLER} when nobody
 * here waits for it): what that user must see before the answer goes first, everything else after it.
 */
public interface LiveListener
{
    /** The batch answers no caller of this gateway (a tick, another gateway's command, the engine's own). */
    long NO_CALLER = 0;

    /** Before the caller gets its answer: what the caller's own connections must see first. */
    void onApplied(LiveBatch batch, LiveState state, long callerId);

    /**
     * Right after the caller got its answer, for work no caller waits on (other users' pushes, market data): a
     * command's answer does not wait for it, and it still runs before the next batch is applied.
     */
    default void afterAnswer(final LiveBatch batch, final LiveState state, final long callerId)
    {
    }
}
