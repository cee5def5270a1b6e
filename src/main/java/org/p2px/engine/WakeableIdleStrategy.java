package org.p2px.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.IdleStrategy;

/**
 * Backs off as Agrona's {@code BackoffIdleStrategy} does (spin, then yield, then park for doubling periods), but a
 * producer that has just handed the thread work calls {@link #wake()} and ends its park at once. A lone command no
 * longer waits for a park of up to a millisecond to run out at each hop, and an idle thread can park long and
 * cost little.
 *
 * <p>No wake is lost: every idle round remembers how many wakes it has seen before the thread looks for work
 * again, and the thread parks only if none came since; a producer rings after its work is visible, so either the
 * thread sees the work or it sees the ring. A ring that comes while the thread is not parked costs one atomic
 * increment; only a parked thread is unparked.
 */
public final class WakeableIdleStrategy implements IdleStrategy
{
    private static final int NOT_IDLE = 0;
    private static final int SPINNING = 1;
    private static final int YIELDING = 2;
    private static final int PARKING = 3;

    private final long maxSpins;
    private final long maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;
    private final AtomicLong rings = new AtomicLong();
    private volatile Thread parked;

    private int state = NOT_IDLE;
    private long spins;
    private long yields;
    private long parkNanos;
    private long ringsSeen;

    public WakeableIdleStrategy(final long maxSpins, final long maxYields, final long minParkNanos,
        final long maxParkNanos)
    {
        if (minParkNanos <= 0 || maxParkNanos < minParkNanos)
        {
            throw new IllegalArgumentException("park periods out of range: " + minParkNanos + ".." + maxParkNanos);
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.parkNanos = minParkNanos;
    }

    /** Called by a producer after its work is visible to the idling thread: ends the thread's park, if any. */
    public void wake()
    {
        rings.getAndIncrement();
        final Thread thread = parked;
        if (thread != null)
        {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        switch (state)
        {
            case NOT_IDLE ->
            {
                state = SPINNING;
                spins = 1;
            }
            case SPINNING ->
            {
                Thread.onSpinWait();
                if (++spins > maxSpins)
                {
                    state = YIELDING;
                    yields = 0;
                }
            }
            case YIELDING ->
            {
                if (++yields > maxYields)
                {
                    state = PARKING;
                    parkNanos = minParkNanos;
                }
                else
                {
                    Thread.yield();
                }
            }
            default -> park();
        }
        ringsSeen = rings.get();
    }

    private void park()
    {
        parked = Thread.currentThread();
        // After announcing the park: a ring since the last look for work means there may be work, so look again.
        if (rings.get() == ringsSeen)
        {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos << 1, maxParkNanos);
        }
        parked = null;
    }

    @Override
    public void reset()
    {
        state = NOT_IDLE;
        spins = 0;
        yields = 0;
        parkNanos = minParkNanos;
        ringsSeen = rings.get();
    }

    @Override
    public String alias()
    {
        return "wakeable-backoff";
    }
}
