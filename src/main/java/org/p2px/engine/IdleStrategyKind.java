package org.p2px.engine;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How the core thread waits when there is no work.
 * <ul>
 *   <li>BACKOFF: spin 100 times, then park for up to 1 ms. Cheapest when idle; a gateway that offers a command
 *   ends the park at once ({@link WakeableIdleStrategy}), so a command does not wait for a park to run out, and
 *   no yields or short timed parks burn a core that the gateways and the live view need (each of those was a trip
 *   through the scheduler between two commands).</li>
 *   <li>SPIN_YIELD: spin 1,000 times, then yield up to 100,000 times (tens of milliseconds), and only then park,
 *   from 1 us up to 100 us. Under a steady stream of commands the thread never parks, so a command is picked up
 *   within a yield; while yielding it gives the CPU to any other runnable thread, so it shares a small machine.
 *   An idle server costs a burst of yields after each command, then parks.</li>
 *   <li>BUSY_SPIN: lowest latency, owns a core.</li>
 *   <li>YIELDING, SLEEPING: always yield; always sleep 1 ms.</li>
 * </ul>
 */
public enum IdleStrategyKind
{
    BACKOFF,
    SPIN_YIELD,
    BUSY_SPIN,
    YIELDING,
    SLEEPING;

    public IdleStrategy create()
    {
        return switch (this)
        {
            case BACKOFF -> new WakeableIdleStrategy(100, 0, TimeUnit.MILLISECONDS.toNanos(1),
                TimeUnit.MILLISECONDS.toNanos(1));
            case SPIN_YIELD -> new BackoffIdleStrategy(1_000, 100_000, TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MICROSECONDS.toNanos(100));
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case YIELDING -> new YieldingIdleStrategy();
            case SLEEPING -> new SleepingMillisIdleStrategy(1);
        };
    }
}
