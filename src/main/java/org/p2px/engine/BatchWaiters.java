package org.p2px.engine;

import java.util.Arrays;

/**
 * The consumers that want their park ended as soon as the core has published a batch or a notice (the live view,
 * which answers the gateways' callers). The core rings them after each publication without allocating; the
 * others follow at the pace of their own backoff.
 */
final class BatchWaiters
{
    private volatile WakeableIdleStrategy[] waiters = new WakeableIdleStrategy[0];

    synchronized void add(final WakeableIdleStrategy waiter)
    {
        final WakeableIdleStrategy[] grown = Arrays.copyOf(waiters, waiters.length + 1);
        grown[grown.length - 1] = waiter;
        waiters = grown;
    }

    synchronized void remove(final WakeableIdleStrategy waiter)
    {
        waiters = Arrays.stream(waiters).filter(w -> w != waiter).toArray(WakeableIdleStrategy[]::new);
    }

    /** On the core thread, after a publication. */
    void wakeAll()
    {
        for (final WakeableIdleStrategy waiter : waiters)
        {
            waiter.wake();
        }
    }
}
