package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.ADMIN;
import static org.p2px.core.CoreHarness.ARBITER;
import static org.p2px.core.CoreHarness.EUR;
import static org.p2px.core.CoreHarness.EUR_UNIT;
import static org.p2px.core.CoreHarness.MARKET;
import static org.p2px.core.CoreHarness.SEPA;
import static org.p2px.core.CoreHarness.USDT;
import static org.p2px.core.CoreHarness.USDT_UNIT;
import static org.p2px.core.CoreHarness.ZELLE;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;
import static org.p2px.core.CoreConfig.MINUTE_MS;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.MessageHeaderEncoder;
import org.p2px.codec.PriceType;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/**
 * Every rejection code the core can produce, each triggered by at least one command, and each time: the exact
 * code, a batch holding nothing but the rejection, and a state digest that did not move
 * ({@link CoreHarness#assertRejected}). One test per code, named after it; {@link #everyCoreCodeHasItsTest()}
 * keeps the list complete as codes are added to the schema.
 *
 * <p>The world: merchant 10 sells 500 USDT at 0.9200 (ad {@code adId}); user 20 has an open order on it for
 * 92 EUR = 100 USDT ({@code orderId}); user 30 is a bystander with 50 USDT.
 */
class RejectionCodesTest
{
    /** Codes of the engine, not of the core. */
    private static final EnumSet<ErrorCode> ENGINE_CODES =
        EnumSet.of(ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.BUSY, ErrorCode.NULL_VAL);

    private static final long SELLER = 10;
    private static final long BUYER = 20;
    private static final long STRANGER = 30;
    private static final long NOBODY = 999;

    private CoreHarness h;
    private long adId;
    private long orderId;

    @BeforeEach
    void givenAnAdAndAnOpenOrder()
    {
        h = new CoreHarness().standardWorld();
        h.merchant(SELLER, 1_000);
        h.user(BUYER, 0);
        h.user(STRANGER, 50);
        adId = h.ad(SELLER, Side.SELL, 500, terms(9_200));
        orderId = h.takeEur(BUYER, adId, 92);
    }

    @AfterEach
    void stateIsSoundAndReplayable()
    {
        h.assertSoundAndReplayable();
    }

    private void rejects(final ErrorCode code, final java.util.function.Supplier<ErrorCode> command)
    {
        h.assertRejected(code, command);
    }

    private long paid()
    {
        ok(h.markPaid(BUYER, orderId));
        return orderId;
    }

    private long disputed()
    {
        paid();
        h.advance(10 * MINUTE_MS);
        ok(h.appeal(BUYER, orderId));
        return orderId;
    }

    private long buyAd()
    {
        return h.ad(SELLER, Side.BUY, 500, terms(9_100));
    }

    /** A second market, USDT-USD, tick 10, six payment methods, no index price yet. */
    private void secondMarket()
    {
        ok(h.defineAsset(ADMIN, 101, 2, true));
        ok(h.createMarket(ADMIN, 2, USDT, 101, 4, 10, 10 * EUR_UNIT, 10, 0, 0b111111));
    }

    private ErrorCode sellAdWith(final AdTermsSpec spec)
    {
        return h.createAd(SELLER, Side.SELL, USDT_UNIT, AdStatus.ONLINE, spec);
    }

    @Test
    void everyCoreCodeHasItsTest()
    {
        final List<String> missing = new ArrayList<>();
        for (final ErrorCode code : ErrorCode.values())
        {
            if (!ENGINE_CODES.contains(code) && !hasTestNamed(camel(code.name())))
            {
                missing.add(code.name());
            }
        }
        assertTrue(missing.isEmpty(), "codes without a test: " + missing);
    }

    private static boolean hasTestNamed(final String name)
    {
        for (final Method method : RejectionCodesTest.class.getDeclaredMethods())
        {
            if (method.getName().equals(name) && method.isAnnotationPresent(Test.class))
            {
                return true;
            }
        }
        return false;
    }

    private static String camel(final String upperSnake)
    {
        final StringBuilder name = new StringBuilder();
        for (final String part : upperSnake.toLowerCase(Locale.ROOT).split("_"))
        {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    // 1xx: bad input.

    @Test
    void invalidAmount()
    {
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.take(STRANGER, adId, 0, true, SEPA, 0));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.take(STRANGER, adId, -9_200, true, SEPA, 0));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.take(STRANGER, adId, Long.MIN_VALUE, false, SEPA, 0));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.express(STRANGER, Side.BUY, 0, true, 0b1111, 0, false, 0));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.express(STRANGER, Side.BUY, -1, false, 0b1111, 0, true, 0));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.deposit(STRANGER, 0));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.deposit(STRANGER, -1));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.withdraw(STRANGER, -1));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.withdraw(STRANGER, Long.MIN_VALUE));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.createAd(SELLER, Side.SELL, 0, AdStatus.ONLINE, terms(9_200)));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.createAd(SELLER, Side.BUY, -1, AdStatus.ONLINE, terms(9_200)));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.changeQuantity(SELLER, adId, 0));
        rejects(ErrorCode.INVALID_AMOUNT, () -> h.changeQuantity(SELLER, adId, Long.MIN_VALUE));
        rejects(ErrorCode.INVALID_AMOUNT,
            () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 0, 10, 0, 0b1111));
        rejects(ErrorCode.INVALID_AMOUNT,
            () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, -100, 10, 0, 0b1111));
    }

    @Test
    void amountTooLarge()
    {
        // Long.MAX_VALUE cents at 0.9200 is about 10^22 USDT minor units: no long holds it.
        rejects(ErrorCode.AMOUNT_TOO_LARGE, () -> h.take(STRANGER, adId, Long.MAX_VALUE, true, SEPA, 0));
        final long buy = buyAd();
        rejects(ErrorCode.AMOUNT_TOO_LARGE, () -> h.take(STRANGER, buy, Long.MAX_VALUE, true, SEPA, 0));
        // Its reservation, quantity plus fee, would not fit.
        rejects(ErrorCode.AMOUNT_TOO_LARGE,
            () -> h.createAd(SELLER, Side.SELL, Long.MAX_VALUE, AdStatus.ONLINE, terms(9_200)));
        rejects(ErrorCode.AMOUNT_TOO_LARGE, () -> h.changeQuantity(SELLER, adId, Long.MAX_VALUE));
        rejects(ErrorCode.AMOUNT_TOO_LARGE, () -> h.changeQuantity(SELLER, adId, Long.MAX_VALUE - 400 * USDT_UNIT));
        rejects(ErrorCode.AMOUNT_TOO_LARGE, () -> h.changeQuantity(SELLER, buy, Long.MAX_VALUE));
        rejects(ErrorCode.AMOUNT_TOO_LARGE, () -> h.deposit(STRANGER, Long.MAX_VALUE));
    }

    @Test
    void invalidPrice()
    {
        rejects(ErrorCode.INVALID_PRICE, () -> sellAdWith(terms(0)));
        rejects(ErrorCode.INVALID_PRICE, () -> sellAdWith(terms(-9_200)));
        rejects(ErrorCode.INVALID_PRICE, () -> sellAdWith(terms(Long.MIN_VALUE)));
        final AdTermsSpec noType = terms(9_200);
        noType.priceType = PriceType.NULL_VAL;
        rejects(ErrorCode.INVALID_PRICE, () -> sellAdWith(noType));
        rejects(ErrorCode.INVALID_PRICE, () -> h.updateAd(SELLER, adId, terms(0)));
        rejects(ErrorCode.INVALID_PRICE, () -> h.setIndex(0));
        rejects(ErrorCode.INVALID_PRICE, () -> h.setIndex(-1));
        rejects(ErrorCode.INVALID_PRICE, () -> h.express(STRANGER, Side.BUY, 1_000, true, 0b1111, -1, false, 0));
        rejects(ErrorCode.INVALID_PRICE, () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 0, 1_000, 10, 0, 0b1111));
        // A floating price that comes out at zero: index 0.0001 x (1 - 50%) = 0.00005, rounded down to 0.
        ok(h.setIndex(1));
        rejects(ErrorCode.INVALID_PRICE, () -> sellAdWith(terms(0).floating(-5_000)));
    }

    @Test
    void priceNotOnTick()
    {
        secondMarket();
        rejects(ErrorCode.PRICE_NOT_ON_TICK,
            () -> h.createAdIn(2, SELLER, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(9_205)));
        rejects(ErrorCode.PRICE_NOT_ON_TICK,
            () -> h.createAdIn(2, SELLER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(1)));
        ok(h.createAdIn(2, SELLER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_210)));
    }

    @Test
    void invalidLimits()
    {
        rejects(ErrorCode.INVALID_LIMITS, () -> sellAdWith(terms(9_200).limits(999, 2_000)));
        rejects(ErrorCode.INVALID_LIMITS, () -> sellAdWith(terms(9_200).limits(-1, 2_000)));
        rejects(ErrorCode.INVALID_LIMITS, () -> sellAdWith(terms(9_200).limits(2_000, 1_999)));
        rejects(ErrorCode.INVALID_LIMITS, () -> sellAdWith(terms(9_200).limits(2_000, Long.MIN_VALUE)));
        rejects(ErrorCode.INVALID_LIMITS, () -> h.updateAd(SELLER, adId, terms(9_200).limits(0, 0)));
    }

    @Test
    void invalidPaymentMethods()
    {
        rejects(ErrorCode.INVALID_PAYMENT_METHODS, () -> sellAdWith(terms(9_200).paymentMethods(0)));
        rejects(ErrorCode.INVALID_PAYMENT_METHODS, () -> sellAdWith(terms(9_200).paymentMethods(0b10000)));
        rejects(ErrorCode.INVALID_PAYMENT_METHODS, () -> sellAdWith(terms(9_200).paymentMethods(-1L)));
        rejects(ErrorCode.INVALID_PAYMENT_METHODS, () -> h.express(STRANGER, Side.BUY, 1_000, true, 0, 0, false, 0));
        rejects(ErrorCode.INVALID_PAYMENT_METHODS, () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 1_000, 10, 0, 0));
        secondMarket();
        rejects(ErrorCode.INVALID_PAYMENT_METHODS, () -> h.createAdIn(2, SELLER, Side.BUY, USDT_UNIT,
            AdStatus.ONLINE, terms(9_200).paymentMethods(0b111111)));
    }

    @Test
    void invalidPaymentWindow()
    {
        rejects(ErrorCode.INVALID_PAYMENT_WINDOW, () -> sellAdWith(terms(9_200).paymentWindowMinutes(0)));
        rejects(ErrorCode.INVALID_PAYMENT_WINDOW, () -> sellAdWith(terms(9_200).paymentWindowMinutes(14)));
        rejects(ErrorCode.INVALID_PAYMENT_WINDOW, () -> sellAdWith(terms(9_200).paymentWindowMinutes(181)));
        rejects(ErrorCode.INVALID_PAYMENT_WINDOW, () -> sellAdWith(terms(9_200).paymentWindowMinutes(65_535)));
    }

    @Test
    void invalidGates()
    {
        rejects(ErrorCode.INVALID_GATES, () -> sellAdWith(terms(9_200).gates(4, 0, 0, 0)));
        rejects(ErrorCode.INVALID_GATES, () -> sellAdWith(terms(9_200).gates(0, 0, -1, 0)));
        rejects(ErrorCode.INVALID_GATES, () -> sellAdWith(terms(9_200).gates(0, 0, 0, 10_001)));
    }

    @Test
    void invalidScale()
    {
        rejects(ErrorCode.INVALID_SCALE, () -> h.defineAsset(ADMIN, 3, 19, false));
        rejects(ErrorCode.INVALID_SCALE, () -> h.defineAsset(ADMIN, 3, 255, false));
        rejects(ErrorCode.INVALID_SCALE, () -> h.createMarket(ADMIN, 2, USDT, EUR, 19, 1, 1_000, 10, 0, 0b1111));
        // An asset of scale 0 against a fiat of scale 8 at 4 price decimals: 10^(0 + 4 - 8) is no whole factor.
        ok(h.defineAsset(ADMIN, 3, 0, false));
        ok(h.defineAsset(ADMIN, 102, 8, true));
        rejects(ErrorCode.INVALID_SCALE, () -> h.createMarket(ADMIN, 2, 3, 102, 4, 1, 1_000, 10, 0, 0b1111));
        // Scale 18 asset, 4 price decimals, scale 2 fiat: 10^20 does not fit.
        ok(h.defineAsset(ADMIN, 4, 18, false));
        rejects(ErrorCode.INVALID_SCALE, () -> h.createMarket(ADMIN, 2, 4, EUR, 4, 1, 1_000, 10, 0, 0b1111));
    }

    @Test
    void invalidFee()
    {
        rejects(ErrorCode.INVALID_FEE, () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 1_000, 1_001, 0, 0b1111));
        rejects(ErrorCode.INVALID_FEE, () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 1_000, 0, 1_001, 0b1111));
        rejects(ErrorCode.INVALID_FEE, () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 1_000, -1, 0, 0b1111));
        rejects(ErrorCode.INVALID_FEE,
            () -> h.createMarket(ADMIN, 2, USDT, EUR, 4, 1, 1_000, 0, Integer.MIN_VALUE, 0b1111));
    }

    @Test
    void invalidRole()
    {
        rejects(ErrorCode.INVALID_ROLE, () -> h.registerUser(40, Role.NULL_VAL, 1));
        rejects(ErrorCode.INVALID_ROLE, () -> h.setRole(ADMIN, STRANGER, Role.NULL_VAL));
    }

    @Test
    void invalidKycLevel()
    {
        rejects(ErrorCode.INVALID_KYC_LEVEL, () -> h.registerUser(40, Role.USER, 4));
        rejects(ErrorCode.INVALID_KYC_LEVEL, () -> h.registerUser(40, Role.USER, 255));
        rejects(ErrorCode.INVALID_KYC_LEVEL, () -> h.setKyc(ADMIN, STRANGER, 4));
    }

    @Test
    void invalidSide()
    {
        rejects(ErrorCode.INVALID_SIDE,
            () -> h.createAd(SELLER, Side.NULL_VAL, USDT_UNIT, AdStatus.ONLINE, terms(9_200)));
        rejects(ErrorCode.INVALID_SIDE, () -> h.express(STRANGER, Side.NULL_VAL, 1_000, true, 0b1111, 0, false, 0));
    }

    @Test
    void invalidStatus()
    {
        rejects(ErrorCode.INVALID_STATUS,
            () -> h.createAd(SELLER, Side.SELL, USDT_UNIT, AdStatus.CLOSED, terms(9_200)));
        rejects(ErrorCode.INVALID_STATUS,
            () -> h.createAd(SELLER, Side.SELL, USDT_UNIT, AdStatus.NULL_VAL, terms(9_200)));
        rejects(ErrorCode.INVALID_STATUS, () -> h.setStatus(SELLER, adId, AdStatus.NULL_VAL));
        rejects(ErrorCode.INVALID_STATUS, () -> sellAdWith(terms(9_200).visibility(Visibility.NULL_VAL)));
    }

    @Test
    void invalidMargin()
    {
        rejects(ErrorCode.INVALID_MARGIN, () -> sellAdWith(terms(0).floating(5_001)));
        rejects(ErrorCode.INVALID_MARGIN, () -> sellAdWith(terms(0).floating(-5_001)));
        rejects(ErrorCode.INVALID_MARGIN, () -> sellAdWith(terms(0).floating(Integer.MIN_VALUE)));
        rejects(ErrorCode.INVALID_MARGIN, () -> h.updateAd(SELLER, adId, terms(0).floating(Integer.MAX_VALUE)));
    }

    @Test
    void invalidMarket()
    {
        rejects(ErrorCode.INVALID_MARKET, () -> h.createMarket(ADMIN, 2, EUR, EUR, 4, 1, 1_000, 10, 0, 0b1111));
        rejects(ErrorCode.INVALID_MARKET, () -> h.createMarket(ADMIN, 2, USDT, USDT, 4, 1, 1_000, 10, 0, 0b1111));
        rejects(ErrorCode.INVALID_MARKET, () -> h.createMarket(ADMIN, 2, EUR, USDT, 4, 1, 1_000, 10, 0, 0b1111));
    }

    @Test
    void unknownCommand()
    {
        final UnsafeBuffer raw = new UnsafeBuffer(new byte[64]);
        new MessageHeaderEncoder().wrap(raw, 0)
            .blockLength(16)
            .templateId(99)
            .schemaId(MessageHeaderEncoder.SCHEMA_ID)
            .version(MessageHeaderEncoder.SCHEMA_VERSION);
        raw.putLong(MessageHeaderEncoder.ENCODED_LENGTH, h.nextCorrelationId());
        raw.putLong(MessageHeaderEncoder.ENCODED_LENGTH + 8, h.now);
        rejects(ErrorCode.UNKNOWN_COMMAND, () -> h.sendRaw(raw, MessageHeaderEncoder.ENCODED_LENGTH + 16));
        // An event's id is no command either.
        new MessageHeaderEncoder().wrap(raw, 0).templateId(114);
        rejects(ErrorCode.UNKNOWN_COMMAND, () -> h.sendRaw(raw, MessageHeaderEncoder.ENCODED_LENGTH + 16));
        // Another schema, a body shorter than its header says, a message shorter than a header.
        new MessageHeaderEncoder().wrap(raw, 0).templateId(15).schemaId(8);
        rejects(ErrorCode.UNKNOWN_COMMAND, () -> h.sendRaw(raw, MessageHeaderEncoder.ENCODED_LENGTH + 16));
        new MessageHeaderEncoder().wrap(raw, 0).schemaId(MessageHeaderEncoder.SCHEMA_ID).blockLength(32);
        rejects(ErrorCode.UNKNOWN_COMMAND, () -> h.sendRaw(raw, MessageHeaderEncoder.ENCODED_LENGTH + 16));
        rejects(ErrorCode.UNKNOWN_COMMAND, () -> h.sendRaw(raw, 4));
    }

    @Test
    void invalidId()
    {
        rejects(ErrorCode.INVALID_ID, () -> h.registerUser(0, Role.USER, 1));
        rejects(ErrorCode.INVALID_ID, () -> h.registerUser(Long.MIN_VALUE, Role.USER, 1));
        rejects(ErrorCode.INVALID_ID, () -> h.defineAsset(ADMIN, 0, 6, false));
        rejects(ErrorCode.INVALID_ID, () -> h.defineAsset(ADMIN, -1, 6, false));
        rejects(ErrorCode.INVALID_ID, () -> h.defineAsset(ADMIN, 1_024, 6, false));
        rejects(ErrorCode.INVALID_ID, () -> h.createMarket(ADMIN, 0, USDT, EUR, 4, 1, 1_000, 10, 0, 0b1111));
        rejects(ErrorCode.INVALID_ID, () -> h.createMarket(ADMIN, -2, USDT, EUR, 4, 1, 1_000, 10, 0, 0b1111));
    }

    @Test
    void invalidAsset()
    {
        rejects(ErrorCode.INVALID_ASSET, () -> h.depositBy(ADMIN, STRANGER, EUR, 100));
        rejects(ErrorCode.INVALID_ASSET, () -> h.withdrawBy(ADMIN, STRANGER, EUR, 100));
    }

    @Test
    void invalidOutcome()
    {
        disputed();
        rejects(ErrorCode.INVALID_OUTCOME, () -> h.resolve(ARBITER, orderId, DisputeOutcome.NULL_VAL));
    }

    // 2xx: the actor may not.

    @Test
    void notAdmin()
    {
        rejects(ErrorCode.NOT_ADMIN, () -> h.setIndexIn(SELLER, MARKET, 9_300));
        rejects(ErrorCode.NOT_ADMIN, () -> h.depositBy(SELLER, SELLER, USDT, 100));
        rejects(ErrorCode.NOT_ADMIN, () -> h.withdrawBy(STRANGER, STRANGER, USDT, 100));
        rejects(ErrorCode.NOT_ADMIN, () -> h.defineAsset(BUYER, 3, 8, false));
        rejects(ErrorCode.NOT_ADMIN, () -> h.createMarket(ARBITER, 2, USDT, EUR, 4, 1, 1_000, 10, 0, 0b1111));
        rejects(ErrorCode.NOT_ADMIN, () -> h.setRole(BUYER, BUYER, Role.ADMIN));
        rejects(ErrorCode.NOT_ADMIN, () -> h.setKyc(BUYER, BUYER, 3));
    }

    @Test
    void notArbiter()
    {
        disputed();
        rejects(ErrorCode.NOT_ARBITER, () -> h.resolve(ADMIN, orderId, DisputeOutcome.RELEASE));
        rejects(ErrorCode.NOT_ARBITER, () -> h.resolve(BUYER, orderId, DisputeOutcome.RELEASE));
        rejects(ErrorCode.NOT_ARBITER, () -> h.resolve(SELLER, orderId, DisputeOutcome.REFUND));
        rejects(ErrorCode.NOT_ARBITER, () -> h.resolve(STRANGER, orderId, DisputeOutcome.REFUND));
    }

    @Test
    void notArbiterOfHisOwnOrder()
    {
        // An arbiter who trades is a party like any other and may not judge his own dispute.
        final long own = h.takeEur(ARBITER, adId, 92);
        ok(h.markPaid(ARBITER, own));
        h.advance(10 * MINUTE_MS);
        ok(h.appeal(SELLER, own));
        rejects(ErrorCode.NOT_ARBITER, () -> h.resolve(ARBITER, own, DisputeOutcome.RELEASE));
    }

    @Test
    void notAdOwner()
    {
        rejects(ErrorCode.NOT_AD_OWNER, () -> h.updateAd(STRANGER, adId, terms(9_300)));
        rejects(ErrorCode.NOT_AD_OWNER, () -> h.setStatus(BUYER, adId, AdStatus.CLOSED));
        rejects(ErrorCode.NOT_AD_OWNER, () -> h.setStatus(ADMIN, adId, AdStatus.OFFLINE));
        rejects(ErrorCode.NOT_AD_OWNER, () -> h.changeQuantity(STRANGER, adId, -USDT_UNIT));
    }

    @Test
    void notOrderParty()
    {
        rejects(ErrorCode.NOT_ORDER_PARTY, () -> h.markPaid(STRANGER, orderId));
        rejects(ErrorCode.NOT_ORDER_PARTY, () -> h.cancel(STRANGER, orderId));
        rejects(ErrorCode.NOT_ORDER_PARTY, () -> h.release(ADMIN, orderId));
        rejects(ErrorCode.NOT_ORDER_PARTY, () -> h.requestCancel(ARBITER, orderId));
        rejects(ErrorCode.NOT_ORDER_PARTY, () -> h.reviewCancel(STRANGER, orderId, true));
        paid();
        h.advance(10 * MINUTE_MS);
        rejects(ErrorCode.NOT_ORDER_PARTY, () -> h.appeal(STRANGER, orderId));
        ok(h.appeal(BUYER, orderId));
        rejects(ErrorCode.NOT_ORDER_PARTY, () -> h.withdrawAppeal(STRANGER, orderId));
    }

    @Test
    void notBuyer()
    {
        rejects(ErrorCode.NOT_BUYER, () -> h.markPaid(SELLER, orderId));
        rejects(ErrorCode.NOT_BUYER, () -> h.cancel(SELLER, orderId));
        ok(h.requestCancel(SELLER, orderId));
        rejects(ErrorCode.NOT_BUYER, () -> h.reviewCancel(SELLER, orderId, true));
    }

    @Test
    void notSeller()
    {
        paid();
        rejects(ErrorCode.NOT_SELLER, () -> h.release(BUYER, orderId));
        rejects(ErrorCode.NOT_SELLER, () -> h.requestCancel(BUYER, orderId));
    }

    @Test
    void notAppealAuthor()
    {
        disputed();
        rejects(ErrorCode.NOT_APPEAL_AUTHOR, () -> h.withdrawAppeal(SELLER, orderId));
    }

    @Test
    void ownAd()
    {
        rejects(ErrorCode.OWN_AD, () -> h.take(SELLER, adId, 9_200, true, SEPA, 0));
        final long buy = buyAd();
        rejects(ErrorCode.OWN_AD, () -> h.take(SELLER, buy, 9_100, true, SEPA, 0));
    }

    @Test
    void blockedCounterparty()
    {
        ok(h.block(SELLER, STRANGER));
        rejects(ErrorCode.BLOCKED_COUNTERPARTY, () -> h.take(STRANGER, adId, 9_200, true, SEPA, 0));
        ok(h.unblock(SELLER, STRANGER));
        ok(h.block(STRANGER, SELLER));
        rejects(ErrorCode.BLOCKED_COUNTERPARTY, () -> h.take(STRANGER, adId, 9_200, true, SEPA, 0));
    }

    @Test
    void counterpartyRequirementsNotMet()
    {
        final long gated = h.ad(SELLER, Side.SELL, 100, terms(9_200).gates(2, 0, 0, 0));
        rejects(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET, () -> h.take(STRANGER, gated, 9_200, true, SEPA, 0));
        final long aged = h.ad(SELLER, Side.SELL, 100, terms(9_200).gates(0, 1, 0, 0));
        rejects(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET, () -> h.take(STRANGER, aged, 9_200, true, SEPA, 0));
        final long experienced = h.ad(SELLER, Side.SELL, 100, terms(9_200).gates(0, 0, 1, 0));
        rejects(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET,
            () -> h.take(STRANGER, experienced, 9_200, true, SEPA, 0));
        // The gates of a BUY ad bind the taker who sells into it, too.
        final long gatedBuy = h.ad(SELLER, Side.BUY, 100, terms(9_100).gates(3, 0, 0, 0));
        rejects(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET,
            () -> h.take(STRANGER, gatedBuy, 2_000, true, SEPA, 0));
    }

    @Test
    void postingThresholdNotMet()
    {
        rejects(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(STRANGER, Side.SELL, USDT_UNIT, AdStatus.ONLINE, terms(9_200)));
        rejects(ErrorCode.POSTING_THRESHOLD_NOT_MET,
            () -> h.createAd(BUYER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_200)));
    }

    @Test
    void userRestricted()
    {
        ok(h.cancel(BUYER, orderId));
        for (int i = 0; i < 3; i++)
        {
            ok(h.cancel(BUYER, h.takeEur(BUYER, adId, 10)));
        }
        rejects(ErrorCode.USER_RESTRICTED, () -> h.take(BUYER, adId, 9_200, true, SEPA, 0));
        rejects(ErrorCode.USER_RESTRICTED, () -> h.express(BUYER, Side.BUY, 9_200, true, 0b1111, 0, false, 0));
        ok(h.setRole(ADMIN, BUYER, Role.MERCHANT));
        rejects(ErrorCode.USER_RESTRICTED,
            () -> h.createAd(BUYER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_000)));
    }

    @Test
    void cannotChangeOwnRole()
    {
        rejects(ErrorCode.CANNOT_CHANGE_OWN_ROLE, () -> h.setRole(ADMIN, ADMIN, Role.USER));
    }

    @Test
    void cannotBlockSelf()
    {
        rejects(ErrorCode.CANNOT_BLOCK_SELF, () -> h.block(STRANGER, STRANGER));
    }

    // 3xx: unknown or existing ids.

    @Test
    void unknownUser()
    {
        rejects(ErrorCode.UNKNOWN_USER, () -> h.take(NOBODY, adId, 9_200, true, SEPA, 0));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.express(NOBODY, Side.BUY, 9_200, true, 0b1111, 0, false, 0));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.createAd(NOBODY, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_000)));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.updateAd(NOBODY, adId, terms(9_300)));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.deposit(NOBODY, USDT_UNIT));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.depositBy(NOBODY, STRANGER, USDT, USDT_UNIT));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.setRole(ADMIN, NOBODY, Role.MERCHANT));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.setKyc(ADMIN, NOBODY, 1));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.markPaid(NOBODY, orderId));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.resolve(NOBODY, orderId, DisputeOutcome.RELEASE));
        rejects(ErrorCode.UNKNOWN_USER, () -> h.block(NOBODY, STRANGER));
    }

    @Test
    void userExists()
    {
        rejects(ErrorCode.USER_EXISTS, () -> h.registerUser(STRANGER, Role.USER, 1));
        rejects(ErrorCode.USER_EXISTS, () -> h.registerUser(ADMIN, Role.ADMIN, 3));
    }

    @Test
    void unknownAsset()
    {
        rejects(ErrorCode.UNKNOWN_ASSET, () -> h.depositBy(ADMIN, STRANGER, 77, 100));
        rejects(ErrorCode.UNKNOWN_ASSET, () -> h.withdrawBy(ADMIN, STRANGER, 0, 100));
        rejects(ErrorCode.UNKNOWN_ASSET, () -> h.createMarket(ADMIN, 2, 77, EUR, 4, 1, 1_000, 10, 0, 0b1111));
        rejects(ErrorCode.UNKNOWN_ASSET, () -> h.createMarket(ADMIN, 2, USDT, 177, 4, 1, 1_000, 10, 0, 0b1111));
    }

    @Test
    void assetExists()
    {
        rejects(ErrorCode.ASSET_EXISTS, () -> h.defineAsset(ADMIN, USDT, 6, false));
        rejects(ErrorCode.ASSET_EXISTS, () -> h.defineAsset(ADMIN, EUR, 8, false));
    }

    @Test
    void unknownMarket()
    {
        rejects(ErrorCode.UNKNOWN_MARKET,
            () -> h.createAdIn(9, SELLER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_000)));
        rejects(ErrorCode.UNKNOWN_MARKET, () -> h.setIndexIn(ADMIN, 9, 9_000));
        rejects(ErrorCode.UNKNOWN_MARKET,
            () -> h.expressIn(9, STRANGER, Side.BUY, 9_200, true, 0b1111, 0, false, 0));
    }

    @Test
    void marketExists()
    {
        rejects(ErrorCode.MARKET_EXISTS,
            () -> h.createMarket(ADMIN, MARKET, USDT, EUR, 4, 1, 1_000, 10, 0, 0b1111));
    }

    @Test
    void unknownAd()
    {
        rejects(ErrorCode.UNKNOWN_AD, () -> h.take(STRANGER, NOBODY, 9_200, true, SEPA, 0));
        rejects(ErrorCode.UNKNOWN_AD, () -> h.take(STRANGER, 0, 9_200, true, SEPA, 0));
        rejects(ErrorCode.UNKNOWN_AD, () -> h.take(STRANGER, -1, 9_200, true, SEPA, 0));
        rejects(ErrorCode.UNKNOWN_AD, () -> h.updateAd(SELLER, NOBODY, terms(9_200)));
        rejects(ErrorCode.UNKNOWN_AD, () -> h.setStatus(SELLER, Long.MAX_VALUE, AdStatus.CLOSED));
        rejects(ErrorCode.UNKNOWN_AD, () -> h.changeQuantity(SELLER, Long.MIN_VALUE, USDT_UNIT));
    }

    @Test
    void unknownOrder()
    {
        rejects(ErrorCode.UNKNOWN_ORDER, () -> h.markPaid(BUYER, NOBODY));
        rejects(ErrorCode.UNKNOWN_ORDER, () -> h.release(SELLER, 0));
        rejects(ErrorCode.UNKNOWN_ORDER, () -> h.cancel(BUYER, -1));
        rejects(ErrorCode.UNKNOWN_ORDER, () -> h.appeal(BUYER, Long.MAX_VALUE));
        rejects(ErrorCode.UNKNOWN_ORDER, () -> h.resolve(ARBITER, NOBODY, DisputeOutcome.REFUND));
    }

    @Test
    void adClosed()
    {
        ok(h.setStatus(SELLER, adId, AdStatus.CLOSED));
        rejects(ErrorCode.AD_CLOSED, () -> h.take(STRANGER, adId, 9_200, true, SEPA, 0));
        rejects(ErrorCode.AD_CLOSED, () -> h.updateAd(SELLER, adId, terms(9_300)));
        rejects(ErrorCode.AD_CLOSED, () -> h.setStatus(SELLER, adId, AdStatus.ONLINE));
        rejects(ErrorCode.AD_CLOSED, () -> h.setStatus(SELLER, adId, AdStatus.CLOSED));
        rejects(ErrorCode.AD_CLOSED, () -> h.changeQuantity(SELLER, adId, USDT_UNIT));
    }

    @Test
    void orderFinished()
    {
        paid();
        ok(h.release(SELLER, orderId));
        rejects(ErrorCode.ORDER_FINISHED, () -> h.release(SELLER, orderId));
        rejects(ErrorCode.ORDER_FINISHED, () -> h.cancel(BUYER, orderId));
        rejects(ErrorCode.ORDER_FINISHED, () -> h.markPaid(BUYER, orderId));
        rejects(ErrorCode.ORDER_FINISHED, () -> h.requestCancel(SELLER, orderId));
        rejects(ErrorCode.ORDER_FINISHED, () -> h.withdrawAppeal(BUYER, orderId));
    }

    @Test
    void noIndexPrice()
    {
        secondMarket();
        rejects(ErrorCode.NO_INDEX_PRICE,
            () -> h.createAdIn(2, SELLER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(0).floating(0)));
        ok(h.createAdIn(2, SELLER, Side.BUY, USDT_UNIT, AdStatus.ONLINE, terms(9_200)));
        final long fixedAd = h.lastAdId();
        rejects(ErrorCode.NO_INDEX_PRICE, () -> h.updateAd(SELLER, fixedAd, terms(0).floating(100)));
    }

    // 4xx: business rules.

    @Test
    void insufficientBalance()
    {
        // 499.5 USDT are free: a 499.5 USDT ad would reserve 499.9995.
        rejects(ErrorCode.INSUFFICIENT_BALANCE,
            () -> h.createAd(SELLER, Side.SELL, 499_500_000, AdStatus.ONLINE, terms(9_200)));
        rejects(ErrorCode.INSUFFICIENT_BALANCE, () -> h.changeQuantity(SELLER, adId, 500 * USDT_UNIT));
        rejects(ErrorCode.INSUFFICIENT_BALANCE, () -> h.withdraw(SELLER, 499_500_001));
        rejects(ErrorCode.INSUFFICIENT_BALANCE, () -> h.withdraw(BUYER, 1));
        // Selling 92 EUR = 100 USDT into a BUY ad with 50 USDT.
        final long buy = buyAd();
        rejects(ErrorCode.INSUFFICIENT_BALANCE, () -> h.take(STRANGER, buy, 100 * USDT_UNIT, false, SEPA, 0));
        rejects(ErrorCode.INSUFFICIENT_BALANCE, () -> h.take(BUYER, buy, 2_000, true, SEPA, 0));
    }

    @Test
    void adLimitExceeded()
    {
        // The ad takes 10 to 1000 EUR per order.
        final long narrow = h.ad(SELLER, Side.SELL, 100, terms(9_200).limits(20 * EUR_UNIT, 30 * EUR_UNIT));
        rejects(ErrorCode.AD_LIMIT_EXCEEDED, () -> h.take(STRANGER, narrow, 1_999, true, SEPA, 0));
        rejects(ErrorCode.AD_LIMIT_EXCEEDED, () -> h.take(STRANGER, narrow, 3_001, true, SEPA, 0));
        rejects(ErrorCode.AD_LIMIT_EXCEEDED, () -> h.take(STRANGER, adId, 100_001, true, SEPA, 0));
        // By quantity, Long.MAX_VALUE minor units cost about 8.5 x 10^17 cents: far above 1000 EUR.
        rejects(ErrorCode.AD_LIMIT_EXCEEDED, () -> h.take(STRANGER, adId, Long.MAX_VALUE, false, SEPA, 0));
    }

    @Test
    void adInsufficientQuantity()
    {
        // 400 USDT remain: 1000 EUR would be 1086.956521 USDT.
        rejects(ErrorCode.AD_INSUFFICIENT_QUANTITY, () -> h.take(STRANGER, adId, 100_000, true, SEPA, 0));
        rejects(ErrorCode.AD_INSUFFICIENT_QUANTITY, () -> h.take(STRANGER, adId, 400 * USDT_UNIT + 1, false, SEPA, 0));
        rejects(ErrorCode.AD_INSUFFICIENT_QUANTITY, () -> h.changeQuantity(SELLER, adId, -400 * USDT_UNIT - 1));
    }

    @Test
    void adNotOnline()
    {
        ok(h.setStatus(SELLER, adId, AdStatus.OFFLINE));
        rejects(ErrorCode.AD_NOT_ONLINE, () -> h.take(STRANGER, adId, 9_200, true, SEPA, 0));
    }

    @Test
    void adEditRateLimited()
    {
        for (int i = 1; i <= 10; i++)
        {
            ok(h.updateAd(SELLER, adId, terms(9_200 + i)));
        }
        rejects(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.updateAd(SELLER, adId, terms(9_200)));
        rejects(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.changeQuantity(SELLER, adId, -USDT_UNIT));
        rejects(ErrorCode.AD_EDIT_RATE_LIMITED, () -> h.setStatus(SELLER, adId, AdStatus.OFFLINE));
    }

    @Test
    void belowMarketMinimum()
    {
        // The market's minimum order is 10 EUR.
        rejects(ErrorCode.BELOW_MARKET_MINIMUM, () -> h.take(STRANGER, adId, 999, true, SEPA, 0));
        rejects(ErrorCode.BELOW_MARKET_MINIMUM, () -> h.take(STRANGER, adId, 1, true, SEPA, 0));
        // 10.869564 USDT x 0.92 = 9.99999888 EUR: sold into a BUY ad it is rounded down to 9.99 EUR, not enough;
        // bought from a SELL ad it is rounded up to 10.00 EUR, enough.
        final long buy = h.ad(SELLER, Side.BUY, 500, terms(9_200));
        rejects(ErrorCode.BELOW_MARKET_MINIMUM, () -> h.take(STRANGER, buy, 10_869_564, false, SEPA, 0));
        ok(h.take(STRANGER, adId, 10_869_564, false, SEPA, 0));
    }

    @Test
    void paymentMethodNotAccepted()
    {
        final long sepaOnly = h.ad(SELLER, Side.SELL, 100, terms(9_200).paymentMethods(1L << SEPA));
        rejects(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED, () -> h.take(STRANGER, sepaOnly, 9_200, true, ZELLE, 0));
        rejects(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED, () -> h.take(STRANGER, sepaOnly, 9_200, true, 63, 0));
        rejects(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED, () -> h.take(STRANGER, sepaOnly, 9_200, true, 255, 0));
    }

    @Test
    void tooManyOpenOrders()
    {
        final long once = h.ad(SELLER, Side.SELL, 100, terms(9_200).maxOpenOrdersPerTaker(1));
        h.takeEur(STRANGER, once, 10);
        rejects(ErrorCode.TOO_MANY_OPEN_ORDERS, () -> h.take(STRANGER, once, 1_000, true, SEPA, 0));
    }

    @Test
    void tooManyAds()
    {
        // The seller has one ad; 99 more make the 100 a user may have; closing one makes room.
        for (int i = 0; i < 99; i++)
        {
            h.ad(SELLER, Side.BUY, 1, terms(9_100));
        }
        final long last = h.lastAdId();
        rejects(ErrorCode.TOO_MANY_ADS, () -> h.createAd(SELLER, Side.BUY, 1_000_000L, AdStatus.ONLINE, terms(9_100)));
        ok(h.setStatus(SELLER, last, AdStatus.CLOSED));
        buyAd();
    }

    @Test
    void invalidRules()
    {
        rejects(ErrorCode.INVALID_RULES, () -> h.setRules(ADMIN, out ->
        {
            RulesCodec.encode(CoreConfig.defaults(), out);
            out.maxSplitOrders(0);
        }));
        rejects(ErrorCode.INVALID_RULES, () -> h.setRules(ADMIN, out ->
        {
            RulesCodec.encode(CoreConfig.defaults(), out);
            out.restrictionStepCount((short)9);
        }));
    }

    @Test
    void priceOutOfBand()
    {
        // The index is 0.9200 and the band 5000 bps: fixed prices from 0.4600 to 1.3800.
        rejects(ErrorCode.PRICE_OUT_OF_BAND, () -> sellAdWith(terms(13_801)));
        rejects(ErrorCode.PRICE_OUT_OF_BAND, () -> sellAdWith(terms(4_599)));
        rejects(ErrorCode.PRICE_OUT_OF_BAND, () -> sellAdWith(terms(Long.MAX_VALUE)));
        rejects(ErrorCode.PRICE_OUT_OF_BAND, () -> h.updateAd(SELLER, adId, terms(922_337_203_685_477L)));
    }

    @Test
    void tooManyUnpaidOrders()
    {
        // A new taker (fewer than 3 completed orders) holds at most 2 orders it must pay, across all ads: the
        // buyer has one on adId; a second on another ad, then neither a take nor an express buy.
        final long another = h.ad(SELLER, Side.SELL, 100, terms(9_300));
        h.takeEur(BUYER, another, 10);
        rejects(ErrorCode.TOO_MANY_UNPAID_ORDERS, () -> h.take(BUYER, adId, 1_000, true, SEPA, 0));
        rejects(ErrorCode.TOO_MANY_UNPAID_ORDERS, () -> h.express(BUYER, Side.BUY, 1_000, true, 0b1111, 0, true, 0));
    }

    @Test
    void invalidOrderState()
    {
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.release(SELLER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.appeal(BUYER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.withdrawAppeal(BUYER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.resolve(ARBITER, orderId, DisputeOutcome.RELEASE));
        paid();
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.markPaid(BUYER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.resolve(ARBITER, orderId, DisputeOutcome.REFUND));
        h.advance(10 * MINUTE_MS);
        ok(h.appeal(SELLER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.appeal(BUYER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.cancel(BUYER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.release(SELLER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.requestCancel(SELLER, orderId));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.reviewCancel(BUYER, orderId, true));
        rejects(ErrorCode.INVALID_ORDER_STATE, () -> h.markPaid(BUYER, orderId));
    }

    @Test
    void appealTooEarly()
    {
        paid();
        h.advance(10 * MINUTE_MS - 1);
        rejects(ErrorCode.APPEAL_TOO_EARLY, () -> h.appeal(BUYER, orderId));
        rejects(ErrorCode.APPEAL_TOO_EARLY, () -> h.appeal(SELLER, orderId));
    }

    @Test
    void cancelRequestPending()
    {
        ok(h.requestCancel(SELLER, orderId));
        rejects(ErrorCode.CANCEL_REQUEST_PENDING, () -> h.requestCancel(SELLER, orderId));
    }

    @Test
    void noCancelRequest()
    {
        rejects(ErrorCode.NO_CANCEL_REQUEST, () -> h.reviewCancel(BUYER, orderId, true));
        rejects(ErrorCode.NO_CANCEL_REQUEST, () -> h.reviewCancel(BUYER, orderId, false));
    }

    @Test
    void noMatchingAd()
    {
        rejects(ErrorCode.NO_MATCHING_AD, () -> h.express(STRANGER, Side.SELL, 1_000, true, 0b1111, 0, true, 0));
        rejects(ErrorCode.NO_MATCHING_AD, () -> h.express(STRANGER, Side.BUY, 1_000, true, 0b1111, 9_100, true, 0));
        rejects(ErrorCode.NO_MATCHING_AD, () -> h.express(STRANGER, Side.BUY, 100_001, true, 0b1111, 0, true, 0));
        rejects(ErrorCode.NO_MATCHING_AD,
            () -> h.express(STRANGER, Side.BUY, Long.MAX_VALUE, true, 0b1111, 0, true, 0));
        rejects(ErrorCode.NO_MATCHING_AD, () -> h.express(SELLER, Side.BUY, 1_000, true, 0b1111, 0, true, 0));
        rejects(ErrorCode.NO_MATCHING_AD, () -> h.express(STRANGER, Side.BUY, 1_000, true, 0b110000, 0, true, 0));
    }

    @Test
    void alreadyBlocked()
    {
        ok(h.block(BUYER, STRANGER));
        rejects(ErrorCode.ALREADY_BLOCKED, () -> h.block(BUYER, STRANGER));
    }

    @Test
    void notBlocked()
    {
        rejects(ErrorCode.NOT_BLOCKED, () -> h.unblock(BUYER, STRANGER));
        ok(h.block(STRANGER, BUYER));
        rejects(ErrorCode.NOT_BLOCKED, () -> h.unblock(BUYER, STRANGER));
    }

    @Test
    void paymentDeadlinePassed()
    {
        // payBy is 15 minutes after taking; no tick has expired the order yet.
        h.advance(15 * MINUTE_MS);
        rejects(ErrorCode.PAYMENT_DEADLINE_PASSED, () -> h.markPaid(BUYER, orderId));
    }
}
