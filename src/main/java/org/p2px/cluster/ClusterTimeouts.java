package org.p2px.cluster;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * Timeouts and idle strategies of a node, tuned for several members sharing a few cores on loopback: a dead leader
 * is noticed after {@code leaderHeartbeatTimeoutMs} of silence and a new one is elected well within a second; every
 * thread backs off to short parks instead of spinning. On real hosts with cores to spare, busy-spinning or yielding
 * threads cut latency, and a longer heartbeat timeout (Aeron's default is 10 s) rides out GC pauses and network
 * hiccups without a needless election; see docs/operations.md.
 */
public record ClusterTimeouts(
    long leaderHeartbeatTimeoutMs, long leaderHeartbeatIntervalMs, long electionTimeoutMs, long sessionTimeoutMs,
    long maxParkMicros)
{
    /** For a cluster on one host or a fast LAN: a new leader within a second. */
    public static ClusterTimeouts fastFailover()
    {
        return new ClusterTimeouts(300, 30, 100, 5_000, 1_000);
    }

    long nanos(final long ms)
    {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }

    /** Spins a little, yields a little, then parks up to {@code maxParkMicros}: no core burnt while idle. */
    Supplier<IdleStrategy> idle()
    {
        final long maxParkNs = TimeUnit.MICROSECONDS.toNanos(maxParkMicros);
        return () -> new BackoffIdleStrategy(10, 20, 1_000, maxParkNs);
    }
}
