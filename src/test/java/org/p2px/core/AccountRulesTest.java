package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.ADMIN;
import static org.p2px.core.CoreHarness.ARBITER;
import static org.p2px.core.CoreHarness.EUR;
import static org.p2px.core.CoreHarness.SEPA;
import static org.p2px.core.CoreHarness.USDT;
import static org.p2px.core.CoreHarness.USDT_UNIT;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;
import static org.p2px.core.CoreConfig.DAY_MS;
import static org.p2px.core.CoreConfig.HOUR_MS;
import static org.p2px.core.CoreConfig.MINUTE_MS;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * Accounts: deposits and withdrawals, roles, KYC and counterparty gates, blocks, cancel limits and their
 * escalating restrictions, idempotent clientOrderIds, and the counters behind the public profile.
 *
 * <p>Merchant 10 sells 900 USDT at 1.0000 EUR, so 10 EUR buys exactly 10 USDT.
 */
class AccountRulesTest
{
    private static final long MERCHANT = 10;
    private static final long BUYER = 20;
    private static final long OTHER = 30;

    private CoreHarness h;
    private long sellAd;

    @BeforeEach
    void givenAMerchantSelling()
    {
        h = new CoreHarness().standardWorld();
        h.merchant(MERCHANT, 1_000);
        h.user(BUYER, 0);
        h.user(OTHER, 0);
        sellAd = h.ad(MERCHANT, Side.SELL, 900, terms(10_000));
    }

    @AfterEach
    void stateIsSoundAndReplayable()
    {
        h.assertSoundAndReplayable();
    }

    // Deposits and withdrawals.

    @Test
    void aDepositCreditsTheAvailableBalance()
    {
        ok(h.deposit(OTHER, 5 * USDT_UNIT));

        assertEquals(List.of("Deposited"), h.events());
        assertEquals(5 * USDT_UNIT, h.available(OTHER));
        assertEquals(0, h.locked(OTHER));
        // 1000 USDT to the merchant, then 5.
        assertEquals(1_005 * USDT_UNIT, h.state().assets.get(USDT).deposited);
    }

    @Test
    void aDepositMustBePositiveFitInALongAndBeOfACryptoAsset()
    {
        h.assertRejected(ErrorCode.INVALID_AMOUNT, () -> h.deposit(OTHER, 0));
        h.assertRejected(ErrorCode.INVALID_AMOUNT, () -> h.deposit(OTHER, -1));
        h.assertRejected(ErrorCode.INVALID_AMOUNT, () -> h.deposit(OTHER, Long.MIN_VALUE));
        h.assertRejected(ErrorCode.AMOUNT_TOO_LARGE, () -> h.deposit(MERCHANT, Long.MAX_VALUE));
        h.assertRejected(ErrorCode.INVALID_ASSET, () -> h.depositBy(ADMIN, OTHER, EUR, 100));
        h.assertRejected(ErrorCode.UNKNOWN_ASSET, () -> h.depositBy(ADMIN, OTHER, 77, 100));
        h.assertRejected(ErrorCode.UNKNOWN_USER, () -> h.deposit(999, 100));
        h.assertRejected(ErrorCode.NOT_ADMIN, () -> h.depositBy(MERCHANT, MERCHANT, USDT, 100));

        // The largest deposit that still fits: the whole supply then reaches Long.MAX_VALUE exactly.
        ok(h.deposit(OTHER, Long.MAX_VALUE - 1_000 * USDT_UNIT));
        assertEquals(Long.MAX_VALUE, h.state().assets.get(USDT).deposited);
        h.assertRejected(ErrorCode.AMOUNT_TOO_LARGE, () -> h.deposit(BUYER, 1));
    }

    @Test
    void aWithdrawalTakesOnlyFromTheAvailableBalance()
    {
        // The merchant has 1000 USDT, 900.9 of them reserved by the SELL ad.
        assertEquals(99_100_000, h.available(MERCHANT));

        h.assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> h.withdraw(MERCHANT, 99_100_001));
        ok(h.withdraw(MERCHANT, 99_100_000));

        assertEquals(List.of("Withdrawn"), h.events());
        assertEquals(0, h.available(MERCHANT));
        assertEquals(900_900_000, h.locked(MERCHANT));
        assertEquals(99_100_000, h.state().assets.get(USDT).withdrawn);
        h.assertRejected(ErrorCode.INVALID_AMOUNT, () -> h.withdraw(MERCHANT, 0));
        h.assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> h.withdraw(MERCHANT, Long.MAX_VALUE));
    }

    // Users, roles, KYC.

    @Test
    void registeringCreatesAUserWithRoleAndKycWhoseAgeStartsNow()
    {
        h.advance(5 * DAY_MS);
        ok(h.registerUser(40, Role.USER, 2));

        assertEquals(List.of("UserRegistered"), h.events());
        final User user = h.userOf(40);
        assertEquals(Role.USER, user.role);
        assertEquals(2, user.kycLevel);
        assertEquals(h.now, user.createdAt);
        h.assertRejected(ErrorCode.USER_EXISTS, () -> h.registerUser(40, Role.MERCHANT, 1));
        h.assertRejected(ErrorCode.INVALID_ID, () -> h.registerUser(0, Role.USER, 1));
        h.assertRejected(ErrorCode.INVALID_ID, () -> h.registerUser(-5, Role.USER, 1));
        h.assertRejected(ErrorCode.INVALID_ROLE, () -> h.registerUser(41, Role.NULL_VAL, 1));
        h.assertRejected(ErrorCode.INVALID_KYC_LEVEL, () -> h.registerUser(41, Role.USER, 4));
    }

    @Test
    void onlyAnAdminSetsRolesAndAnArbiterRoleEnablesResolving()
    {
        h.assertRejected(ErrorCode.NOT_ADMIN, () -> h.setRole(MERCHANT, OTHER, Role.ARBITER));
        h.assertRejected(ErrorCode.NOT_ADMIN, () -> h.setRole(ARBITER, OTHER, Role.ARBITER));

        ok(h.setRole(ADMIN, OTHER, Role.ARBITER));
        assertEquals(List.of("UserRoleSet"), h.events());
        assertEquals(Role.ARBITER, h.userOf(OTHER).role);

        final long orderId = h.takeEur(BUYER, sellAd, 10);
        ok(h.markPaid(BUYER, orderId));
        h.advance(10 * MINUTE_MS);
        ok(h.appeal(MERCHANT, orderId));
        h.assertRejected(ErrorCode.NOT_ARBITER, () -> h.resolve(ADMIN, orderId, DisputeOutcome.RELEASE));
        ok(h.resolve(OTHER, orderId, DisputeOutcome.RELEASE));
        assertEquals(10 * USDT_UNIT, h.available(BUYER));

        // A demoted admin is an admin no more.
        ok(h.registerUser(3, Role.ADMIN, 3));
        ok(h.setRole(3, ADMIN, Role.USER));
        h.assertRejected(ErrorCode.NOT_ADMIN, () -> h.deposit(OTHER, 1));
    }

    @Test
    void kycLevelsAreSetByAnAdminAndOpenTheAdsThatAskForThem()
    {
        final long kycAd = h.ad(MERCHANT, Side.SELL, 50, terms(10_000).gates(2, 0, 0, 0));
        h.assertRejected(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET,
            () -> h.take(BUYER, kycAd, 1_000, true, SEPA, 0));

        h.assertRejected(ErrorCode.NOT_ADMIN, () -> h.setKyc(BUYER, BUYER, 2));
        h.assertRejected(ErrorCode.INVALID_KYC_LEVEL, () -> h.setKyc(ADMIN, BUYER, 4));
        ok(h.setKyc(ADMIN, BUYER, 2));
        assertEquals(List.of("UserKycSet"), h.events());

        ok(h.take(BUYER, kycAd, 1_000, true, SEPA, 0));
    }

    @Test
    void everyCounterpartyGateIsHonoured()
    {
        final long ageAd = h.ad(MERCHANT, Side.SELL, 20, terms(10_000).gates(0, 7, 0, 0));
        final long ordersAd = h.ad(MERCHANT, Side.SELL, 20, terms(10_000).gates(0, 0, 1, 0));
        final long rateAd = h.ad(MERCHANT, Side.SELL, 20, terms(10_000).gates(0, 0, 0, 9_000));

        h.advance(7 * DAY_MS - 1);
        h.assertRejected(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET, () -> h.take(BUYER, ageAd, 1_000, true, SEPA, 0));
        h.advance(1);
        ok(h.take(BUYER, ageAd, 1_000, true, SEPA, 0));
        ok(h.cancel(BUYER, h.lastOrderIds().get(0)));

        // One cancel and no completion: 0% over 30 days, no completed order.
        h.assertRejected(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET,
            () -> h.take(BUYER, ordersAd, 1_000, true, SEPA, 0));
        h.assertRejected(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET, () -> h.take(BUYER, rateAd, 1_000, true, SEPA, 0));

        for (int i = 0; i < 9; i++)
        {
            final long orderId = h.takeEur(BUYER, sellAd, 10);
            ok(h.markPaid(BUYER, orderId));
            ok(h.release(MERCHANT, orderId));
        }
        ok(h.take(BUYER, ordersAd, 1_000, true, SEPA, 0));
        // 9 completed of 10 finished = 90%.
        assertEquals(9_000, h.userOf(BUYER).completionRateBps(h.state().today()));
        ok(h.take(BUYER, rateAd, 1_000, true, SEPA, 0));
    }

    @Test
    void anAdLimitsHowManyOpenOrdersOneTakerHasOnIt()
    {
        final long limitedAd = h.ad(MERCHANT, Side.SELL, 50, terms(10_000).maxOpenOrdersPerTaker(1));
        final long first = h.takeEur(BUYER, limitedAd, 10);

        h.assertRejected(ErrorCode.TOO_MANY_OPEN_ORDERS, () -> h.take(BUYER, limitedAd, 1_000, true, SEPA, 0));
        // Another taker is not affected, and a finished order frees a place.
        h.takeEur(OTHER, limitedAd, 10);
        ok(h.cancel(BUYER, first));
        h.takeEur(BUYER, limitedAd, 10);
    }

    // Blocks.

    @Test
    void blockedUsersCannotTradeWithEachOtherInEitherDirection()
    {
        ok(h.block(BUYER, MERCHANT));
        assertEquals(List.of("UserBlocked"), h.events());
        assertTrue(h.userOf(BUYER).hasBlocked(MERCHANT));
        h.assertRejected(ErrorCode.ALREADY_BLOCKED, () -> h.block(BUYER, MERCHANT));

        h.assertRejected(ErrorCode.BLOCKED_COUNTERPARTY, () -> h.take(BUYER, sellAd, 1_000, true, SEPA, 0));
        h.assertRejected(ErrorCode.NO_MATCHING_AD, () -> h.express(BUYER, Side.BUY, 1_000, true, 0b1111, 0, false, 0));

        // The blocked side cannot reach the blocker either: the merchant cannot sell into the buyer's ad.
        ok(h.setRole(ADMIN, BUYER, Role.MERCHANT));
        final long buyAd = h.ad(BUYER, Side.BUY, 100, terms(9_000));
        h.assertRejected(ErrorCode.BLOCKED_COUNTERPARTY, () -> h.take(MERCHANT, buyAd, 1_000, true, SEPA, 0));

        ok(h.unblock(BUYER, MERCHANT));
        assertEquals(List.of("UserUnblocked"), h.events());
        assertFalse(h.userOf(BUYER).hasBlocked(MERCHANT));
        h.assertRejected(ErrorCode.NOT_BLOCKED, () -> h.unblock(BUYER, MERCHANT));
        h.takeEur(BUYER, sellAd, 10);
    }

    @Test
    void blockingNeedsTwoKnownDifferentUsers()
    {
        h.assertRejected(ErrorCode.CANNOT_BLOCK_SELF, () -> h.block(BUYER, BUYER));
        h.assertRejected(ErrorCode.UNKNOWN_USER, () -> h.block(BUYER, 999));
        h.assertRejected(ErrorCode.UNKNOWN_USER, () -> h.block(999, BUYER));
        h.assertRejected(ErrorCode.UNKNOWN_USER, () -> h.unblock(BUYER, 999));
    }

    // Cancel limits.

    private void takeAndCancel(final long taker)
    {
        ok(h.cancel(taker, h.takeEur(taker, sellAd, 10)));
    }

    private void takePayAndCancel(final long taker)
    {
        final long orderId = h.takeEur(taker, sellAd, 10);
        ok(h.markPaid(taker, orderId));
        ok(h.cancel(taker, orderId));
    }

    @Test
    void aFourthCancelBeforePaymentInADayRestrictsTakingAndBuyAdsForFifteenMinutes()
    {
        ok(h.setRole(ADMIN, BUYER, Role.MERCHANT));
        ok(h.deposit(BUYER, 100 * USDT_UNIT));
        for (int i = 0; i < 3; i++)
        {
            takeAndCancel(BUYER);
            assertEquals(List.of("OrderCancelled"), h.events());
            h.advance(HOUR_MS);
        }
        takeAndCancel(BUYER);
        assertEquals(List.of("OrderCancelled", "UserRestricted"), h.events());
        final long until = h.now + 15 * MINUTE_MS;
        assertTrue(h.eventsText().contains("until=" + until));
        assertTrue(h.eventsText().contains("level=1"));
        assertEquals(until, h.userOf(BUYER).restrictedUntil);

        h.assertRejected(ErrorCode.USER_RESTRICTED, () -> h.take(BUYER, sellAd, 1_000, true, SEPA, 0));
        h.assertRejected(ErrorCode.USER_RESTRICTED, () -> h.express(BUYER, Side.BUY, 1_000, true, 0b1111, 0, false, 0));
        h.assertRejected(ErrorCode.USER_RESTRICTED,
            () -> h.createAd(BUYER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_000)));
        // Selling is still allowed: a SELL ad risks nobody.
        ok(h.createAd(BUYER, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(10_000)));

        h.now = until - 1;
        h.assertRejected(ErrorCode.USER_RESTRICTED, () -> h.take(BUYER, sellAd, 1_000, true, SEPA, 0));
        h.now = until;
        h.takeEur(BUYER, sellAd, 10);
        ok(h.createAd(BUYER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_000)));
    }

    @Test
    void cancelsOlderThanADayDoNotCount()
    {
        for (int i = 0; i < 3; i++)
        {
            takeAndCancel(BUYER);
        }
        h.advance(DAY_MS);

        takeAndCancel(BUYER);

        assertEquals(List.of("OrderCancelled"), h.events());
        assertFalse(h.userOf(BUYER).isRestricted(h.now));
    }

    @Test
    void aSecondCancelAfterMarkingPaidInADayRestricts()
    {
        takePayAndCancel(BUYER);
        assertEquals(List.of("OrderCancelled"), h.events());

        h.advance(23 * HOUR_MS);
        takePayAndCancel(BUYER);

        assertEquals(List.of("OrderCancelled", "UserRestricted"), h.events());
        assertEquals(h.now + 15 * MINUTE_MS, h.userOf(BUYER).restrictedUntil);
        h.assertRejected(ErrorCode.USER_RESTRICTED, () -> h.take(BUYER, sellAd, 1_000, true, SEPA, 0));
    }

    @Test
    void expiredOrdersCountAsCancelsBeforePayment()
    {
        // Two at a time: a new taker may hold no more unpaid orders.
        for (int round = 0; round < 2; round++)
        {
            h.takeEur(BUYER, sellAd, 10);
            h.takeEur(BUYER, sellAd, 10);
            h.advance(15 * MINUTE_MS);
            ok(h.tick());
        }

        // The fourth expiry is one more than the three cancels before payment a day allows.
        assertEquals(List.of("OrderExpired", "OrderExpired", "UserRestricted"), h.events());
        assertEquals(h.now + 15 * MINUTE_MS, h.userOf(BUYER).restrictedUntil);
    }

    @Test
    void restrictionsEscalateFifteenMinutesThirtyOneHourFourHoursThenADay()
    {
        final long[] lengths = {
            15 * MINUTE_MS, 30 * MINUTE_MS, HOUR_MS, 4 * HOUR_MS, DAY_MS, DAY_MS };
        for (int round = 0; round < lengths.length; round++)
        {
            for (int i = 0; i < 4; i++)
            {
                takeAndCancel(BUYER);
            }
            assertEquals(List.of("OrderCancelled", "UserRestricted"), h.events(), "round " + round);
            final User buyer = h.userOf(BUYER);
            assertEquals(h.now + lengths[round], buyer.restrictedUntil, "round " + round);
            assertEquals(round + 1, buyer.restrictionLevel);
            h.now = buyer.restrictedUntil;
        }
    }

    @Test
    void escalationStartsOverAfterThirtyDaysWithoutARestriction()
    {
        for (int i = 0; i < 4; i++)
        {
            takeAndCancel(BUYER);
        }
        h.advance(HOUR_MS);
        for (int i = 0; i < 4; i++)
        {
            takeAndCancel(BUYER);
        }
        assertEquals(h.now + 30 * MINUTE_MS, h.userOf(BUYER).restrictedUntil);

        h.advance(31 * DAY_MS);
        for (int i = 0; i < 4; i++)
        {
            takeAndCancel(BUYER);
        }
        assertEquals(h.now + 15 * MINUTE_MS, h.userOf(BUYER).restrictedUntil);
        assertEquals(1, h.userOf(BUYER).restrictionLevel);
    }

    @Test
    void aCancelRequestedByTheSellerDoesNotCountAgainstTheBuyer()
    {
        for (int i = 0; i < 5; i++)
        {
            final long orderId = h.takeEur(BUYER, sellAd, 10);
            ok(h.requestCancel(MERCHANT, orderId));
            ok(h.reviewCancel(BUYER, orderId, true));
            assertEquals(List.of("OrderCancelled"), h.events());
        }
        assertFalse(h.userOf(BUYER).isRestricted(h.now));
    }

    // Idempotent clientOrderIds.

    @Test
    void theSameClientOrderIdFromTheSameUserReturnsTheSameOrder()
    {
        ok(h.take(BUYER, sellAd, 1_000, true, SEPA, 77));
        final long orderId = h.lastOrderIds().get(0);
        assertEquals(77, h.order(orderId).clientOrderId);
        final long digest = h.core.digest();

        ok(h.take(BUYER, sellAd, 1_000, true, SEPA, 77));
        assertEquals(List.of("DuplicateClientOrder"), h.events());
        assertEquals(orderId, h.duplicateOf());
        assertEquals(digest, h.core.digest());
        // Even a retry with other terms, or through express, answers with the first order.
        ok(h.take(BUYER, sellAd, 5_000, true, SEPA, 77));
        assertEquals(orderId, h.duplicateOf());
        ok(h.express(BUYER, Side.BUY, 2_000, true, 0b1111, 0, false, 77));
        assertEquals(orderId, h.duplicateOf());
        assertEquals(digest, h.core.digest());

        // And after the order is finished.
        ok(h.cancel(BUYER, orderId));
        ok(h.take(BUYER, sellAd, 1_000, true, SEPA, 77));
        assertEquals(List.of("DuplicateClientOrder"), h.events());
        assertEquals(orderId, h.duplicateOf());

        // Another user's 77 is another order; 0 means no clientOrderId at all.
        ok(h.take(OTHER, sellAd, 1_000, true, SEPA, 77));
        final long othersOrder = h.lastOrderIds().get(0);
        assertNotEquals(orderId, othersOrder);
        ok(h.markPaid(OTHER, othersOrder));
        final long a = h.takeEur(OTHER, sellAd, 10);
        final long b = h.takeEur(OTHER, sellAd, 10);
        assertNotEquals(a, b);
    }

    @Test
    void anExpressRetryReturnsTheSameOrder()
    {
        ok(h.express(BUYER, Side.BUY, 2_000, true, 0b1111, 0, false, 88));
        assertEquals(List.of("OrderOpened"), h.events());
        final long orderId = h.lastOrderIds().get(0);

        ok(h.express(BUYER, Side.BUY, 2_000, true, 0b1111, 0, false, 88));
        assertEquals(List.of("DuplicateClientOrder"), h.events());
        assertEquals(orderId, h.duplicateOf());
        assertEquals(1, h.state().orders.size());
    }

    // The public profile.

    @Test
    void theProfileCountsCompletedOrdersRateAndAverageTimes()
    {
        // Order 1: paid after 3 min, released 5 min later. Order 2: paid after 1 min, released 7 min later.
        final long first = h.takeEur(BUYER, sellAd, 10);
        h.advance(3 * MINUTE_MS);
        ok(h.markPaid(BUYER, first));
        h.advance(5 * MINUTE_MS);
        ok(h.release(MERCHANT, first));
        final long second = h.takeEur(BUYER, sellAd, 10);
        h.advance(MINUTE_MS);
        ok(h.markPaid(BUYER, second));
        h.advance(7 * MINUTE_MS);
        ok(h.release(MERCHANT, second));

        final User buyer = h.userOf(BUYER);
        final User seller = h.userOf(MERCHANT);
        assertEquals(2, buyer.completedOrders);
        assertEquals(2, seller.completedOrders);
        // Average time to pay: (3 + 1) / 2 = 2 min; to release: (5 + 7) / 2 = 6 min.
        assertEquals(2, buyer.payCount);
        assertEquals(2 * MINUTE_MS, buyer.payTimeTotalMs / buyer.payCount);
        assertEquals(2, seller.releaseCount);
        assertEquals(6 * MINUTE_MS, seller.releaseTimeTotalMs / seller.releaseCount);
        assertEquals(0, seller.payCount);
        assertEquals(0, buyer.releaseCount);
        final long today = h.state().today();
        assertEquals(2, buyer.completed30d.sum(today));
        assertEquals(10_000, buyer.completionRateBps(today));

        // A cancel: 2 completed of 3 finished = 66.66%, rounded down to 6666 bps.
        takeAndCancel(BUYER);
        assertEquals(6_666, h.userOf(BUYER).completionRateBps(h.state().today()));
        assertEquals(10_000, h.userOf(MERCHANT).completionRateBps(h.state().today()));

        // Thirty days later the window is empty again; the all-time count stays.
        h.advance(30 * DAY_MS);
        ok(h.tick());
        assertEquals(0, h.userOf(BUYER).completed30d.sum(h.state().today()));
        assertEquals(10_000, h.userOf(BUYER).completionRateBps(h.state().today()));
        assertEquals(2, h.userOf(BUYER).completedOrders);
    }
}
