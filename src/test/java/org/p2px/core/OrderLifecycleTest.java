package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.ADMIN;
import static org.p2px.core.CoreHarness.ARBITER;
import static org.p2px.core.CoreHarness.EUR;
import static org.p2px.core.CoreHarness.EUR_UNIT;
import static org.p2px.core.CoreHarness.MARKET;
import static org.p2px.core.CoreHarness.SEPA;
import static org.p2px.core.CoreHarness.START;
import static org.p2px.core.CoreHarness.USDT;
import static org.p2px.core.CoreHarness.USDT_UNIT;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;
import static org.p2px.core.CoreConfig.MINUTE_MS;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Side;

/**
 * Every transition of the order state machine of docs/product.md, with the escrow, fees and deadlines each one
 * moves.
 *
 * <p>The world of every test: merchant 10 holds 1000 USDT and sells 500 of them at 0.9200 EUR through one ad, which
 * reserves 500 USDT + 10 bps maker fee = 500.500000 USDT; user 20 buys 92 EUR of it, which is exactly 100 USDT
 * (9200 cents x 10^8 / 9200 = 100_000_000), with a seller fee of 0.100000 USDT and no buyer fee (taker fee 0).
 */
class OrderLifecycleTest
{
    private static final long SELLER = 10;
    private static final long BUYER = 20;
    private static final long STRANGER = 30;
    /** 100 USDT, the quantity of a 92 EUR order at 0.9200. */
    private static final long QTY = 100 * USDT_UNIT;
    /** 10 bps of 100 USDT. */
    private static final long SELLER_FEE = 100_000;
    private static final long ESCROW = QTY + SELLER_FEE;
    /** 500 USDT + 10 bps. */
    private static final long FULL_RESERVATION = 500_500_000;
    /** 1000 - 500.5 USDT. */
    private static final long SELLER_FREE = 499_500_000;

    private CoreHarness h;
    private long adId;

    @BeforeEach
    void givenASellAd()
    {
        h = new CoreHarness().standardWorld();
        h.merchant(SELLER, 1_000);
        h.user(BUYER, 0);
        h.user(STRANGER, 0);
        adId = h.ad(SELLER, Side.SELL, 500, terms(9200));
    }

    @AfterEach
    void stateIsSoundAndReplayable()
    {
        h.assertSoundAndReplayable();
    }

    private long openOrder()
    {
        final long orderId = h.takeEur(BUYER, adId, 92);
        assertEquals(List.of("OrderOpened"), h.events());
        return orderId;
    }

    private long paidOrder()
    {
        final long orderId = openOrder();
        ok(h.markPaid(BUYER, orderId));
        return orderId;
    }

    private long disputedOrder()
    {
        final long orderId = paidOrder();
        h.advance(10 * MINUTE_MS);
        ok(h.appeal(BUYER, orderId));
        return orderId;
    }

    /** The escrow is back in the open SELL ad's reservation and the ad is whole again. */
    private void assertEscrowBackOnTheAd()
    {
        assertEquals(FULL_RESERVATION, h.adOf(adId).reserved);
        assertEquals(500 * USDT_UNIT, h.adOf(adId).remaining);
        assertEquals(0, h.adOf(adId).frozen);
        assertEquals(FULL_RESERVATION, h.locked(SELLER));
        assertEquals(SELLER_FREE, h.available(SELLER));
        assertEquals(0, h.available(BUYER));
        assertEquals(0, h.fees());
        assertEquals(List.of(adId), h.book(Side.SELL));
    }

    @Test
    void takingLocksTheEscrowFromTheAdsReservationAndSetsThePaymentDeadline()
    {
        final long orderId = openOrder();

        final Order order = h.order(orderId);
        assertEquals(OrderState.PENDING_PAYMENT, order.state);
        assertEquals(QTY, order.quantity);
        assertEquals(92 * EUR_UNIT, order.fiatAmount);
        assertEquals(9_200, order.price);
        assertEquals(0, order.buyerFee);
        assertEquals(SELLER_FEE, order.sellerFee);
        assertEquals(SEPA, order.paymentMethod);
        assertEquals(adId, order.sellAdId);
        assertEquals(0, order.buyAdId);
        assertEquals(SELLER, order.makerId);
        assertEquals(BUYER, order.takerId);
        // The ad's 15 minute payment window: payBy = START + 15 x 60_000.
        assertEquals(START + 900_000, order.payBy);
        assertEquals(0, order.releaseBy);
        assertEquals(0, order.appealableFrom);
        assertTrue(h.eventsText().contains("payBy=" + (START + 900_000)));
        // 500.5 - 100.1 USDT stay reserved on the ad; the seller's locked total does not move.
        assertEquals(400_400_000, h.adOf(adId).reserved);
        assertEquals(400 * USDT_UNIT, h.adOf(adId).remaining);
        assertEquals(QTY, h.adOf(adId).frozen);
        assertEquals(FULL_RESERVATION, h.locked(SELLER));
        assertEquals(SELLER_FREE, h.available(SELLER));
    }

    @Test
    void thePaymentDeadlineFollowsTheAdsPaymentWindow()
    {
        final long slowAd = h.ad(SELLER, Side.SELL, 100, terms(9200).paymentWindowMinutes(180));

        final long orderId = h.takeEur(BUYER, slowAd, 92);

        // 180 x 60_000 = 10_800_000 ms.
        assertEquals(START + 10_800_000, h.order(orderId).payBy);
    }

    @Test
    void pendingPaymentToPaidToCompleted()
    {
        final long orderId = openOrder();
        h.advance(2 * MINUTE_MS);

        ok(h.markPaid(BUYER, orderId));
        assertEquals(List.of("OrderPaid"), h.events());
        final Order order = h.order(orderId);
        assertEquals(OrderState.PAID, order.state);
        final long paidAt = START + 2 * MINUTE_MS;
        assertEquals(paidAt, order.paidAt);
        // Release window 30 min, appeal wait 10 min, both counted from marking paid.
        assertEquals(paidAt + 1_800_000, order.releaseBy);
        assertEquals(paidAt + 600_000, order.appealableFrom);
        assertTrue(h.eventsText().contains("releaseBy=" + (paidAt + 1_800_000)));
        assertTrue(h.eventsText().contains("appealableFrom=" + (paidAt + 600_000)));

        h.advance(3 * MINUTE_MS);
        ok(h.release(SELLER, orderId));
        assertEquals(List.of("OrderCompleted"), h.events());
        assertTrue(h.eventsText().contains("byArbiter=FALSE"));
        assertNull(h.order(orderId));
        assertEquals(QTY, h.available(BUYER));
        assertEquals(SELLER_FEE, h.fees());
        // The seller's locked balance loses exactly the escrow: 500.5 - 100.1 = 400.4 USDT remain reserved.
        assertEquals(400_400_000, h.locked(SELLER));
        assertEquals(SELLER_FREE, h.available(SELLER));
        assertEquals(0, h.adOf(adId).frozen);
        assertEquals(QTY, h.adOf(adId).filled);
        assertEquals(1, h.userOf(BUYER).completedOrders);
        assertEquals(1, h.userOf(SELLER).completedOrders);
        assertEquals(ErrorCode.ORDER_FINISHED, h.release(SELLER, orderId));
    }

    @Test
    void pendingPaymentToCancelledByTheBuyer()
    {
        final long orderId = openOrder();

        ok(h.cancel(BUYER, orderId));

        assertEquals(List.of("OrderCancelled"), h.events());
        assertTrue(h.eventsText().contains("reason=BY_BUYER"));
        assertNull(h.order(orderId));
        assertEscrowBackOnTheAd();
        assertEquals(1, h.userOf(BUYER).prePayCancels.countAfter(0));
        assertEquals(0, h.userOf(BUYER).postPayCancels.countAfter(0));
    }

    @Test
    void pendingPaymentExpiresOnTheFirstTickAtOrAfterPayBy()
    {
        final long orderId = openOrder();

        h.advance(15 * MINUTE_MS - 1);
        ok(h.tick());
        assertEquals(List.of(), h.events());
        assertEquals(OrderState.PENDING_PAYMENT, h.order(orderId).state);

        h.advance(1);
        ok(h.tick());
        assertEquals(List.of("OrderExpired"), h.events());
        assertNull(h.order(orderId));
        assertEscrowBackOnTheAd();

        ok(h.tick());
        assertEquals(List.of(), h.events());
    }

    @Test
    void paidToCancelledByTheBuyerWhoDidNotPayAfterAll()
    {
        final long orderId = paidOrder();

        ok(h.cancel(BUYER, orderId));

        assertEquals(List.of("OrderCancelled"), h.events());
        assertTrue(h.eventsText().contains("reason=BY_BUYER"));
        assertEscrowBackOnTheAd();
        assertEquals(0, h.userOf(BUYER).prePayCancels.countAfter(0));
        assertEquals(1, h.userOf(BUYER).postPayCancels.countAfter(0));
    }

    @Test
    void paidToDisputedByTheBuyerOnceTheAppealWaitHasPassed()
    {
        final long orderId = paidOrder();

        h.advance(10 * MINUTE_MS - 1);
        assertEquals(ErrorCode.APPEAL_TOO_EARLY, h.appeal(BUYER, orderId));
        h.advance(1);
        ok(h.appeal(BUYER, orderId));

        assertEquals(List.of("OrderDisputed"), h.events());
        assertTrue(h.eventsText().contains("appellantId=" + BUYER));
        assertEquals(OrderState.DISPUTED, h.order(orderId).state);
        assertEquals(BUYER, h.order(orderId).appellantId);
        assertEquals(ESCROW, h.order(orderId).escrow());
    }

    @Test
    void paidToDisputedByTheSellerOnceTheAppealWaitHasPassed()
    {
        final long orderId = paidOrder();

        h.advance(10 * MINUTE_MS - 1);
        assertEquals(ErrorCode.APPEAL_TOO_EARLY, h.appeal(SELLER, orderId));
        h.advance(1);
        ok(h.appeal(SELLER, orderId));

        assertEquals(List.of("OrderDisputed"), h.events());
        assertEquals(OrderState.DISPUTED, h.order(orderId).state);
        assertEquals(SELLER, h.order(orderId).appellantId);
    }

    @Test
    void paidGoesToDisputeByItselfWhenTheReleaseDeadlinePasses()
    {
        final long orderId = paidOrder();

        h.advance(30 * MINUTE_MS - 1);
        ok(h.tick());
        assertEquals(List.of(), h.events());
        assertEquals(OrderState.PAID, h.order(orderId).state);

        h.advance(1);
        ok(h.tick());
        assertEquals(List.of("OrderDisputed"), h.events());
        assertTrue(h.eventsText().contains("appellantId=0"));
        assertEquals(OrderState.DISPUTED, h.order(orderId).state);
        assertEquals(0, h.order(orderId).appellantId);
        // Nobody wrote that appeal, so nobody can withdraw it.
        assertEquals(ErrorCode.NOT_APPEAL_AUTHOR, h.withdrawAppeal(BUYER, orderId));
        assertEquals(ErrorCode.NOT_APPEAL_AUTHOR, h.withdrawAppeal(SELLER, orderId));
    }

    @Test
    void disputedToCompletedByTheArbiter()
    {
        final long orderId = disputedOrder();

        ok(h.resolve(ARBITER, orderId, DisputeOutcome.RELEASE));

        assertEquals(List.of("OrderCompleted"), h.events());
        assertTrue(h.eventsText().contains("byArbiter=TRUE"));
        assertNull(h.order(orderId));
        assertEquals(QTY, h.available(BUYER));
        assertEquals(SELLER_FEE, h.fees());
        assertEquals(400_400_000, h.locked(SELLER));
        // An arbiter's release is not the seller's release time.
        assertEquals(0, h.userOf(SELLER).releaseCount);
        assertEquals(1, h.userOf(SELLER).completedOrders);
    }

    @Test
    void disputedToCancelledByTheArbitersRefund()
    {
        final long orderId = disputedOrder();

        ok(h.resolve(ARBITER, orderId, DisputeOutcome.REFUND));

        assertEquals(List.of("OrderCancelled"), h.events());
        assertTrue(h.eventsText().contains("reason=ARBITER_REFUND"));
        assertNull(h.order(orderId));
        assertEscrowBackOnTheAd();
        // A refund is not a cancel by the buyer: it does not count towards the cancel limits.
        assertEquals(0, h.userOf(BUYER).postPayCancels.countAfter(0));
    }

    @Test
    void disputedBackToPaidWhenItsAuthorWithdrawsTheAppeal()
    {
        final long orderId = disputedOrder();
        final long oldReleaseBy = h.order(orderId).releaseBy;
        h.advance(5 * MINUTE_MS);

        assertEquals(ErrorCode.NOT_APPEAL_AUTHOR, h.withdrawAppeal(SELLER, orderId));
        ok(h.withdrawAppeal(BUYER, orderId));

        assertEquals(List.of("AppealWithdrawn"), h.events());
        final Order order = h.order(orderId);
        assertEquals(OrderState.PAID, order.state);
        assertEquals(0, order.appellantId);
        // Fresh deadlines from the withdrawal: paid at START, disputed at +10 min, withdrawn at +15 min.
        final long withdrawnAt = START + 15 * MINUTE_MS;
        assertEquals(withdrawnAt + 30 * MINUTE_MS, order.releaseBy);
        assertEquals(withdrawnAt + 10 * MINUTE_MS, order.appealableFrom);

        // The first release deadline is stale now and fires nothing.
        h.now = oldReleaseBy;
        ok(h.tick());
        assertEquals(List.of(), h.events());
        assertEquals(OrderState.PAID, h.order(orderId).state);

        // The seller can still release normally.
        ok(h.release(SELLER, orderId));
        assertEquals(List.of("OrderCompleted"), h.events());
    }

    @Test
    void aWithdrawnAppealStillGoesToDisputeAtTheNewReleaseDeadline()
    {
        final long orderId = disputedOrder();
        ok(h.withdrawAppeal(BUYER, orderId));
        final long releaseBy = h.order(orderId).releaseBy;

        h.now = releaseBy;
        ok(h.tick());

        assertEquals(List.of("OrderDisputed"), h.events());
        assertEquals(0, h.order(orderId).appellantId);
    }

    @Test
    void theSellerAsksToCancelAndTheBuyerAccepts()
    {
        final long orderId = openOrder();

        ok(h.requestCancel(SELLER, orderId));
        assertEquals(List.of("CancelRequested"), h.events());
        assertTrue(h.order(orderId).cancelRequested);

        ok(h.reviewCancel(BUYER, orderId, true));
        assertEquals(List.of("OrderCancelled"), h.events());
        assertTrue(h.eventsText().contains("reason=SELLER_REQUEST_ACCEPTED"));
        assertNull(h.order(orderId));
        assertEscrowBackOnTheAd();
        // The seller wanted out: the buyer's cancel record stays clean, the seller's completion rate pays.
        assertEquals(0, h.userOf(BUYER).prePayCancels.countAfter(0));
        final long today = h.state().today();
        assertEquals(10_000, h.userOf(BUYER).completionRateBps(today));
        assertEquals(0, h.userOf(SELLER).completionRateBps(today));
    }

    @Test
    void theSellerAsksToCancelAPaidOrderAndTheBuyerRejects()
    {
        final long orderId = paidOrder();

        ok(h.requestCancel(SELLER, orderId));
        assertEquals(ErrorCode.CANCEL_REQUEST_PENDING, h.requestCancel(SELLER, orderId));
        ok(h.reviewCancel(BUYER, orderId, false));

        assertEquals(List.of("CancelRequestRejected"), h.events());
        final Order order = h.order(orderId);
        assertEquals(OrderState.PAID, order.state);
        assertFalse(order.cancelRequested);
        assertEquals(ErrorCode.NO_CANCEL_REQUEST, h.reviewCancel(BUYER, orderId, true));
        // The seller may ask again, and the order still completes normally.
        ok(h.requestCancel(SELLER, orderId));
        ok(h.release(SELLER, orderId));
        assertEquals(List.of("OrderCompleted"), h.events());
        assertEquals(QTY, h.available(BUYER));
    }

    @Test
    void onlyTheBuyerCancels()
    {
        final long orderId = openOrder();

        assertEquals(ErrorCode.NOT_BUYER, h.cancel(SELLER, orderId));
        assertEquals(ErrorCode.NOT_ORDER_PARTY, h.cancel(STRANGER, orderId));
        assertEquals(OrderState.PENDING_PAYMENT, h.order(orderId).state);
    }

    @Test
    void aCancelledOrderReturnsItsEscrowToAnOfflineAdsReservation()
    {
        final long orderId = openOrder();
        ok(h.setStatus(SELLER, adId, AdStatus.OFFLINE));

        ok(h.cancel(BUYER, orderId));

        assertEquals(FULL_RESERVATION, h.adOf(adId).reserved);
        assertEquals(500 * USDT_UNIT, h.adOf(adId).remaining);
        assertEquals(FULL_RESERVATION, h.locked(SELLER));
        assertEquals(List.of(), h.book(Side.SELL));
    }

    @Test
    void aCancelledOrderReturnsItsEscrowToTheSellersBalanceOnceTheAdIsClosed()
    {
        final long orderId = openOrder();

        ok(h.setStatus(SELLER, adId, AdStatus.CLOSED));
        // Closing frees the 400.4 USDT still reserved; the order's 100.1 USDT escrow stays locked.
        assertEquals(ESCROW, h.locked(SELLER));
        assertEquals(SELLER_FREE + 400_400_000, h.available(SELLER));
        assertNull(h.adOf(adId));

        ok(h.cancel(BUYER, orderId));
        assertEquals(List.of("OrderCancelled"), h.events());
        assertEquals(0, h.locked(SELLER));
        assertEquals(1_000 * USDT_UNIT, h.available(SELLER));
    }

    @Test
    void anExpiredOrderOfAClosedAdReturnsItsEscrowToTheSellersBalance()
    {
        openOrder();
        ok(h.setStatus(SELLER, adId, AdStatus.CLOSED));

        h.advance(15 * MINUTE_MS);
        ok(h.tick());

        assertEquals(List.of("OrderExpired"), h.events());
        assertEquals(0, h.locked(SELLER));
        assertEquals(1_000 * USDT_UNIT, h.available(SELLER));
    }

    @Test
    void anOrderOfAClosedAdStillCompletes()
    {
        final long orderId = paidOrder();
        ok(h.setStatus(SELLER, adId, AdStatus.CLOSED));

        ok(h.release(SELLER, orderId));

        assertEquals(QTY, h.available(BUYER));
        assertEquals(0, h.locked(SELLER));
        // 1000 - 100.1 USDT.
        assertEquals(899_900_000, h.available(SELLER));
        assertEquals(SELLER_FEE, h.fees());
    }

    @Test
    void aTakerWhoSellsIntoABuyAdIsTheOneWhoseAssetIsLockedAndTheMakerPaysTheFeeOnReceipt()
    {
        final long merchantBuyer = h.merchant(40, 0);
        final long userSeller = h.user(50, 150);
        final long buyAd = h.ad(merchantBuyer, Side.BUY, 300, terms(9200));
        assertEquals(0, h.locked(merchantBuyer));

        // Selling 100 USDT by quantity: fiat = 100_000_000 x 9200 / 10^8 = 9200 cents.
        ok(h.take(userSeller, buyAd, QTY, false, SEPA, 0));
        final long orderId = h.lastOrderIds().get(0);
        final Order order = h.order(orderId);
        assertEquals(9_200, order.fiatAmount);
        assertEquals(merchantBuyer, order.buyer.id);
        assertEquals(userSeller, order.seller.id);
        // The maker (buyer) pays 10 bps, the taker (seller) pays the taker fee of 0.
        assertEquals(100_000, order.buyerFee);
        assertEquals(0, order.sellerFee);
        assertEquals(QTY, h.locked(userSeller));
        assertEquals(50 * USDT_UNIT, h.available(userSeller));
        assertEquals(200 * USDT_UNIT, h.adOf(buyAd).remaining);
        assertEquals(0, h.adOf(buyAd).reserved);

        ok(h.markPaid(merchantBuyer, orderId));
        ok(h.release(userSeller, orderId));
        assertEquals(99_900_000, h.available(merchantBuyer));
        assertEquals(0, h.locked(userSeller));
        assertEquals(100_000, h.fees());
    }

    @Test
    void aCancelledOrderOnABuyAdReturnsTheTakingSellersEscrowToHisBalanceAndTheQuantityToTheAd()
    {
        final long merchantBuyer = h.merchant(40, 0);
        final long userSeller = h.user(50, 150);
        final long buyAd = h.ad(merchantBuyer, Side.BUY, 300, terms(9200));
        ok(h.take(userSeller, buyAd, QTY, false, SEPA, 0));
        final long orderId = h.lastOrderIds().get(0);
        ok(h.markPaid(merchantBuyer, orderId));
        assertEquals(ErrorCode.NOT_BUYER, h.cancel(userSeller, orderId));

        ok(h.cancel(merchantBuyer, orderId));

        assertEquals(0, h.locked(userSeller));
        assertEquals(150 * USDT_UNIT, h.available(userSeller));
        assertEquals(300 * USDT_UNIT, h.adOf(buyAd).remaining);
        assertEquals(0, h.adOf(buyAd).frozen);
        assertEquals(0, h.adOf(buyAd).reserved);
        assertEquals(List.of(buyAd), h.book(Side.BUY));
        assertEquals(0, h.fees());
    }

    @Test
    void anExpiredOrderOnABuyAdUnlocksTheTakingSeller()
    {
        final long merchantBuyer = h.merchant(40, 0);
        final long userSeller = h.user(50, 150);
        final long buyAd = h.ad(merchantBuyer, Side.BUY, 300, terms(9200).paymentWindowMinutes(30));
        ok(h.take(userSeller, buyAd, QTY, false, SEPA, 0));
        assertEquals(START + 30 * MINUTE_MS, h.order(h.lastOrderIds().get(0)).payBy);

        h.advance(30 * MINUTE_MS);
        ok(h.tick());

        assertEquals(List.of("OrderExpired"), h.events());
        assertEquals(150 * USDT_UNIT, h.available(userSeller));
        assertEquals(300 * USDT_UNIT, h.adOf(buyAd).remaining);
        // The buyer who did not pay is the one at fault.
        assertEquals(1, h.userOf(merchantBuyer).prePayCancels.countAfter(0));
    }

    @Test
    void makerAndTakerFeesBothGoToTheFeeAccount()
    {
        // Market 2: USDT-EUR again, maker 10 bps, taker 25 bps.
        ok(h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 10 * EUR_UNIT, 10, 25, 0b1111));
        ok(h.createAdIn(2, SELLER, Side.SELL, QTY, AdStatus.ONLINE, terms(9200)));
        final long feeAd = h.lastAdId();
        assertEquals(ESCROW, h.adOf(feeAd).reserved);

        ok(h.take(BUYER, feeAd, 92 * EUR_UNIT, true, SEPA, 0));
        final long orderId = h.lastOrderIds().get(0);
        assertEquals(250_000, h.order(orderId).buyerFee);
        assertEquals(SELLER_FEE, h.order(orderId).sellerFee);
        ok(h.markPaid(BUYER, orderId));
        ok(h.release(SELLER, orderId));

        // Buyer: 100 - 0.25 USDT; fee account: 0.25 + 0.1 USDT.
        assertEquals(99_750_000, h.available(BUYER));
        assertEquals(350_000, h.fees());
        assertEquals(FULL_RESERVATION, h.locked(SELLER));
        assertEquals(1_000 * USDT_UNIT - FULL_RESERVATION - ESCROW, h.available(SELLER));
        assertEquals(MARKET, h.adOf(adId).market.id);
    }

    @Test
    void aCommandStampedEarlierIsDecidedAtTheCoresTimeWhichNeverRunsBackwards()
    {
        final long orderId = openOrder();
        h.advance(5 * MINUTE_MS);
        ok(h.tick());

        h.now = START - 60 * MINUTE_MS;
        ok(h.markPaid(BUYER, orderId));

        // Paid at START + 5 min, the last time the core saw, not an hour before the order opened.
        final Order order = h.order(orderId);
        assertEquals(START + 5 * MINUTE_MS, order.paidAt);
        assertEquals(START + 35 * MINUTE_MS, order.releaseBy);
        assertEquals(5 * MINUTE_MS, h.userOf(BUYER).payTimeTotalMs);
    }

    @Test
    void aFinishedOrderAcceptsNoFurtherStep()
    {
        final long orderId = openOrder();
        ok(h.cancel(BUYER, orderId));

        h.assertRejected(ErrorCode.ORDER_FINISHED, () -> h.markPaid(BUYER, orderId));
        h.assertRejected(ErrorCode.ORDER_FINISHED, () -> h.cancel(BUYER, orderId));
        h.assertRejected(ErrorCode.ORDER_FINISHED, () -> h.release(SELLER, orderId));
        h.assertRejected(ErrorCode.ORDER_FINISHED, () -> h.appeal(SELLER, orderId));
        h.assertRejected(ErrorCode.ORDER_FINISHED, () -> h.resolve(ARBITER, orderId, DisputeOutcome.REFUND));
    }
}
