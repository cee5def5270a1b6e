package org.p2px.gateway.attachment;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes "count, then add a row" one step for an order and for an uploader, so that concurrent uploads cannot pass
 * the per-order limit or the daily quota: whoever adds a row holds the order's lock and the uploader's lock while
 * it counts and commits. Locks are striped (a fixed array, indexed by the id's hash), two arrays taken always
 * order's first, so two uploads never wait on each other in a circle. Exact within one server; with several cluster
 * gateways on one database, per gateway (docs/operations.md, "Several gateways").
 */
final class UploadSlots
{
    private static final int STRIPES = 64;

    private final ReentrantLock[] orders = newLocks();
    private final ReentrantLock[] users = newLocks();

    /** Runs {@code step} (the recount and insert, in its own committed transaction) holding both locks. */
    <T> T holding(final long orderId, final long userId, final Supplier<T> step)
    {
        final ReentrantLock order = orders[stripe(orderId)];
        final ReentrantLock user = users[stripe(userId)];
        order.lock();
        try
        {
            user.lock();
            try
            {
                return step.get();
            }
            finally
            {
                user.unlock();
            }
        }
        finally
        {
            order.unlock();
        }
    }

    private static int stripe(final long id)
    {
        return Math.floorMod(Long.hashCode(id), STRIPES);
    }

    private static ReentrantLock[] newLocks()
    {
        final ReentrantLock[] locks = new ReentrantLock[STRIPES];
        for (int i = 0; i < STRIPES; i++)
        {
            locks[i] = new ReentrantLock();
        }
        return locks;
    }
}
