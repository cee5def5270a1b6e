package org.p2px.gateway.attachment;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A fixed array of locks picked by hash (a lock per key would grow without bound), and holding two of them. */
final class StripedLocks
{
    static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    StripedLocks()
    {
        for (int i = 0; i < STRIPES; i++)
        {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock stripe(final int hash)
    {
        return locks[Math.floorMod(hash, STRIPES)];
    }

    /** Runs {@code step} holding {@code first}, then {@code second} too unless it is null or the same lock. */
    static <T> T holdingBoth(final ReentrantLock first, final ReentrantLock second, final Supplier<T> step)
    {
        first.lock();
        try
        {
            if (second == null || second == first)
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
}
