package org.p2px.gateway.attachment;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Bytes are stored once per SHA-256 and shared by every row that names the hash, so "store the bytes, then add
 * the row" and "no row names them: delete them" must not interleave for one hash: a refused upload would otherwise
 * delete the bytes that an upload of the same file stored a moment before committing its row, leaving that row
 * without bytes. Both steps run holding the hash's lock (striped; an upload's two hashes, file and thumbnail, are
 * taken in stripe order, so two steps never wait on each other in a circle). Exact within one server: the locks of
 * {@link ProcessUploadLocks}, for a database of the server's own (gateways sharing PostgreSQL and a store use
 * {@link AdvisoryUploadLocks}).
 */
final class StoredBytes
{
    private static final StripedLocks LOCKS = new StripedLocks();

    private StoredBytes()
    {
    }

    /** Runs {@code step} holding the locks of {@code sha256} and {@code other} (either may be null). */
    static <T> T holding(final String sha256, final String other, final Supplier<T> step)
    {
        final ReentrantLock a = sha256 == null ? null : LOCKS.stripe(sha256.hashCode());
        final ReentrantLock b = other == null ? null : LOCKS.stripe(other.hashCode());
        if (a == null && b == null)
        {
            return step.get();
        }
        if (a == null || b == null)
        {
            return StripedLocks.holdingBoth(a == null ? b : a, null, step);
        }
        // The lower stripe first, whichever hash is the file and which the thumbnail.
        return Math.floorMod(sha256.hashCode(), StripedLocks.STRIPES) <= Math.floorMod(other.hashCode(), StripedLocks.STRIPES)
            ? StripedLocks.holdingBoth(a, b, step) : StripedLocks.holdingBoth(b, a, step);
    }
}
