package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.p2px.codec.Side;

class CoreSmokeTest
{
    @Test
    void aSellAdIsTakenPaidAndReleased()
    {
        final CoreHarness h = new CoreHarness().standardWorld();
        final long seller = h.merchant(10, 1_000);
        final long buyer = h.user(20, 0);
        final long adId = h.ad(seller, Side.SELL, 500, CoreHarness.terms(9200));
        assertEquals(500_000_000L + 500_000L, h.locked(seller));

        final long orderId = h.takeEur(buyer, adId, 92);
        assertEquals(List.of("OrderOpened"), h.events());
        final Order order = h.order(orderId);
        assertEquals(100 * CoreHarness.USDT_UNIT, order.quantity);
        assertEquals(9_200, order.fiatAmount);

        assertNull(h.markPaid(buyer, orderId));
        assertNull(h.release(seller, orderId));
        assertEquals(List.of("OrderCompleted"), h.events());
        assertEquals(100 * CoreHarness.USDT_UNIT, h.available(buyer));
        assertEquals(100_000L, h.fees());
        h.assertSoundAndReplayable();
    }
}
