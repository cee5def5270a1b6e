package org.p2px.live;

/**
 * Told of every batch the live view applies, on the view's thread, in batch order. It may read {@code state} during
 * a call (and only then); it must not block: pushes are queued, not written.
 */
public interface LiveListener
{
    /** Before the command's caller gets its answer: what the caller's own connection must see first. */
    void onApplied(LiveBatch batch, LiveState state);

    /**
     * Right after the caller got its answer, for work no caller waits on (market data): a command's answer does not
     * wait for it, and it still runs before the next batch is applied.
     */
    default void afterAnswer(final LiveBatch batch, final LiveState state)
    {
    }
}
