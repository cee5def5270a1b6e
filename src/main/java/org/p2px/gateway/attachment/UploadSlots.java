package org.p2px.gateway.attachment;

import java.util.function.Supplier;

/**
 * Makes "count, then add a row" one step for an order and for an uploader, so that concurrent uploads cannot pass
 * the per-order limit or the daily quota: whoever adds a row holds the order's lock and the uploader's lock while
 * it counts and commits. Locks are striped (a fixed array, indexed by the id's hash), two arrays taken always
 * order's first, so two uploads never wait on each other in a circle. Exact within one server: the locks of
 * {@link ProcessUploadLocks}, for a database of the server's own (gateways sharing PostgreSQL use
 * {@link AdvisoryUploadLocks}).
 */
final class UploadSlots
{
    private final StripedLocks orders = new StripedLocks();
    private final StripedLocks users = new StripedLocks();

    /** Runs {@code step} (the recount and insert, in its own committed transaction) holding both locks. */
    <T> T holding(final long orderId, final long userId, final Supplier<T> step)
    {
        return StripedLocks.holdingBoth(orders.stripe(Long.hashCode(orderId)), users.stripe(Long.hashCode(userId)), step);
    }
}
