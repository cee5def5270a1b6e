package org.p2px.gateway.attachment;

import java.util.function.Supplier;

/**
 * The locks that keep concurrent uploads exact: on the bytes of a hash ({@link AttachmentBytes}: storing them and
 * committing the row that names them, or finding no row names them and deleting them, is one step per hash) and on
 * an order and an uploader (counting their rows and adding one is one step, so the per-order limit and the daily
 * quota are never passed). In this process ({@link ProcessUploadLocks}, one server on H2) or in PostgreSQL
 * ({@link AdvisoryUploadLocks}, shared by every gateway on the database); {@link UploadLocksProducer} picks one.
 * Always the bytes' locks first, then the order's, then the uploader's, so no two steps wait on each other in a circle.
 */
public interface UploadLocks
{
    /**
     * Runs {@code step} holding the locks of {@code sha256} and {@code other} (either may be null); what it reads and
     * writes in the database, including a {@link #holdingSlot} inside it, is committed before they are released.
     */
    <T> T holdingBytes(String sha256, String other, Supplier<T> step);

    /**
     * Runs {@code step} (count the rows, then add one) holding the order's and the uploader's locks, in a
     * transaction committed before they are released (with the bytes' step around it, when there is one).
     */
    <T> T holdingSlot(long orderId, long uploaderId, Supplier<T> step);
}
