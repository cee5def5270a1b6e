package org.p2px.auth;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Counts wrong guesses per key (an account, an address, a user's fund password) in this process: after
 * {@code maxFailures} of them with no gap longer than {@code lockout}, the key is locked until {@code lockout} after
 * the last one. A success forgets the key. Bounded in memory: the least recently used keys go first, and a key is forgotten
 * {@code lockout} after its last failure. It counts the locks it has set, for the metrics.
 */
public final class FailureLimiter implements FailureCounts
{
    private final int maxFailures;
    private final long lockoutNanos;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;
    private final LongAdder lockouts = new LongAdder();

    private record Failures(int count, long lastNanos)
    {
    }

    public FailureLimiter(final int maxFailures, final Duration lockout, final long maxKeys, final Ticker ticker)
    {
        this.maxFailures = maxFailures;
        this.lockoutNanos = lockout.toNanos();
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(lockout).ticker(ticker).build();
    }

    @Override
    public Duration lockedFor(final String key)
    {
        final Failures seen = failures.getIfPresent(key);
        if (seen == null || seen.count() < maxFailures)
        {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, seen.lastNanos() + lockoutNanos - ticker.read()));
    }

    @Override
    public boolean failed(final String key)
    {
        final long now = ticker.read();
        final Failures after = failures.asMap().merge(key, new Failures(1, now),
            (before, first) -> new Failures(before.count() + 1, now));
        if (after.count() == maxFailures)
        {
            lockouts.increment(); // merge is atomic: exactly one failure reaches the limit
            return true;
        }
        return false;
    }

    @Override
    public long lockouts()
    {
        return lockouts.sum();
    }

    @Override
    public void forget(final String key)
    {
        failures.invalidate(key);
    }
}
