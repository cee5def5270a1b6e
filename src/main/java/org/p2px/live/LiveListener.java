package org.p2px.live;

/**
 * Told of every batch the live view applies, on the view's thread, in batch order, before the command's caller
 * gets its answer. It may read {@code state} during the call (and only then); it must not block: pushes are
 * queued, not written.
 */
@FunctionalInterface
public interface LiveListener
{
    void onApplied(LiveBatch batch, LiveState state);
}
