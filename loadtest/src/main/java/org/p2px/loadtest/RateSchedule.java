package org.p2px.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * An open-loop schedule: phases of a constant rate, one after the other. Event i of a phase that starts at T with
 * rate r is due at T + i / r whatever happened to the events before it, so a slow server cannot slow the offered
 * load down and hide its own latency (no coordinated omission).
 */
final class RateSchedule
{
    record Phase(String name, double rate, double seconds)
    {
        long events()
        {
            return Math.round(rate * seconds);
        }
    }

    private final List<Phase> phases = new ArrayList<>();

    RateSchedule then(final String name, final double rate, final double seconds)
    {
        phases.add(new Phase(name, rate, seconds));
        return this;
    }

    List<Phase> phases()
    {
        return List.copyOf(phases);
    }

    double seconds()
    {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    double peakRate()
    {
        return phases.stream().mapToDouble(Phase::rate).max().orElse(0);
    }

    long events()
    {
        return phases.stream().mapToLong(Phase::events).sum();
    }

    /** Runs the schedule on the calling thread from {@code startNanos}: {@code due} gets each intended send time. */
    void run(final long startNanos, final LongConsumer due)
    {
        long phaseStart = startNanos;
        for (final Phase phase : phases)
        {
            final long events = phase.events();
            for (long i = 0; i < events; i++)
            {
                final long intended = phaseStart + (long)(i * 1e9 / phase.rate());
                long wait;
                while ((wait = intended - System.nanoTime()) > 0)
                {
                    LockSupport.parkNanos(wait);
                }
                due.accept(intended);
            }
            phaseStart += (long)(phase.seconds() * 1e9);
        }
    }
}
