package org.p2px.gateway.ws;

/**
 * A token bucket: {@code perSecond} tokens a second up to {@code burst}; each request takes one. Time comes in as an
 * argument (nanoseconds), so the arithmetic is tested without a clock.
 */
final class TokenBucket
{
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(final int perSecond, final int burst, final long nowNanos)
    {
        if (perSecond <= 0 || burst <= 0)
        {
            throw new IllegalArgumentException("rate and burst must be positive: " + perSecond + ", " + burst);
        }
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    synchronized boolean tryTake(final long nowNanos)
    {
        final long elapsed = Math.max(0, nowNanos - lastNanos);
        lastNanos = Math.max(lastNanos, nowNanos);
        tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
        if (tokens < 1d)
        {
            return false;
        }
        tokens -= 1d;
        return true;
    }
}
