package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.ADMIN;
import static org.p2px.core.CoreHarness.EUR;
import static org.p2px.core.CoreHarness.EUR_UNIT;
import static org.p2px.core.CoreHarness.REVOLUT;
import static org.p2px.core.CoreHarness.SEPA;
import static org.p2px.core.CoreHarness.USDT;
import static org.p2px.core.CoreHarness.USDT_UNIT;
import static org.p2px.core.CoreHarness.WISE;
import static org.p2px.core.CoreHarness.ZELLE;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;
import static org.p2px.core.CoreConfig.DAY_MS;
import static org.p2px.core.CoreConfig.MINUTE_MS;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/**
 * The rules of ads: prices fixed and floating, limits, payment methods, payment window, posting thresholds, the
 * edit rate limit, quantity changes, the SELL ad's reservation, and what status does to the book.
 */
class AdRulesTest
{
    private static final long MERCHANT = 10;
    private static final long OTHER_MERCHANT = 11;
    private static final long USER = 20;
    private static final long BUYER = 21;

    private CoreHarness h;

    @BeforeEach
    void givenAWorld()
    {
        h = new CoreHarness().standardWorld();
        h.merchant(MERCHANT, 1_000);
        h.merchant(OTHER_MERCHANT, 1_000);
        h.user(USER, 0);
        h.user(BUYER, 0);
    }

    @AfterEach
    void stateIsSoundAndReplayable()
    {
        h.assertSoundAndReplayable();
    }

    // Prices.

    @Test
    void aFixedSellAdReservesItsQuantityPlusTheMakerFee()
    {
        ok(h.createAd(MERCHANT, Side.SELL, 500 * USDT_UNIT, AdStatus.ONLINE, terms(9200)));

        assertEquals(List.of("AdCreated"), h.events());
        assertTrue(h.eventsText().contains("reserved=500500000"));
        final Ad ad = h.adOf(h.lastAdId());
        assertEquals(9_200, h.priceOf(ad.id));
        assertEquals(500 * USDT_UNIT, ad.remaining);
        // 500 USDT + 10 bps = 500.500000 USDT, moved from available to locked.
        assertEquals(500_500_000, ad.reserved);
        assertEquals(500_500_000, h.locked(MERCHANT));
        assertEquals(499_500_000, h.available(MERCHANT));
    }

    @Test
    void aSellAdMayReserveEveryLastMinorUnitButNotOneMore()
    {
        // 999.000999 USDT + floor(999_000_999 x 10 / 10_000) = 999_000 fee = 999.999999 USDT <= 1000 USDT.
        ok(h.createAd(MERCHANT, Side.SELL, 999_000_999, AdStatus.ONLINE, terms(9200)));
        assertEquals(999_999_999, h.locked(MERCHANT));
        assertEquals(1, h.available(MERCHANT));

        // 999.001000 USDT + 0.999001 fee = 1000.000001 USDT > 1000 USDT.
        h.assertRejected(ErrorCode.INSUFFICIENT_BALANCE,
            () -> h.createAd(OTHER_MERCHANT, Side.SELL, 999_001_000, AdStatus.ONLINE, terms(9200)));
    }

    @Test
    void aBuyAdReservesNothing()
    {
        final long adId = h.ad(MERCHANT, Side.BUY, 5_000, terms(9100));

        assertEquals(0, h.adOf(adId).reserved);
        assertEquals(0, h.locked(MERCHANT));
        assertEquals(1_000 * USDT_UNIT, h.available(MERCHANT));
        assertEquals(List.of(adId), h.book(Side.BUY));
    }

    @Test
    void aFloatingAdFollowsEveryIndexUpdate()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(0).floating(150));
        // 9200 x 10_150 / 10_000 = 9338.
        assertEquals(9_338, h.priceOf(adId));
        assertEquals(150, h.adOf(adId).marginBps);

        ok(h.setIndex(9_300));
        assertEquals(List.of("IndexPriceSet"), h.events());
        // 9300 x 10_150 / 10_000 = 9439.5, rounded down to the tick of 1: 9439.
        assertEquals(9_439, h.priceOf(adId));
        ok(h.setIndex(8_000));
        // 8000 x 1.015 = 8120.
        assertEquals(8_120, h.priceOf(adId));
        // The reservation does not depend on the price.
        assertEquals(500_500_000, h.adOf(adId).reserved);
    }

    @Test
    void anOrderOnAFloatingAdIsPricedWhenTakenAndKeepsThatPrice()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(0).floating(150));

        // 93.38 EUR at 0.9338: 9338 x 10^8 / 9338 = exactly 100 USDT.
        ok(h.take(BUYER, adId, 9_338, true, SEPA, 0));
        final long orderId = h.lastOrderIds().get(0);
        assertEquals(9_338, h.order(orderId).price);
        assertEquals(100 * USDT_UNIT, h.order(orderId).quantity);

        ok(h.setIndex(9_300));
        assertEquals(9_439, h.priceOf(adId));
        assertEquals(9_338, h.order(orderId).price);
        assertEquals(9_338, h.order(orderId).fiatAmount);
    }

    @Test
    void aFloatingPriceIsRoundedDownToTheMarketsTick()
    {
        // Market 2: tick of 10 (0.0010 EUR), index 0.9205.
        ok(h.createMarket(ADMIN, 2, USDT, EUR, 4, 10, 10 * EUR_UNIT, 10, 0, 0b1111));
        ok(h.setIndexIn(ADMIN, 2, 9_205));
        ok(h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(0).floating(33)));

        // 9205 x 10_033 / 10_000 = 9235.3765 -> 9235 -> on the tick of 10: 9230.
        assertEquals(9_230, h.priceOf(h.lastAdId()));
        h.assertRejected(ErrorCode.PRICE_NOT_ON_TICK,
            () -> h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_235)));
    }

    @Test
    void anIndexUpdateMovesFloatingAdsAndResortsTheBook()
    {
        final long fixedSell = h.ad(MERCHANT, Side.SELL, 100, terms(9_300));
        final long floatingSell = h.ad(OTHER_MERCHANT, Side.SELL, 100, terms(0).floating(50));
        final long fixedBuy = h.ad(MERCHANT, Side.BUY, 100, terms(9_100));
        final long floatingBuy = h.ad(OTHER_MERCHANT, Side.BUY, 100, terms(0).floating(-100));
        // At 0.9200: floating SELL 9200 x 1.005 = 9246 < 9300; floating BUY 9200 x 0.99 = 9108 > 9100.
        assertEquals(9_246, h.priceOf(floatingSell));
        assertEquals(9_108, h.priceOf(floatingBuy));
        assertEquals(List.of(floatingSell, fixedSell), h.book(Side.SELL));
        assertEquals(List.of(floatingBuy, fixedBuy), h.book(Side.BUY));

        ok(h.setIndex(9_300));
        // 9300 x 1.005 = 9346.5 -> 9346 > 9300; 9300 x 0.99 = 9207 > 9100.
        assertEquals(9_346, h.priceOf(floatingSell));
        assertEquals(List.of(fixedSell, floatingSell), h.book(Side.SELL));
        assertEquals(List.of(floatingBuy, fixedBuy), h.book(Side.BUY));

        ok(h.setIndex(9_150));
        // 9150 x 1.005 = 9195.75 -> 9195 < 9300; 9150 x 0.99 = 9058.5 -> 9058 < 9100.
        assertEquals(9_058, h.priceOf(floatingBuy));
        assertEquals(List.of(floatingSell, fixedSell), h.book(Side.SELL));
        assertEquals(List.of(fixedBuy, floatingBuy), h.book(Side.BUY));
    }

    @Test
    void theBookIsBestPriceFirstThenOldestFirst()
    {
        final long a = h.ad(MERCHANT, Side.SELL, 100, terms(9_300));
        final long b = h.ad(OTHER_MERCHANT, Side.SELL, 100, terms(9_250));
        final long c = h.ad(MERCHANT, Side.SELL, 100, terms(9_250));
        final long d = h.ad(MERCHANT, Side.BUY, 100, terms(9_000));
        final long e = h.ad(OTHER_MERCHANT, Side.BUY, 100, terms(9_100));
        final long f = h.ad(OTHER_MERCHANT, Side.BUY, 100, terms(9_000));

        assertEquals(List.of(b, c, a), h.book(Side.SELL));
        assertEquals(List.of(e, d, f), h.book(Side.BUY));

        // A price edit is a fresh place in the queue: b moves behind c at 9250.
        ok(h.updateAd(OTHER_MERCHANT, b, terms(9_300).paymentWindowMinutes(15)));
        ok(h.updateAd(OTHER_MERCHANT, b, terms(9_250)));
        assertEquals(List.of(c, b, a), h.book(Side.SELL));
        // An edit that keeps the price keeps the place.
        ok(h.updateAd(MERCHANT, c, terms(9_250).paymentWindowMinutes(30)));
        assertEquals(List.of(c, b, a), h.book(Side.SELL));
    }

    @Test
    void fixedPricesMustBePositiveAndOnTheTick()
    {
        h.assertRejected(ErrorCode.INVALID_PRICE,
            () -> h.createAd(MERCHANT, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(0)));
        h.assertRejected(ErrorCode.INVALID_PRICE,
            () -> h.createAd(MERCHANT, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(-9_200)));
    }

    @Test
    void marginsAreBoundedByFiftyPercent()
    {
        ok(h.createAd(MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(0).floating(-5_000)));
        // 9200 x 0.5 = 4600.
        assertEquals(4_600, h.priceOf(h.lastAdId()));
        ok(h.createAd(MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(0).floating(5_000)));
        assertEquals(13_800, h.priceOf(h.lastAdId()));

        h.assertRejected(ErrorCode.INVALID_MARGIN,
            () -> h.createAd(MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(0).floating(5_001)));
        h.assertRejected(ErrorCode.INVALID_MARGIN,
            () -> h.createAd(MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(0).floating(-5_001)));
    }

    // Limits, payment methods, payment window.

    @Test
    void limitsMustRespectTheMarketMinimumAndBeOrdered()
    {
        // The market's minimum is 10 EUR.
        h.assertRejected(ErrorCode.INVALID_LIMITS, () -> h.createAd(MERCHANT, Side.SELL, USDT_UNIT, AdStatus.ONLINE,
            terms(9_200).limits(999, 100_000)));
        h.assertRejected(ErrorCode.INVALID_LIMITS, () -> h.createAd(MERCHANT, Side.SELL, USDT_UNIT, AdStatus.ONLINE,
            terms(9_200).limits(5_000, 4_999)));

        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200).limits(4_600, 4_600));
        assertEquals(4_600, h.adOf(adId).minFiat);
        assertEquals(4_600, h.adOf(adId).maxFiat);
    }

    @Test
    void aFixedPriceLiesWithinHalfOfTheIndexEitherWayJudgedAtEachPostAndEdit()
    {
        // Index 0.9200: 0.4600 and 1.3800 are exactly 50 % away.
        ok(h.createAd(MERCHANT, Side.SELL, 10 * USDT_UNIT, AdStatus.ONLINE, terms(4_600)));
        ok(h.createAd(MERCHANT, Side.BUY, 10 * USDT_UNIT, AdStatus.ONLINE, terms(13_800)));
        final long adId = h.lastAdId();
        h.assertRejected(ErrorCode.PRICE_OUT_OF_BAND,
            () -> h.createAd(MERCHANT, Side.BUY, 10 * USDT_UNIT, AdStatus.ONLINE, terms(13_801)));
        // A price already posted stays when the index moves; an edit is judged at the new index.
        ok(h.setIndex(5_000));
        assertEquals(13_800, h.adOf(adId).price);
        h.assertRejected(ErrorCode.PRICE_OUT_OF_BAND, () -> h.updateAd(MERCHANT, adId, terms(13_800)));
        ok(h.updateAd(MERCHANT, adId, terms(7_500)));
    }

    @Test
    void anOrderMustFitTheAdsLimits()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200).limits(20 * EUR_UNIT, 100 * EUR_UNIT));

        h.assertRejected(ErrorCode.AD_LIMIT_EXCEEDED, () -> h.take(BUYER, adId, 1_999, true, SEPA, 0));
        h.assertRejected(ErrorCode.AD_LIMIT_EXCEEDED, () -> h.take(BUYER, adId, 10_001, true, SEPA, 0));
        // By quantity: 108.695653 USDT x 0.92 = 100.0000008 EUR, rounded up to 100.01 EUR for a buying taker.
        h.assertRejected(ErrorCode.AD_LIMIT_EXCEEDED, () -> h.take(BUYER, adId, 108_695_653, false, SEPA, 0));

        ok(h.take(BUYER, adId, 2_000, true, SEPA, 0));
        ok(h.markPaid(BUYER, h.lastOrderIds().get(0)));
        ok(h.take(BUYER, adId, 10_000, true, SEPA, 0));
        ok(h.markPaid(BUYER, h.lastOrderIds().get(0)));
        // 108.695652 USDT x 0.92 = 99.99999984 EUR, rounded up to exactly 100.00 EUR.
        ok(h.take(BUYER, adId, 108_695_652, false, SEPA, 0));
        assertEquals(10_000, h.order(h.lastOrderIds().get(0)).fiatAmount);
    }

    @Test
    void anAdAcceptsOneToFivePaymentMethodsOfItsMarket()
    {
        // Market 2 offers six methods (bits 0 to 5).
        ok(h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 10 * EUR_UNIT, 10, 0, 0b111111));
        ok(h.setIndexIn(ADMIN, 2, 9_200));

        ok(h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_200).paymentMethods(0b1)));
        ok(h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_200).paymentMethods(0b11111)));
        ok(h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_200).paymentMethods(0b111110)));
        h.assertRejected(ErrorCode.INVALID_PAYMENT_METHODS, () -> h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT,
            AdStatus.ONLINE, terms(9_200).paymentMethods(0b111111)));
        h.assertRejected(ErrorCode.INVALID_PAYMENT_METHODS, () -> h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT,
            AdStatus.ONLINE, terms(9_200).paymentMethods(0)));
        h.assertRejected(ErrorCode.INVALID_PAYMENT_METHODS, () -> h.createAdIn(2, MERCHANT, Side.BUY, USDT_UNIT,
            AdStatus.ONLINE, terms(9_200).paymentMethods(0b1000001)));
        // Market 1 offers only bits 0 to 3.
        h.assertRejected(ErrorCode.INVALID_PAYMENT_METHODS, () -> h.createAd(MERCHANT, Side.BUY, USDT_UNIT,
            AdStatus.ONLINE, terms(9_200).paymentMethods(0b10001)));
    }

    @Test
    void theTakerPaysWithOneOfTheAdsMethods()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200).paymentMethods(1L << WISE | 1L << REVOLUT));

        h.assertRejected(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED, () -> h.take(BUYER, adId, 9_200, true, SEPA, 0));
        h.assertRejected(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED, () -> h.take(BUYER, adId, 9_200, true, ZELLE, 0));
        h.assertRejected(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED, () -> h.take(BUYER, adId, 9_200, true, 200, 0));

        ok(h.take(BUYER, adId, 9_200, true, REVOLUT, 0));
        assertEquals(REVOLUT, h.order(h.lastOrderIds().get(0)).paymentMethod);
    }

    @Test
    void thePaymentWindowIsFifteenToOneHundredEightyMinutes()
    {
        assertEquals(15, new AdTermsSpec().paymentWindowMinutes);
        final long shortest = h.ad(MERCHANT, Side.BUY, 1, terms(9_000).paymentWindowMinutes(15));
        final long longest = h.ad(MERCHANT, Side.BUY, 1, terms(9_000).paymentWindowMinutes(180));
        assertEquals(15, h.adOf(shortest).paymentWindowMinutes);
        assertEquals(180, h.adOf(longest).paymentWindowMinutes);

        h.assertRejected(ErrorCode.INVALID_PAYMENT_WINDOW, () -> h.createAd(MERCHANT, Side.BUY, USDT_UNIT,
            AdStatus.ONLINE, terms(9_000).paymentWindowMinutes(14)));
        h.assertRejected(ErrorCode.INVALID_PAYMENT_WINDOW, () -> h.createAd(MERCHANT, Side.BUY, USDT_UNIT,
            AdStatus.ONLINE, terms(9_000).paymentWindowMinutes(181)));
        h.assertRejected(ErrorCode.INVALID_PAYMENT_WINDOW, () -> h.updateAd(MERCHANT, shortest,
            terms(9_000).paymentWindowMinutes(0)));
    }

    // Posting thresholds.

    @Test
    void aUserPostsOnlyOnceOldEnoughWithTwentyCompletedOrdersAtEightyPercent()
    {
        final long seller = h.ad(MERCHANT, Side.SELL, 900, terms(10_000));
        final AdTermsSpec buyTerms = terms(9_000);
        h.assertRejected(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(USER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, buyTerms));

        h.advance(30 * DAY_MS - 1);
        h.assertRejected(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(USER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, buyTerms));
        h.advance(1);
        for (int i = 0; i < 19; i++)
        {
            buyAndComplete(seller);
        }
        h.assertRejected(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(USER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, buyTerms));
        buyAndComplete(seller);
        assertEquals(20, h.userOf(USER).completedOrders);

        ok(h.createAd(USER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, buyTerms));
        ok(h.setStatus(USER, h.lastAdId(), AdStatus.CLOSED));

        // KYC level 0 is below the threshold of 1.
        ok(h.setKyc(ADMIN, USER, 0));
        h.assertRejected(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(USER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, buyTerms));
        ok(h.setKyc(ADMIN, USER, 1));

        // 20 completed of 25 finished = 80.00%: still enough. Four cancels, then a pause past any restriction.
        for (int i = 0; i < 4; i++)
        {
            buyAndCancel(seller);
        }
        h.advance(DAY_MS / 2);
        buyAndCancel(seller);
        assertEquals(8_000, h.userOf(USER).completionRateBps(h.state().today()));
        ok(h.createAd(USER, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(10_000)));
        ok(h.setStatus(USER, h.lastAdId(), AdStatus.CLOSED));

        // 20 of 26 = 76.92%: not enough.
        buyAndCancel(seller);
        assertEquals(7_692, h.userOf(USER).completionRateBps(h.state().today()));
        h.assertRejected(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(USER, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(10_000)));
    }

    private void buyAndComplete(final long sellAd)
    {
        final long orderId = h.takeEur(USER, sellAd, 10);
        ok(h.markPaid(USER, orderId));
        ok(h.release(MERCHANT, orderId));
    }

    private void buyAndCancel(final long sellAd)
    {
        ok(h.cancel(USER, h.takeEur(USER, sellAd, 10)));
    }

    @Test
    void aMerchantPostsWithoutThresholds()
    {
        h.assertRejected(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(USER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_000)));

        ok(h.setRole(ADMIN, USER, Role.MERCHANT));
        ok(h.createAd(USER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_000)));
        assertEquals(List.of("AdCreated"), h.events());
    }

    @Test
    void aMerchantDemotedToUserMeetsTheThresholdsAgain()
    {
        ok(h.setRole(ADMIN, MERCHANT, Role.USER));

        h.assertRejected(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(MERCHANT, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(9_200)));
    }

    // Edit rate limit.

    @Test
    void anOwnerEditsAnAdAtMostTenTimesInFiveMinutes()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 100, terms(9_200));
        final long firstEdit = h.now + 1_000;
        for (int i = 0; i < 10; i++)
        {
            h.advance(1_000);
            final int kind = i % 3;
            if (kind == 0)
            {
                ok(h.updateAd(MERCHANT, adId, terms(9_200 + i)));
            }
            else if (kind == 1)
            {
                ok(h.changeQuantity(MERCHANT, adId, USDT_UNIT));
            }
            else
            {
                ok(h.setStatus(MERCHANT, adId, i % 2 == 0 ? AdStatus.OFFLINE : AdStatus.ONLINE));
            }
        }
        // Status went OFFLINE, ONLINE, OFFLINE.
        assertEquals(AdStatus.OFFLINE, h.adOf(adId).status);

        h.advance(1_000);
        h.assertRejected(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.updateAd(MERCHANT, adId, terms(9_300)));
        h.assertRejected(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.changeQuantity(MERCHANT, adId, USDT_UNIT));
        h.assertRejected(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.setStatus(MERCHANT, adId, AdStatus.ONLINE));
        h.now = firstEdit + 5 * MINUTE_MS - 1;
        h.assertRejected(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.updateAd(MERCHANT, adId, terms(9_300)));

        // Five minutes after the first edit it has left the window.
        h.now = firstEdit + 5 * MINUTE_MS;
        ok(h.updateAd(MERCHANT, adId, terms(9_300)));
        assertEquals(9_300, h.adOf(adId).price);
        h.assertRejected(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.updateAd(MERCHANT, adId, terms(9_400)));
    }

    @Test
    void closingIsAlwaysAllowedEvenWhenEditsAreRateLimited()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 100, terms(9_200));
        for (int i = 1; i <= 10; i++)
        {
            ok(h.updateAd(MERCHANT, adId, terms(9_200 + i)));
        }
        h.assertRejected(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.updateAd(MERCHANT, adId, terms(9_200)));

        ok(h.setStatus(MERCHANT, adId, AdStatus.CLOSED));
        assertNull(h.adOf(adId));
    }

    // Quantity changes.

    @Test
    void topUpAndReduceMoveTheReservationAndNeverTouchWhatIsFrozen()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200));

        ok(h.changeQuantity(MERCHANT, adId, 100 * USDT_UNIT));
        assertEquals(List.of("AdQuantityChanged"), h.events());
        // 600 USDT + 10 bps = 600.6 USDT: 100.1 more reserved.
        assertTrue(h.eventsText().contains("reservedDelta=100100000"));
        assertEquals(600_600_000, h.adOf(adId).reserved);
        assertEquals(399_400_000, h.available(MERCHANT));

        final long orderId = h.takeEur(BUYER, adId, 92);
        assertEquals(500 * USDT_UNIT, h.adOf(adId).remaining);
        assertEquals(100 * USDT_UNIT, h.adOf(adId).frozen);

        h.assertRejected(ErrorCode.AD_INSUFFICIENT_QUANTITY,
            () -> h.changeQuantity(MERCHANT, adId, -500 * USDT_UNIT - 1));
        ok(h.changeQuantity(MERCHANT, adId, -500 * USDT_UNIT));
        assertEquals(0, h.adOf(adId).remaining);
        assertEquals(100 * USDT_UNIT, h.adOf(adId).frozen);
        assertEquals(0, h.adOf(adId).reserved);
        // Only the order's escrow (100.1 USDT) stays locked.
        assertEquals(100_100_000, h.locked(MERCHANT));
        assertEquals(899_900_000, h.available(MERCHANT));
        assertEquals(List.of(), h.book(Side.SELL));
        h.assertRejected(ErrorCode.AD_INSUFFICIENT_QUANTITY, () -> h.changeQuantity(MERCHANT, adId, -1));

        // The cancelled order's quantity comes back as remaining, its escrow as the reservation.
        ok(h.cancel(BUYER, orderId));
        assertEquals(100 * USDT_UNIT, h.adOf(adId).remaining);
        assertEquals(100_100_000, h.adOf(adId).reserved);
        assertEquals(List.of(adId), h.book(Side.SELL));
    }

    @Test
    void aTopUpNeedsTheBalanceForItsReservation()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200));

        // 1000 USDT would reserve 1001 USDT: 500.5 more than the 499.5 available.
        h.assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> h.changeQuantity(MERCHANT, adId, 500 * USDT_UNIT));
        // 999 USDT reserve 999.999 USDT: 499.499 more, which fits.
        ok(h.changeQuantity(MERCHANT, adId, 499 * USDT_UNIT));
        assertEquals(999_999_000, h.locked(MERCHANT));
        assertEquals(1_000, h.available(MERCHANT));
    }

    @Test
    void aBuyAdChangesQuantityWithoutReserving()
    {
        final long adId = h.ad(MERCHANT, Side.BUY, 5_000, terms(9_100));

        ok(h.changeQuantity(MERCHANT, adId, 5_000 * USDT_UNIT));
        assertTrue(h.eventsText().contains("reservedDelta=0"));
        assertEquals(10_000 * USDT_UNIT, h.adOf(adId).remaining);
        ok(h.changeQuantity(MERCHANT, adId, -10_000 * USDT_UNIT));
        assertEquals(0, h.adOf(adId).remaining);
        assertEquals(List.of(), h.book(Side.BUY));
        assertEquals(0, h.locked(MERCHANT));
    }

    // Status.

    @Test
    void closingReleasesTheReservationAndEndsTheAd()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200));

        ok(h.setStatus(MERCHANT, adId, AdStatus.CLOSED));

        assertEquals(List.of("AdStatusChanged"), h.events());
        assertTrue(h.eventsText().contains("status=CLOSED"));
        assertNull(h.adOf(adId));
        assertEquals(0, h.locked(MERCHANT));
        assertEquals(1_000 * USDT_UNIT, h.available(MERCHANT));
        assertEquals(List.of(), h.book(Side.SELL));
        h.assertRejected(ErrorCode.AD_CLOSED, () -> h.take(BUYER, adId, 9_200, true, SEPA, 0));
        h.assertRejected(ErrorCode.AD_CLOSED, () -> h.setStatus(MERCHANT, adId, AdStatus.ONLINE));
        h.assertRejected(ErrorCode.AD_CLOSED, () -> h.updateAd(MERCHANT, adId, terms(9_300)));
    }

    @Test
    void offlineHidesAnAdFromTheBookAndFromTakersButKeepsIt()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200));
        assertEquals(List.of(adId), h.book(Side.SELL));

        ok(h.setStatus(MERCHANT, adId, AdStatus.OFFLINE));
        assertEquals(List.of(), h.book(Side.SELL));
        assertEquals(500_500_000, h.adOf(adId).reserved);
        h.assertRejected(ErrorCode.AD_NOT_ONLINE, () -> h.take(BUYER, adId, 9_200, true, SEPA, 0));
        h.assertRejected(ErrorCode.NO_MATCHING_AD,
            () -> h.express(BUYER, Side.BUY, 9_200, true, 0b1111, 0, false, 0));

        ok(h.setStatus(MERCHANT, adId, AdStatus.ONLINE));
        assertEquals(List.of(adId), h.book(Side.SELL));
        h.takeEur(BUYER, adId, 92);
    }

    @Test
    void anAdPostedOfflineIsNotInTheBook()
    {
        ok(h.createAd(MERCHANT, Side.SELL, USDT_UNIT * 100, AdStatus.OFFLINE, terms(9_200)));

        assertEquals(AdStatus.OFFLINE, h.adOf(h.lastAdId()).status);
        assertEquals(List.of(), h.book(Side.SELL));
        // Its reservation is held all the same.
        assertEquals(100_100_000, h.locked(MERCHANT));
    }

    @Test
    void aPrivateAdIsReachableOnlyByItsId()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200).visibility(Visibility.PRIVATE));

        assertEquals(List.of(), h.book(Side.SELL));
        h.assertRejected(ErrorCode.NO_MATCHING_AD,
            () -> h.express(BUYER, Side.BUY, 9_200, true, 0b1111, 0, false, 0));
        final long orderId = h.takeEur(BUYER, adId, 92);
        assertEquals(adId, h.order(orderId).sellAdId);
        assertFalse(h.adOf(adId).listed[Ad.PUBLIC_BOOK]);
    }

    @Test
    void onlyTheOwnerChangesAnAd()
    {
        final long adId = h.ad(MERCHANT, Side.SELL, 500, terms(9_200));

        h.assertRejected(ErrorCode.NOT_AD_OWNER, () -> h.updateAd(OTHER_MERCHANT, adId, terms(9_300)));
        h.assertRejected(ErrorCode.NOT_AD_OWNER, () -> h.setStatus(OTHER_MERCHANT, adId, AdStatus.CLOSED));
        h.assertRejected(ErrorCode.NOT_AD_OWNER, () -> h.changeQuantity(OTHER_MERCHANT, adId, -USDT_UNIT));
    }
}
