package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * Bugs the randomized simulation found, each reduced to the shortest command sequence that shows it, and kept
 * here so that they stay fixed.
 */
class SimulationRegressionTest
{
    /**
     * A SELL ad is funded (docs/product.md): a buyer must never meet a seller who cannot deliver. Fees round down
     * per order, so orders that come back to an ad return a little less than re-reserving their quantity would take;
     * when the ad was re-reserved exactly (by a quantity change) while they were out, the reservation ran short by
     * up to one minor unit per returning order, and a buyer taking the whole remainder from an owner with no spare
     * balance was refused with INSUFFICIENT_BALANCE.
     */
    @Test
    void aReservationNeverRunsShortOfTheRemainderAfterOrdersComeBack()
    {
        final CoreHarness h = new CoreHarness().standardWorld();
        final long seller = 10;
        CoreHarness.ok(h.registerUser(seller, Role.MERCHANT, 2));
        final long quantity = 1_000 * CoreHarness.USDT_UNIT;
        CoreHarness.ok(h.deposit(seller, quantity + quantity / 1_000));
        final long adId = h.ad(seller, Side.SELL, 1_000, CoreHarness.terms(9200).limits(1_000, 100_000_000));
        assertEquals(0, h.available(seller));

        // Ten buyers each take 11.000999 USDT: the maker fee of each rounds 0.999 of a unit down.
        final List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++)
        {
            final long buyer = h.user(100 + i, 0);
            CoreHarness.ok(h.take(buyer, adId, 11_000_999, false, CoreHarness.SEPA, 0));
            orders.add(h.lastOrderIds().get(0));
        }
        // The owner trims the ad to a remainder one unit past a whole fee step and withdraws what that freed.
        final long remaining = h.adOf(adId).remaining;
        CoreHarness.ok(h.changeQuantity(seller, adId, -(remaining - 500_000_001)));
        CoreHarness.ok(h.withdraw(seller, h.available(seller)));
        // Every order comes back to the ad.
        for (int i = 0; i < orders.size(); i++)
        {
            CoreHarness.ok(h.cancel(100 + i, orders.get(i)));
        }

        final Ad ad = h.adOf(adId);
        assertTrue(ad.reserved >= ad.remaining + ad.remaining * 10 / 10_000,
            "reserves " + ad.reserved + " for " + ad.remaining + " remaining");
        final long buyer = h.user(200, 0);
        assertNull(h.take(buyer, adId, ad.remaining, false, CoreHarness.SEPA, 0));
        h.assertSoundAndReplayable();
    }

    /**
     * The same promise when an ad sells out: what is left of its reservation goes back to the owner, except the
     * dust its open orders need to be re-reserved whole if they come back.
     */
    @Test
    void anAdThatSellsOutKeepsWhatItsOpenOrdersNeedToComeBack()
    {
        final CoreHarness h = new CoreHarness().standardWorld();
        final long seller = 10;
        CoreHarness.ok(h.registerUser(seller, Role.MERCHANT, 2));
        final long quantity = 100 * CoreHarness.USDT_UNIT;
        CoreHarness.ok(h.deposit(seller, quantity + quantity / 1_000));
        final long adId = h.ad(seller, Side.SELL, 100, CoreHarness.terms(9200).limits(1_000, 100_000_000));

        // Eight orders of 11.000999 USDT, then one for the rest: the ad sells out.
        final List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 9; i++)
        {
            final long amount = i < 8 ? 11_000_999 : h.adOf(adId).remaining;
            CoreHarness.ok(h.take(h.user(100 + i, 0), adId, amount, false, CoreHarness.SEPA, 0));
            orders.add(h.lastOrderIds().get(0));
        }
        assertEquals(0, h.adOf(adId).remaining);
        // Nothing to spare: the dust the open orders need stays in the ad.
        assertEquals(0, h.available(seller));
        assertTrue(h.adOf(adId).reserved > 0);
        for (int i = 0; i < orders.size(); i++)
        {
            CoreHarness.ok(h.cancel(100 + i, orders.get(i)));
        }

        final Ad ad = h.adOf(adId);
        assertEquals(quantity, ad.remaining);
        assertEquals(quantity + quantity / 1_000, ad.reserved);
        assertNull(h.take(h.user(200, 0), adId, quantity, false, CoreHarness.SEPA, 0));
        h.assertSoundAndReplayable();
    }

    /**
     * A BUY ad reserves nothing, so its quantity may be huge; but what is out in open orders comes back to its
     * remainder when they are cancelled. Topping up to a remainder that fits a long while orders are out let the
     * remainder overflow to a negative number on their return (found after 2.8 million commands of seed 2026).
     * The top-up is refused with AMOUNT_TOO_LARGE when remainder plus open orders would not fit.
     */
    @Test
    void aTopUpCannotLetReturningOrdersOverflowTheRemainder()
    {
        final CoreHarness h = new CoreHarness().standardWorld();
        final long buyer = h.merchant(10, 0);
        final long seller = h.user(20, 100);
        final long adId = h.ad(buyer, Side.BUY, 100, CoreHarness.terms(9_200));
        CoreHarness.ok(h.take(seller, adId, 20 * CoreHarness.USDT_UNIT, false, CoreHarness.SEPA, 0));
        final long orderId = h.lastOrderIds().get(0);
        final long room = Long.MAX_VALUE - h.adOf(adId).remaining;

        assertEquals(org.p2px.codec.ErrorCode.AMOUNT_TOO_LARGE, h.changeQuantity(buyer, adId, room));
        CoreHarness.ok(h.changeQuantity(buyer, adId, room - 20 * CoreHarness.USDT_UNIT));
        CoreHarness.ok(h.cancel(buyer, orderId));
        assertEquals(Long.MAX_VALUE, h.adOf(adId).remaining);
        h.assertSoundAndReplayable();
    }

    /**
     * Crossing repeats while a pair still crosses, and a pair can cross again and again: here a BUY ad priced a
     * fat finger high (100 million EUR per USDT) with a 1000 EUR upper limit rests first, so each crossing order
     * is 10 minor units at its price, and a 100 USDT SELL ad would have paired with it ten million times in one
     * command (the simulation ran out of memory building that batch). One command now opens at most
     * {@code maxCrossingOrders}; the next trigger goes on. (The default price band now refuses such a price; the
     * cap still bounds a market without a band.)
     */
    @Test
    void oneCommandOpensABoundedNumberOfCrossingOrders()
    {
        final CoreHarness h = new CoreHarness(CoreConfig.defaults().withMaxPriceDeviationBps(0)).standardWorld();
        final long buyer = h.merchant(10, 0);
        final long seller = h.merchant(11, 1_000);
        h.ad(buyer, Side.BUY, 100, CoreHarness.terms(1_000_000_000_000L).limits(1_000, 100_000).autoMatch(true));

        final long sellAd = h.ad(seller, Side.SELL, 100, CoreHarness.terms(9_200).autoMatch(true));
        final int cap = CoreConfig.defaults().maxCrossingOrders();
        assertEquals(cap, h.lastOrderIds().size());
        assertEquals(10, h.order(h.lastOrderIds().get(0)).quantity);
        assertEquals(100_000, h.order(h.lastOrderIds().get(0)).fiatAmount);
        assertEquals(100 * CoreHarness.USDT_UNIT - 10L * cap, h.adOf(sellAd).remaining);

        // The next trigger crosses on, again within the bound.
        CoreHarness.ok(h.changeQuantity(seller, sellAd, CoreHarness.USDT_UNIT));
        assertEquals(cap, h.lastOrderIds().size());
        h.assertSoundAndReplayable();
    }
}
