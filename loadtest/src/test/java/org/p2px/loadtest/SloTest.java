package org.p2px.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SloTest
{
    private static Slo.Measured measured(final Histogram take, final long lost, final long refused)
    {
        return new Slo.Measured()
        {
            @Override
            public Histogram latency(final String op)
            {
                return op.equals("order.take") ? take : new Histogram(3);
            }

            @Override
            public long lost()
            {
                return lost;
            }

            @Override
            public long refused()
            {
                return refused;
            }
        };
    }

    @Test
    void judgesPercentilesAndCounts()
    {
        final Histogram take = new Histogram(Latencies.HIGHEST, 3);
        for (int i = 1; i <= 100; i++)
        {
            take.recordValue(i * 1_000_000L);   // 1 to 100 ms
        }
        final List<Slo> slos = Slo.parse("order.take.p50<=60ms, order.take.p99<=50ms,lost<=0,refused<=2");
        final List<Slo.Result> results = Slo.checkAll(slos, measured(take, 0, 3));

        assertEquals(4, results.size());
        assertTrue(results.get(0).held(), results.get(0).toString());
        assertFalse(results.get(1).held(), "p99 is 99 ms");
        assertTrue(results.get(2).held());
        assertFalse(results.get(3).held(), "3 refused");
        assertEquals("3", results.get(3).actual());
    }

    @Test
    void anOperationNeverTimedIsAMiss()
    {
        final Slo.Result result = Slo.parse("order.cancel.p99<=10ms").get(0)
            .check(measured(new Histogram(3), 0, 0));
        assertFalse(result.held());
    }

    @Test
    void refusesWhatItCannotRead()
    {
        for (final String bad : new String[]{ "take<50", "order.take.p100<=5ms", "lost<=x", "order.take.p99<=5s" })
        {
            assertThrows(Options.BadOption.class, () -> Slo.parse(bad), bad);
        }
    }
}
