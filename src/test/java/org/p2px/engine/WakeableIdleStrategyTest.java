package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A wake must end the consumer's park, and none may be lost in the race between the consumer's last look for
 * work and its park: the parks here last a minute, so a lost wake shows as a test that does not finish.
 */
class WakeableIdleStrategyTest
{
    private static final long A_MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aWakeEndsALongPark()
    {
        final WakeableIdleStrategy idle = new WakeableIdleStrategy(0, 0, A_MINUTE, A_MINUTE);
        final AtomicLong work = new AtomicLong();
        final Thread consumer = new Thread(() ->
        {
            while (work.get() == 0)
            {
                idle.idle(0);
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        {
            consumer.start();
            while (consumer.getState() != Thread.State.TIMED_WAITING)
            {
                Thread.onSpinWait();
            }
            work.set(1);
            idle.wake();
            consumer.join();
        });
    }

    @Test
    void noWakeIsLostOverManyHandOffs()
    {
        final int handOffs = 20_000;
        final WakeableIdleStrategy idle = new WakeableIdleStrategy(2, 1, A_MINUTE, A_MINUTE);
        final AtomicLong produced = new AtomicLong();
        final AtomicLong consumed = new AtomicLong();
        final Thread consumer = new Thread(() ->
        {
            while (consumed.get() < handOffs)
            {
                final long available = produced.get() - consumed.get();
                consumed.addAndGet(available);
                idle.idle((int)available);
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        {
            consumer.start();
            for (int i = 0; i < handOffs; i++)
            {
                produced.incrementAndGet();
                idle.wake();
                while (consumed.get() <= i)
                {
                    Thread.onSpinWait();
                }
            }
            consumer.join();
        });
        assertEquals(handOffs, consumed.get());
    }

    @Test
    void refusesParkPeriodsThatMakeNoSense()
    {
        assertThrows(IllegalArgumentException.class, () -> new WakeableIdleStrategy(1, 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new WakeableIdleStrategy(1, 1, 10, 5));
    }
}
