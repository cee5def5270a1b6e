package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.EUR_UNIT;
import static org.p2px.core.CoreHarness.SEPA;
import static org.p2px.core.CoreHarness.START;
import static org.p2px.core.CoreHarness.USDT_UNIT;
import static org.p2px.core.CoreHarness.WISE;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;
import static org.p2px.core.CoreConfig.MINUTE_MS;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Side;

/**
 * Matching: taking a named ad by fiat or by asset with the rounding of TradeRules (in the taker's disfavour,
 * by at most one minor unit), express (best price, then time; every rule of taking honoured; split fills all or
 * nothing), and the crossing of opted-in ads.
 *
 * <p>fiat minor units = quantity minor units x price / 10^8 (USDT scale 6, price scale 4, EUR scale 2).
 */
class MatchingTest
{
    private static final long M1 = 10;
    private static final long M2 = 11;
    private static final long M3 = 12;
    private static final long BUYER = 20;
    private static final long SELLER = 21;

    private CoreHarness h;

    @BeforeEach
    void givenMerchantsABuyerAndASeller()
    {
        h = new CoreHarness().standardWorld();
        h.merchant(M1, 1_000);
        h.merchant(M2, 1_000);
        h.merchant(M3, 1_000);
        h.user(BUYER, 0);
        h.user(SELLER, 1_000);
    }

    @AfterEach
    void stateIsSoundAndReplayable()
    {
        h.assertSoundAndReplayable();
    }

    private Order lastOrder()
    {
        return h.order(h.lastOrderIds().get(h.lastOrderIds().size() - 1));
    }

    // Taking a named ad: rounding.

    @Test
    void aBuyerNamingFiatGetsTheQuantityRoundedDown()
    {
        final long adId = h.ad(M1, Side.SELL, 500, terms(9_300));

        ok(h.take(BUYER, adId, 100 * EUR_UNIT, true, SEPA, 0));

        // 10_000 x 10^8 / 9300 = 107_526_881.72 -> 107_526_881.
        final Order order = lastOrder();
        assertEquals(107_526_881, order.quantity);
        assertEquals(10_000, order.fiatAmount);
        // The seller's fee is 10 bps rounded down: 107_526.881 -> 107_526.
        assertEquals(107_526, order.sellerFee);
        assertEquals(107_634_407, order.escrow());
    }

    @Test
    void aSellerNamingFiatGivesTheQuantityRoundedUp()
    {
        final long adId = h.ad(M1, Side.BUY, 500, terms(9_300));

        ok(h.take(SELLER, adId, 100 * EUR_UNIT, true, SEPA, 0));

        // 10_000 x 10^8 / 9300 = 107_526_881.72 -> 107_526_882.
        final Order order = lastOrder();
        assertEquals(107_526_882, order.quantity);
        assertEquals(10_000, order.fiatAmount);
        assertEquals(107_526_882, h.locked(SELLER));
        assertEquals(1_000 * USDT_UNIT - 107_526_882, h.available(SELLER));
    }

    @Test
    void aBuyerNamingAQuantityPaysTheFiatRoundedUp()
    {
        final long adId = h.ad(M1, Side.SELL, 500, terms(9_300));

        ok(h.take(BUYER, adId, 100_000_001, false, SEPA, 0));

        // 100_000_001 x 9300 / 10^8 = 9300.000093 -> 9301 cents.
        assertEquals(100_000_001, lastOrder().quantity);
        assertEquals(9_301, lastOrder().fiatAmount);
    }

    @Test
    void aSellerNamingAQuantityReceivesTheFiatRoundedDown()
    {
        final long adId = h.ad(M1, Side.BUY, 500, terms(9_300));

        ok(h.take(SELLER, adId, 100_000_001, false, SEPA, 0));

        // 100_000_001 x 9300 / 10^8 = 9300.000093 -> 9300 cents.
        assertEquals(100_000_001, lastOrder().quantity);
        assertEquals(9_300, lastOrder().fiatAmount);
        assertEquals(100_000_001, h.locked(SELLER));
    }

    @Test
    void aTakeNeedsTheAdToHoldTheWholeQuantity()
    {
        final long adId = h.ad(M1, Side.SELL, 50, terms(10_000));

        // 50 USDT at 1.0000 is 50 EUR: 50.01 EUR is too much.
        h.assertRejected(ErrorCode.AD_INSUFFICIENT_QUANTITY, () -> h.take(BUYER, adId, 5_001, true, SEPA, 0));
        ok(h.take(BUYER, adId, 5_000, true, SEPA, 0));
        assertEquals(0, h.adOf(adId).remaining);
        assertEquals(List.of(), h.book(Side.SELL));
    }

    // Express.

    @Test
    void expressPicksTheBestPriceThenTheOldestAd()
    {
        final long a = h.ad(M1, Side.SELL, 100, terms(9_300));
        final long b = h.ad(M2, Side.SELL, 100, terms(9_250));
        final long c = h.ad(M3, Side.SELL, 100, terms(9_250));

        ok(h.express(BUYER, Side.BUY, 9_250, true, 0b1111, 0, false, 0));
        assertEquals(List.of("OrderOpened"), h.events());
        // 92.50 EUR at 0.9250 = exactly 100 USDT.
        assertEquals(b, lastOrder().sellAdId);
        assertEquals(100 * USDT_UNIT, lastOrder().quantity);
        assertEquals(9_250, lastOrder().price);

        ok(h.markPaid(BUYER, lastOrder().id));
        ok(h.express(BUYER, Side.BUY, 9_250, true, 0b1111, 0, false, 0));
        assertEquals(c, lastOrder().sellAdId);
        ok(h.markPaid(BUYER, lastOrder().id));
        ok(h.express(BUYER, Side.BUY, 9_300, true, 0b1111, 0, false, 0));
        assertEquals(a, lastOrder().sellAdId);
        h.assertRejected(ErrorCode.NO_MATCHING_AD, () -> h.express(BUYER, Side.BUY, 9_300, true, 0b1111, 0, false, 0));
    }

    @Test
    void expressSellingPicksTheHighestBuyAd()
    {
        final long d = h.ad(M1, Side.BUY, 100, terms(9_100));
        final long e = h.ad(M2, Side.BUY, 100, terms(9_150));

        ok(h.express(SELLER, Side.SELL, 50 * USDT_UNIT, false, 0b1111, 0, false, 0));

        assertEquals(e, lastOrder().buyAdId);
        assertEquals(SELLER, lastOrder().seller.id);
        // 50 USDT at 0.9150 = 45.75 EUR.
        assertEquals(4_575, lastOrder().fiatAmount);
        assertEquals(50 * USDT_UNIT, h.locked(SELLER));
        assertEquals(List.of(e, d), h.book(Side.BUY));
    }

    @Test
    void expressPassesOverAdsWhoseGatesTheTakerFails()
    {
        h.ad(M2, Side.SELL, 100, terms(9_250).gates(2, 0, 0, 0));
        final long c = h.ad(M3, Side.SELL, 100, terms(9_260));

        ok(h.express(BUYER, Side.BUY, 5_000, true, 0b1111, 0, false, 0));

        assertEquals(c, lastOrder().sellAdId);
    }

    @Test
    void expressPassesOverBlockedCounterpartiesInBothDirections()
    {
        h.ad(M1, Side.SELL, 100, terms(9_240));
        h.ad(M2, Side.SELL, 100, terms(9_250));
        final long c = h.ad(M3, Side.SELL, 100, terms(9_260));
        ok(h.block(M1, BUYER));
        ok(h.block(BUYER, M2));

        ok(h.express(BUYER, Side.BUY, 5_000, true, 0b1111, 0, false, 0));

        assertEquals(c, lastOrder().sellAdId);
    }

    @Test
    void expressPassesOverTheTakersOwnAds()
    {
        h.ad(M2, Side.SELL, 100, terms(9_250));
        final long c = h.ad(M3, Side.SELL, 100, terms(9_260));

        ok(h.express(M2, Side.BUY, 5_000, true, 0b1111, 0, false, 0));

        assertEquals(c, lastOrder().sellAdId);
        assertEquals(M2, lastOrder().buyer.id);
    }

    @Test
    void expressHonoursThePriceLimit()
    {
        final long b = h.ad(M2, Side.SELL, 100, terms(9_250));
        h.ad(M3, Side.SELL, 100, terms(9_260));
        final long e = h.ad(M1, Side.BUY, 100, terms(9_150));

        h.assertRejected(ErrorCode.NO_MATCHING_AD, () -> h.express(BUYER, Side.BUY, 5_000, true, 0b1111, 9_249, false, 0));
        ok(h.express(BUYER, Side.BUY, 5_000, true, 0b1111, 9_250, false, 0));
        assertEquals(b, lastOrder().sellAdId);

        h.assertRejected(ErrorCode.NO_MATCHING_AD,
            () -> h.express(SELLER, Side.SELL, 5_000, true, 0b1111, 9_151, false, 0));
        ok(h.express(SELLER, Side.SELL, 5_000, true, 0b1111, 9_150, false, 0));
        assertEquals(e, lastOrder().buyAdId);
    }

    @Test
    void expressPaysOnlyWithTheTakersMethods()
    {
        h.ad(M2, Side.SELL, 100, terms(9_250).paymentMethods(1L << SEPA));
        final long c = h.ad(M3, Side.SELL, 100, terms(9_260).paymentMethods(1L << SEPA | 1L << WISE));

        h.assertRejected(ErrorCode.NO_MATCHING_AD,
            () -> h.express(BUYER, Side.BUY, 5_000, true, 1L << CoreHarness.ZELLE, 0, false, 0));
        ok(h.express(BUYER, Side.BUY, 5_000, true, 1L << WISE, 0, false, 0));

        assertEquals(c, lastOrder().sellAdId);
        assertEquals(WISE, lastOrder().paymentMethod);
    }

    @Test
    void expressPassesOverAdsThatCannotFillTheWholeAmount()
    {
        h.ad(M1, Side.SELL, 100, terms(9_200).limits(10 * EUR_UNIT, 40 * EUR_UNIT));
        h.ad(M2, Side.SELL, 10, terms(9_210));
        final long c = h.ad(M3, Side.SELL, 100, terms(9_260));

        ok(h.express(BUYER, Side.BUY, 50 * EUR_UNIT, true, 0b1111, 0, false, 0));

        assertEquals(c, lastOrder().sellAdId);
    }

    @Test
    void aRestrictedTakerGetsNoExpressOrder()
    {
        final long adId = h.ad(M1, Side.SELL, 100, terms(10_000));
        for (int i = 0; i < 4; i++)
        {
            ok(h.cancel(BUYER, h.takeEur(BUYER, adId, 10)));
        }

        h.assertRejected(ErrorCode.USER_RESTRICTED, () -> h.express(BUYER, Side.BUY, 1_000, true, 0b1111, 0, true, 0));
    }

    @Test
    void expressSplitsAcrossAdsBestFirstOnlyWhenAllowedAndNoSingleAdCanFill()
    {
        final long a = h.ad(M1, Side.SELL, 100, terms(9_300));
        final long b = h.ad(M2, Side.SELL, 100, terms(9_250));
        final long c = h.ad(M3, Side.SELL, 100, terms(9_250));

        h.assertRejected(ErrorCode.NO_MATCHING_AD,
            () -> h.express(BUYER, Side.BUY, 200 * EUR_UNIT, true, 0b1111, 0, false, 0));
        ok(h.express(BUYER, Side.BUY, 200 * EUR_UNIT, true, 0b1111, 0, true, 55));

        assertEquals(List.of("OrderOpened", "OrderOpened", "OrderOpened"), h.events());
        final List<Long> ids = h.lastOrderIds();
        // b and c give all of their 100 USDT (92.50 EUR each); a gives the last 15 EUR:
        // 1500 x 10^8 / 9300 = 16_129_032.26 -> 16_129_032.
        assertEquals(b, h.order(ids.get(0)).sellAdId);
        assertEquals(9_250, h.order(ids.get(0)).fiatAmount);
        assertEquals(100 * USDT_UNIT, h.order(ids.get(0)).quantity);
        assertEquals(c, h.order(ids.get(1)).sellAdId);
        assertEquals(9_250, h.order(ids.get(1)).fiatAmount);
        assertEquals(a, h.order(ids.get(2)).sellAdId);
        assertEquals(1_500, h.order(ids.get(2)).fiatAmount);
        assertEquals(16_129_032, h.order(ids.get(2)).quantity);
        assertEquals(List.of(a), h.book(Side.SELL));

        // The retry of that request answers with its first order.
        ok(h.express(BUYER, Side.BUY, 200 * EUR_UNIT, true, 0b1111, 0, true, 55));
        assertEquals(List.of("DuplicateClientOrder"), h.events());
        assertEquals(ids.get(0), h.duplicateOf());
    }

    @Test
    void aSplitThatCannotCoverTheWholeAmountOpensNothing()
    {
        h.ad(M1, Side.SELL, 100, terms(9_300));
        h.ad(M2, Side.SELL, 100, terms(9_250));
        h.ad(M3, Side.SELL, 100, terms(9_250));

        // 92.50 + 92.50 + 93.00 = 278 EUR is all the book holds.
        h.assertRejected(ErrorCode.NO_MATCHING_AD,
            () -> h.express(BUYER, Side.BUY, 27_801, true, 0b1111, 0, true, 0));
        ok(h.express(BUYER, Side.BUY, 27_800, true, 0b1111, 0, true, 0));
        assertEquals(3, h.lastOrderIds().size());
        assertEquals(List.of(), h.book(Side.SELL));
    }

    @Test
    void aSellingSplitLocksTheWholeQuantityAcrossBuyAds()
    {
        final long d = h.ad(M1, Side.BUY, 100, terms(9_100).limits(10 * EUR_UNIT, 50 * EUR_UNIT));
        final long e = h.ad(M2, Side.BUY, 100, terms(9_150).limits(10 * EUR_UNIT, 50 * EUR_UNIT));

        ok(h.express(SELLER, Side.SELL, 100 * USDT_UNIT, false, 0b1111, 0, true, 0));

        // e first: at most 5000 x 10^8 / 9150 = 54_644_808 (4999 cents); d takes the other 45_355_192 (4127 cents).
        final List<Long> ids = h.lastOrderIds();
        assertEquals(2, ids.size());
        assertEquals(e, h.order(ids.get(0)).buyAdId);
        assertEquals(54_644_808, h.order(ids.get(0)).quantity);
        assertEquals(4_999, h.order(ids.get(0)).fiatAmount);
        assertEquals(d, h.order(ids.get(1)).buyAdId);
        assertEquals(45_355_192, h.order(ids.get(1)).quantity);
        assertEquals(4_127, h.order(ids.get(1)).fiatAmount);
        assertEquals(100 * USDT_UNIT, h.locked(SELLER));
    }

    @Test
    void aSellingSplitCountsWhatItHasAlreadyPromisedAgainstTheBalance()
    {
        h.ad(M1, Side.BUY, 100, terms(9_100).limits(10 * EUR_UNIT, 50 * EUR_UNIT));
        h.ad(M2, Side.BUY, 100, terms(9_150).limits(10 * EUR_UNIT, 50 * EUR_UNIT));
        h.user(22, 60);

        // 54.644808 USDT to the first ad leaves 5.355192 of 60, short of the 45.355192 the second would need.
        h.assertRejected(ErrorCode.NO_MATCHING_AD,
            () -> h.express(22, Side.SELL, 100 * USDT_UNIT, false, 0b1111, 0, true, 0));
        assertEquals(60 * USDT_UNIT, h.available(22));
    }

    /**
     * A SELL ad reduced while an order is open, then that order cancelled: 100 USDT, taken for 10.869999 USDT
     * (fee 10_869), reduced to 20.000001 USDT while that order is open, then the order is cancelled. Fees round
     * down per order, so re-reserving only the remainder would leave 30_900_869 for an escrow of
     * 30_870_000 + 30_870 = 30_900_870; the reduce keeps the unit the open order needs if it comes back.
     */
    private long reducedThenCancelled(final long owner)
    {
        final long adId = h.ad(owner, Side.SELL, 100, terms(9_200));
        ok(h.take(BUYER, adId, 10_869_999, false, SEPA, 0));
        final long orderId = h.lastOrderIds().get(0);
        ok(h.changeQuantity(owner, adId, 20_000_001 - 89_130_001));
        ok(h.cancel(BUYER, orderId));
        assertEquals(30_870_000, h.adOf(adId).remaining);
        assertEquals(30_900_870, h.adOf(adId).reserved);
        return adId;
    }

    @Test
    void aReservationStaysWholeThroughReduceAndCancelSoASplitNeverDrawsOnTheOwner()
    {
        final long first = reducedThenCancelled(M1);
        final long second = reducedThenCancelled(M1);
        ok(h.withdraw(M1, h.available(M1)));

        ok(h.express(BUYER, Side.BUY, 2 * 30_870_000, false, 0b1111, 0, true, 0));

        assertEquals(2, h.lastOrderIds().size());
        assertEquals(0, h.available(M1));
        assertEquals(0, h.adOf(first).remaining);
        assertEquals(0, h.adOf(second).remaining);
    }

    // Crossing.

    private static AdTermsSpec auto(final long price)
    {
        return terms(price).autoMatch(true);
    }

    @Test
    void aNewAdCrossesARestingOneAtTheRestingPrice()
    {
        final long sell = h.ad(M1, Side.SELL, 100, auto(9_200));
        assertEquals(List.of("AdCreated"), h.events());

        ok(h.createAd(M2, Side.BUY, 300 * USDT_UNIT, AdStatus.ONLINE, auto(9_300)));
        final long buy = h.lastAdId();

        assertEquals(List.of("AdCreated", "OrderOpened"), h.events());
        final Order order = lastOrder();
        assertEquals(buy, order.buyAdId);
        assertEquals(sell, order.sellAdId);
        assertEquals(M2, order.buyer.id);
        assertEquals(M1, order.seller.id);
        assertEquals(M1, order.makerId);
        assertEquals(M2, order.takerId);
        assertEquals(9_200, order.price);
        assertEquals(100 * USDT_UNIT, order.quantity);
        assertEquals(9_200, order.fiatAmount);
        // Both owners posted an ad: both pay the maker fee.
        assertEquals(100_000, order.buyerFee);
        assertEquals(100_000, order.sellerFee);
        assertEquals(SEPA, order.paymentMethod);
        assertEquals(START + 15 * MINUTE_MS, order.payBy);
        assertFalse(h.adOf(sell).listed[Ad.PUBLIC_BOOK]);
        assertEquals(0, h.adOf(sell).remaining);
        assertEquals(200 * USDT_UNIT, h.adOf(buy).remaining);
        assertEquals(100 * USDT_UNIT, h.adOf(buy).frozen);

        // It then runs the ordinary lifecycle.
        ok(h.markPaid(M2, order.id));
        ok(h.release(M1, order.id));
        assertEquals(1_000 * USDT_UNIT + 99_900_000, h.available(M2));
        assertEquals(200_000, h.fees());
        assertEquals(1_000 * USDT_UNIT - 100_100_000, h.available(M1));
        assertEquals(0, h.locked(M1));
    }

    @Test
    void aRestingBuyAdSetsThePrice()
    {
        final long buy = h.ad(M2, Side.BUY, 300, auto(9_300));

        ok(h.createAd(M1, Side.SELL, 100 * USDT_UNIT, AdStatus.ONLINE, auto(9_200)));

        final Order order = lastOrder();
        assertEquals(buy, order.buyAdId);
        assertEquals(9_300, order.price);
        assertEquals(9_300, order.fiatAmount);
        assertEquals(M2, order.makerId);
        assertEquals(M1, order.takerId);
    }

    @Test
    void crossingTakesTheMostBothLimitsAllowAndRepeatsUntilNothingCrosses()
    {
        final AdTermsSpec limited = auto(9_200).limits(10 * EUR_UNIT, 50 * EUR_UNIT);
        final long sell = h.ad(M1, Side.SELL, 100, limited);

        ok(h.createAd(M2, Side.BUY, 300 * USDT_UNIT, AdStatus.ONLINE, auto(9_300).limits(10 * EUR_UNIT, 50 * EUR_UNIT)));

        assertEquals(List.of("AdCreated", "OrderOpened", "OrderOpened"), h.events());
        final List<Long> ids = h.lastOrderIds();
        // 5000 x 10^8 / 9200 = 54_347_826 (the buyer, later, pays rounded up: 4999.999992 -> 5000 cents);
        // then the rest, 45_652_174 (4200.000008 -> 4201 cents).
        assertEquals(54_347_826, h.order(ids.get(0)).quantity);
        assertEquals(5_000, h.order(ids.get(0)).fiatAmount);
        assertEquals(45_652_174, h.order(ids.get(1)).quantity);
        assertEquals(4_201, h.order(ids.get(1)).fiatAmount);
        // Escrows 54_402_173 + 45_697_826 = 100_099_999 of the 100_100_000 reserved: the sold-out ad keeps the
        // dust unit its open orders would need back if both were cancelled.
        assertEquals(1, h.adOf(sell).reserved);
        assertEquals(100_100_000, h.locked(M1));
        assertEquals(1_000 * USDT_UNIT - 100_100_000, h.available(M1));
    }

    @Test
    void oneAdCrossesSeveralRestingAdsBestFirst()
    {
        final long cheap = h.ad(M1, Side.SELL, 50, auto(9_200));
        final long dear = h.ad(M3, Side.SELL, 50, auto(9_250));
        final long tooDear = h.ad(M3, Side.SELL, 50, auto(9_400));

        ok(h.createAd(M2, Side.BUY, 300 * USDT_UNIT, AdStatus.ONLINE, auto(9_300)));

        assertEquals(List.of("AdCreated", "OrderOpened", "OrderOpened"), h.events());
        final List<Long> ids = h.lastOrderIds();
        assertEquals(cheap, h.order(ids.get(0)).sellAdId);
        assertEquals(9_200, h.order(ids.get(0)).price);
        assertEquals(dear, h.order(ids.get(1)).sellAdId);
        assertEquals(9_250, h.order(ids.get(1)).price);
        assertEquals(List.of(tooDear), h.book(Side.SELL));
        assertEquals(200 * USDT_UNIT, h.adOf(h.lastAdId()).remaining);
    }

    @Test
    void adsThatDidNotOptInNeverCross()
    {
        h.ad(M1, Side.SELL, 100, terms(9_200));
        h.ad(M3, Side.SELL, 100, auto(9_200));
        ok(h.setStatus(M3, h.lastAdId(), AdStatus.CLOSED));

        ok(h.createAd(M2, Side.BUY, 300 * USDT_UNIT, AdStatus.ONLINE, auto(9_300)));
        assertEquals(List.of("AdCreated"), h.events());
        ok(h.createAd(M3, Side.BUY, 300 * USDT_UNIT, AdStatus.ONLINE, terms(9_300)));
        assertEquals(List.of("AdCreated"), h.events());
    }

    @Test
    void anOwnersTwoAdsNeverCrossButAnotherOwnerStillCan()
    {
        h.ad(M1, Side.SELL, 100, auto(9_200));

        ok(h.createAd(M1, Side.BUY, 100 * USDT_UNIT, AdStatus.ONLINE, auto(9_300)));
        assertEquals(List.of("AdCreated"), h.events());
        final long ownBuy = h.lastAdId();

        // Another owner's SELL ad reaches M1's BUY ad, which rested first: at 9300.
        ok(h.createAd(M2, Side.SELL, 20 * USDT_UNIT, AdStatus.ONLINE, auto(9_250)));
        assertEquals(List.of("AdCreated", "OrderOpened"), h.events());
        assertEquals(ownBuy, lastOrder().buyAdId);
        assertEquals(9_300, lastOrder().price);
    }

    @Test
    void blockedOwnersNeverCross()
    {
        h.ad(M1, Side.SELL, 100, auto(9_200));
        ok(h.block(M2, M1));

        ok(h.createAd(M2, Side.BUY, 100 * USDT_UNIT, AdStatus.ONLINE, auto(9_300)));
        assertEquals(List.of("AdCreated"), h.events());

        ok(h.createAd(M3, Side.BUY, 100 * USDT_UNIT, AdStatus.ONLINE, auto(9_300)));
        assertEquals(List.of("AdCreated", "OrderOpened"), h.events());
        assertEquals(M3, lastOrder().buyer.id);
    }

    @Test
    void crossingNeedsACommonPaymentMethodAndPassedGates()
    {
        h.ad(M1, Side.SELL, 100, auto(9_200).paymentMethods(1L << SEPA));
        ok(h.createAd(M2, Side.BUY, 100 * USDT_UNIT, AdStatus.ONLINE, auto(9_300).paymentMethods(1L << WISE)));
        assertEquals(List.of("AdCreated"), h.events());

        // Merchants are KYC 2; an ad asking for KYC 3 does not cross them.
        ok(h.createAd(M3, Side.BUY, 100 * USDT_UNIT, AdStatus.ONLINE, auto(9_300).gates(3, 0, 0, 0)));
        assertEquals(List.of("AdCreated"), h.events());
    }

    @Test
    void anEditThatReachesTheOtherSideCrosses()
    {
        final long sell = h.ad(M1, Side.SELL, 100, auto(9_400));
        final long buy = h.ad(M2, Side.BUY, 100, auto(9_300));
        assertEquals(List.of("AdCreated"), h.events());

        ok(h.updateAd(M2, buy, auto(9_400)));

        assertEquals(List.of("AdUpdated", "OrderOpened"), h.events());
        assertEquals(sell, lastOrder().sellAdId);
        assertEquals(9_400, lastOrder().price);
    }

    @Test
    void goingOnlineCrosses()
    {
        ok(h.createAd(M2, Side.BUY, 100 * USDT_UNIT, AdStatus.OFFLINE, auto(9_300)));
        final long buy = h.lastAdId();
        h.ad(M1, Side.SELL, 100, auto(9_200));
        assertEquals(List.of("AdCreated"), h.events());

        ok(h.setStatus(M2, buy, AdStatus.ONLINE));

        assertEquals(List.of("AdStatusChanged", "OrderOpened"), h.events());
        // Coming online is a fresh place in time: the SELL ad rested first and sets the price.
        assertEquals(9_200, lastOrder().price);
        assertEquals(buy, lastOrder().buyAdId);
    }

    @Test
    void anIndexUpdateThatMovesAFloatingAdAcrossCrosses()
    {
        final long buy = h.ad(M2, Side.BUY, 100, auto(9_250));
        final long sell = h.ad(M1, Side.SELL, 100, auto(0).floating(100));
        // 9200 x 1.01 = 9292 > 9250.
        assertEquals(List.of("AdCreated"), h.events());

        ok(h.setIndex(9_150));

        // 9150 x 1.01 = 9241.5 -> 9241 <= 9250: crossed at the BUY ad's 9250, the BUY ad having rested first.
        assertEquals(List.of("IndexPriceSet", "OrderOpened"), h.events());
        assertEquals(buy, lastOrder().buyAdId);
        assertEquals(sell, lastOrder().sellAdId);
        assertEquals(9_250, lastOrder().price);
        assertEquals(100 * USDT_UNIT, lastOrder().quantity);
    }

    @Test
    void adsWithoutAPracticalUpperLimitStillCross()
    {
        // An upper limit of Long.MAX_VALUE cents converts to more USDT than a long holds: it simply does not bind.
        final AdTermsSpec unlimited = auto(9_200).limits(10 * EUR_UNIT, Long.MAX_VALUE);
        final long sell = h.ad(M1, Side.SELL, 100, unlimited);

        ok(h.createAd(M2, Side.BUY, 300 * USDT_UNIT, AdStatus.ONLINE, auto(9_300).limits(10 * EUR_UNIT, Long.MAX_VALUE)));

        assertEquals(List.of("AdCreated", "OrderOpened"), h.events());
        assertEquals(sell, lastOrder().sellAdId);
        assertEquals(100 * USDT_UNIT, lastOrder().quantity);
        assertEquals(9_200, lastOrder().fiatAmount);
    }

    @Test
    void aFloatingBuyAdThatTheIndexLiftsAcrossCrosses()
    {
        final long sell = h.ad(M1, Side.SELL, 100, auto(9_300));
        final long buy = h.ad(M2, Side.BUY, 100, auto(0).floating(50));
        // 9200 x 1.005 = 9246 < 9300.
        assertEquals(List.of("AdCreated"), h.events());

        ok(h.setIndex(9_260));

        // 9260 x 1.005 = 9306.3 -> 9306 >= 9300: crossed at the SELL ad's 9300, the SELL ad having rested first.
        assertEquals(List.of("IndexPriceSet", "OrderOpened"), h.events());
        assertEquals(buy, lastOrder().buyAdId);
        assertEquals(sell, lastOrder().sellAdId);
        assertEquals(9_300, lastOrder().price);
    }

    @Test
    void expressComparesFloatingAdsAtTheCurrentIndex()
    {
        final long fixed = h.ad(M1, Side.SELL, 100, terms(9_250));
        final long floating = h.ad(M2, Side.SELL, 100, terms(0).floating(50));
        // 9200 x 1.005 = 9246 < 9250.
        ok(h.express(BUYER, Side.BUY, 5_000, true, 0b1111, 0, false, 0));
        assertEquals(floating, lastOrder().sellAdId);
        assertEquals(9_246, lastOrder().price);

        ok(h.setIndex(9_300));
        // 9300 x 1.005 = 9346.5 -> 9346 > 9250.
        ok(h.express(BUYER, Side.BUY, 5_000, true, 0b1111, 0, false, 0));
        assertEquals(fixed, lastOrder().sellAdId);
        assertEquals(9_250, lastOrder().price);
    }

    @Test
    void anIndexUpdateThatCrossesNothingOpensNothing()
    {
        h.ad(M2, Side.BUY, 100, auto(9_250));
        h.ad(M1, Side.SELL, 100, auto(0).floating(100));

        ok(h.setIndex(9_300));

        assertEquals(List.of("IndexPriceSet"), h.events());
        assertTrue(h.state().orders.isEmpty());
        assertFalse(h.book(Side.SELL).isEmpty());
    }
}
