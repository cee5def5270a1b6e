package org.p2px.engine;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How the core thread waits when there is no work. BACKOFF (spin, then yield, then park up to 1 ms) suits a
 * machine with few cores; BUSY_SPIN gives the lowest latency but owns a core.
 */
public enum IdleStrategyKind
{
    BACKOFF,
    BUSY_SPIN,
    YIELDING,
    SLEEPING;

    public IdleStrategy create()
    {
        return switch (this)
        {
            case BACKOFF -> new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MILLISECONDS.toNanos(1));
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case YIELDING -> new YieldingIdleStrategy();
            case SLEEPING -> new SleepingMillisIdleStrategy(1);
        };
    }
}
