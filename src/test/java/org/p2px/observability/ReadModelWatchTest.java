package org.p2px.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the read models' state follows from the projector's, the journal's and the database's readings. */
class ReadModelWatchTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long MAX_LAG = 10 * SECOND;

    @Test
    void readModelsThatHoldEveryBatchHaveNoLagWhateverWaitedBefore()
    {
        final ReadModelState state = ReadModelWatch.state(42, 42, 30 * SECOND, true, false, MAX_LAG);
        assertEquals(0, state.lagBatches());
        assertEquals(0, state.lagSeconds());
        assertFalse(state.degraded());
        assertTrue(state.ready());
    }

    @Test
    void readModelsBehindForLongerThanTheLimitAreDegradedButReady()
    {
        final ReadModelState state = ReadModelWatch.state(5, 9, 12 * SECOND, true, false, MAX_LAG);
        assertEquals(4, state.lagBatches());
        assertEquals(12, state.lagSeconds());
        assertTrue(state.degraded());
        assertTrue(state.ready());
        assertFalse(ReadModelWatch.state(5, 9, SECOND, true, false, MAX_LAG).degraded(), "a second behind is normal");
    }

    @Test
    void aDatabaseThatDoesNotAnswerOrAFailedTransactionDegradesAndNeverUnreadies()
    {
        assertTrue(ReadModelWatch.state(9, 9, 0, false, false, MAX_LAG).degraded());
        assertTrue(ReadModelWatch.state(9, 9, 0, false, false, MAX_LAG).ready());
        assertTrue(ReadModelWatch.state(9, 9, 0, true, true, MAX_LAG).degraded());
    }

    @Test
    void beforeTheProjectorHasReadItsPositionTheReadModelsAreNotReady()
    {
        final ReadModelState state = ReadModelWatch.state(-1, 7, 0, true, false, MAX_LAG);
        assertFalse(state.ready());
        assertEquals(7, state.lagBatches());
    }
}
