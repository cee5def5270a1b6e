package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenRefillAtTheRate()
    {
        final TokenBucket bucket = new TokenBucket(20, 40, 0);
        for (int i = 0; i < 40; i++)
        {
            assertTrue(bucket.tryTake(0), "token " + i);
        }
        assertFalse(bucket.tryTake(0));
        assertTrue(bucket.tryTake(SECOND / 20));
        assertFalse(bucket.tryTake(SECOND / 20));
        // A long pause refills up to the burst, not beyond.
        int taken = 0;
        while (bucket.tryTake(100 * SECOND))
        {
            taken++;
        }
        assertTrue(taken == 40, "taken " + taken);
    }

    @Test
    void aClockGoingBackDoesNotMintTokens()
    {
        final TokenBucket bucket = new TokenBucket(1, 1, 10 * SECOND);
        assertTrue(bucket.tryTake(10 * SECOND));
        assertFalse(bucket.tryTake(5 * SECOND));
        assertFalse(bucket.tryTake(10 * SECOND));
        assertTrue(bucket.tryTake(11 * SECOND));
    }

    @Test
    void rateAndBurstMustBePositive()
    {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, 0));
    }
}
