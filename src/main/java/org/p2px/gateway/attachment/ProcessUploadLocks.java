package org.p2px.gateway.attachment;

import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@link UploadLocks} in this process's memory ({@link StoredBytes}, {@link UploadSlots}): exact for one server,
 * which is the only one on its database (H2).
 */
final class ProcessUploadLocks implements UploadLocks
{
    private final UploadSlots slots = new UploadSlots();

    @Override
    public <T> T holdingBytes(final String sha256, final String other, final Supplier<T> step)
    {
        return StoredBytes.holding(sha256, other, step);
    }

    @Override
    public <T> T holdingSlot(final long orderId, final long uploaderId, final Supplier<T> step)
    {
        return slots.holding(orderId, uploaderId, () -> QuarkusTransaction.requiringNew().call(step::get));
    }
}
