package org.p2px.testing;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.agrona.concurrent.EpochClock;

/**
 * The engine's clock in @QuarkusTests: the system time plus an offset a test moves forward to pass deadlines.
 * It only ever moves forward, so tests that do not move it are unaffected by tests that do.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ShiftableClock implements EpochClock
{
    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public long time()
    {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    public void advance(final long millis)
    {
        offsetMillis.addAndGet(millis);
    }
}
