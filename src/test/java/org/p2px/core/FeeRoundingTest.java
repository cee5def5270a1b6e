package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Fees round down (docs/trading-rules.md): an order pays no fee only below 10,000 / bps minor units of the asset,
 * which a market's minimum order keeps out of reach. Rounding up instead would break the ad reservation's
 * guarantee (per-order fees rounded down never add up to more than the whole quantity's fee).
 */
class FeeRoundingTest
{
    @Test
    void onlyAnOrderBelowTenThousandOverBpsMinorUnitsPaysNoFee()
    {
        assertEquals(0, Money.fee(999, 10), "0.000999 USDT at 10 bps");
        assertEquals(1, Money.fee(1_000, 10), "0.001000 USDT at 10 bps");
        assertEquals(0, Money.fee(1_999, 5));
        assertEquals(1, Money.fee(2_000, 5));
    }

    @Test
    void theSmallestOrderOfATypicalMarketPaysAFee()
    {
        // 10.00 EUR minimum at 0.9200 EUR per USDT (6 decimals): 10.869565 USDT.
        final long smallest = Money.mulDivFloor(1_000, Money.pow10(6 + 4 - 2), 9_200);
        assertEquals(10_869_565, smallest);
        assertTrue(Money.fee(smallest, 1) > 0, "even at 1 bps");
    }

    @Test
    void perOrderFeesNeverAddUpToMoreThanTheWholeQuantitysFee()
    {
        final long whole = 1_000_000_007L;
        long parts = 0;
        long fees = 0;
        for (final long part : new long[]{ 333_333_335L, 333_333_336L, 333_333_336L })
        {
            parts += part;
            fees += Money.fee(part, 7);
        }
        assertEquals(whole, parts);
        assertTrue(fees <= Money.fee(whole, 7), fees + " <= " + Money.fee(whole, 7));
    }
}
