package org.p2px.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * Every bcrypt computation of the server, on a few threads of its own with a short queue: a burst of sign-ins
 * (each hash costs 50 to 100 ms of a core on purpose) then waits or is refused with RATE_LIMITED, and never takes
 * the cores that answer everyone else. A check for a user that does not exist hashes too ({@link #matchesNone}),
 * so that the answer's timing does not tell which usernames exist.
 */
public final class PasswordHashing implements AutoCloseable
{
    /** bcrypt cost: about 50-100 ms per hash on a server core, the usual trade-off against guessing. */
    static final int COST = 10;

    private final ThreadPoolExecutor hashers;
    private final String unknownUserHash;
    private final AtomicLong computations = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    public PasswordHashing(final int threads, final int queued)
    {
        final AtomicInteger names = new AtomicInteger();
        hashers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queued),
            task ->
            {
                final Thread thread = new Thread(task, "p2px-bcrypt-" + names.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        unknownUserHash = BcryptUtil.bcryptHash("no user has this password", COST);
    }

    public String hash(final String password)
    {
        return run(() -> BcryptUtil.bcryptHash(password, COST));
    }

    public boolean matches(final String password, final String hash)
    {
        return run(() -> BcryptUtil.matches(password, hash));
    }

    /** Spends what {@link #matches} would on a user that does not exist, and answers false. */
    public boolean matchesNone(final String password)
    {
        run(() -> BcryptUtil.matches(password, unknownUserHash));
        return false;
    }

    /** How many hashes were computed: tells tests that a path hashed, without timing it. */
    public long computations()
    {
        return computations.get();
    }

    /** How many password checks were refused RATE_LIMITED because the hashing threads and their queue were full. */
    public long refusals()
    {
        return refusals.get();
    }

    private <T> T run(final Callable<T> work)
    {
        final Future<T> result;
        try
        {
            result = hashers.submit(() ->
            {
                computations.incrementAndGet();
                return work.call();
            });
        }
        catch (final RejectedExecutionException ex)
        {
            refusals.incrementAndGet();
            throw ApiException.of(GatewayError.RATE_LIMITED, "Too many sign-ins and password checks at once; retry in a moment.");
        }
        try
        {
            return result.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new IllegalStateException("interrupted while a password was checked", ex);
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException("hashing a password failed", ex.getCause());
        }
    }

    @Override
    public void close()
    {
        hashers.shutdownNow();
    }
}
