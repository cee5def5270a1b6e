package org.p2px.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateScheduleTest
{
    @Test
    void eachEventIsDueAtItsPhaseStartPlusIndexOverRate()
    {
        final RateSchedule schedule = new RateSchedule().then("slow", 100, 0.05).then("fast", 1000, 0.01);
        final List<Long> due = new ArrayList<>();
        final long start = System.nanoTime();

        schedule.run(start, due::add);

        assertEquals(15, schedule.events());
        assertEquals(15, due.size());
        assertEquals(start, due.get(0));
        assertEquals(start + 40_000_000L, due.get(4));                // 4 / 100 per second
        assertEquals(start + 50_000_000L, due.get(5));                // the second phase starts at 50 ms
        assertEquals(start + 50_000_000L + 9_000_000L, due.get(14));  // 9 / 1000 per second
        assertEquals(1000, schedule.peakRate());
    }

    @Test
    void recoveryIsTheFirstSecondAfterWhichEverySecondStaysUnderTheLimit()
    {
        final double[] at = { 1, 2, 3, 4, 5, 6, 7, 8 };
        final double[] p99 = { 5, 5, 90, 40, 8, 30, 9, 7 };   // the burst ends at 3 s; 6 s goes over again

        assertEquals(7, TradeScenarios.recoveredAt(p99, at, 3, 10));
        assertEquals(-1, TradeScenarios.recoveredAt(new double[]{ 5, 50 }, new double[]{ 1, 2 }, 1, 10));
    }
}
