package org.p2px.gateway.attachment;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Bytes are stored once per SHA-256 and shared by every row that names the hash, so "store the bytes, then add
 * the row" and "no row names them: delete them" must not interleave for one hash: a refused upload would otherwise
 * delete the bytes that an upload of the same file stored a moment before committing its row, leaving that row
 * without bytes. Both steps run holding the hash's lock (striped; an upload's two hashes, file and thumbnail, are
 * taken in stripe order, so two steps never wait on each other in a circle). Exact within one server; gateways
 * sharing one store (several cluster gateways on S3) are not covered (docs/operations.md, "Several gateways").
 */
final class StoredBytes
{
    private static final int STRIPES = 64;
    private static final ReentrantLock[] LOCKS = newLocks();

    private StoredBytes()
    {
    }

    /** Runs {@code step} holding the locks of {@code sha256} and {@code other} (either may be null). */
    static <T> T holding(final String sha256, final String other, final Supplier<T> step)
    {
        final int a = stripe(sha256);
        final int b = stripe(other);
        final int low = a < 0 ? b : b < 0 ? a : Math.min(a, b);
        final int high = a < 0 || b < 0 ? low : Math.max(a, b);
        if (low < 0)
        {
            return step.get();
        }
        final ReentrantLock first = LOCKS[low];
        final ReentrantLock second = high == low ? null : LOCKS[high];
        first.lock();
        try
        {
            if (second == null)
            {
                return step.get();
            }
            second.lock();
            try
            {
                return step.get();
            }
            finally
            {
                second.unlock();
            }
        }
        finally
        {
            first.unlock();
        }
    }

    /** -1 for no hash. */
    private static int stripe(final String sha256)
    {
        return sha256 == null ? -1 : Math.floorMod(sha256.hashCode(), STRIPES);
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
