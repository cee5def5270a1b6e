package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.EUR_UNIT;
import static org.p2px.core.CoreHarness.MARKET;
import static org.p2px.core.CoreHarness.USDT;
import static org.p2px.core.CoreHarness.USDT_UNIT;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.PriceType;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

class CoreReaderTest
{
    private static final long M1 = 10;
    private static final long M2 = 11;
    private static final long M3 = 12;
    private static final long BUYER = 20;

    private final CoreHarness h = new CoreHarness().standardWorld();
    private final CoreReader reader = new CoreReader(h.core);

    @Test
    void anAdIsCopiedWithItsEffectivePrice()
    {
        h.merchant(M1, 1_000);
        final long fixed = h.ad(M1, Side.SELL, 100, terms(9300).gates(1, 2, 3, 4_000).maxOpenOrdersPerTaker(2));
        final long floating = h.ad(M1, Side.SELL, 100, terms(0).floating(100));

        final AdSnapshot ad = reader.ad(fixed);
        assertEquals(M1, ad.ownerId());
        assertEquals(MARKET, ad.marketId());
        assertEquals(Side.SELL, ad.side());
        assertEquals(AdStatus.ONLINE, ad.status());
        assertEquals(PriceType.FIXED, ad.priceType());
        assertEquals(9300, ad.fixedPrice());
        assertEquals(9300, ad.price());
        assertEquals(100 * USDT_UNIT, ad.remaining());
        assertEquals(100 * USDT_UNIT + 100_000, ad.reserved());
        assertEquals(10 * EUR_UNIT, ad.minFiat());
        assertEquals(1_000 * EUR_UNIT, ad.maxFiat());
        assertEquals(CoreHarness.ALL_METHODS, ad.paymentMethods());
        assertEquals(1, ad.minKycLevel());
        assertEquals(2, ad.minAccountAgeDays());
        assertEquals(3, ad.minCompletedOrders());
        assertEquals(4_000, ad.minCompletionRateBps());
        assertEquals(2, ad.maxOpenOrdersPerTaker());
        assertEquals(Visibility.PUBLIC, ad.visibility());
        assertEquals(CoreHarness.START, ad.createdAt());

        assertEquals(PriceType.FLOATING, reader.ad(floating).priceType());
        assertEquals(100, reader.ad(floating).marginBps());
        assertEquals(9292, reader.ad(floating).price());
        ok(h.setIndex(10_000));
        assertEquals(10_100, reader.ad(floating).price());
        assertEquals(10_000, reader.indexPrice(MARKET));
        assertEquals(0, reader.indexPrice(99));
        assertEquals(List.of(fixed, floating), reader.ads(MARKET).stream().map(AdSnapshot::adId).toList());

        ok(h.setStatus(M1, fixed, AdStatus.CLOSED));
        assertNull(reader.ad(fixed));
        assertNull(reader.ad(12345));
    }

    @Test
    void aUserIsCopiedWithBalancesAndStatistics()
    {
        h.merchant(M1, 1_000);
        h.user(BUYER, 0);
        final long adId = h.ad(M1, Side.SELL, 500, terms(9200));
        h.advance(60_000);
        final long orderId = h.takeEur(BUYER, adId, 92);

        final OrderSnapshot open = reader.order(orderId);
        assertEquals(OrderState.PENDING_PAYMENT, open.state());
        assertEquals(adId, open.sellAdId());
        assertEquals(0, open.buyAdId());
        assertEquals(BUYER, open.buyerId());
        assertEquals(M1, open.sellerId());
        assertEquals(M1, open.makerId());
        assertEquals(BUYER, open.takerId());
        assertEquals(9_200, open.fiatAmount());
        assertEquals(100 * USDT_UNIT, open.quantity());

        h.advance(30_000);
        ok(h.markPaid(BUYER, orderId));
        h.advance(10_000);
        ok(h.release(M1, orderId));
        assertNull(reader.order(orderId));

        final UserSnapshot seller = reader.user(M1);
        assertEquals(Role.MERCHANT, seller.role());
        assertEquals(1, seller.completedOrders());
        assertEquals(1, seller.completed30d());
        assertEquals(0, seller.failed30d());
        assertEquals(10_000, seller.releaseTimeTotalMs());
        assertEquals(1, seller.releaseCount());
        final BalanceSnapshot usdt = seller.balances().stream().filter(b -> b.assetId() == USDT).findFirst().orElseThrow();
        assertEquals(h.available(M1), usdt.available());
        assertEquals(h.locked(M1), usdt.locked());

        final UserSnapshot buyer = reader.user(BUYER);
        assertEquals(30_000, buyer.payTimeTotalMs());
        assertEquals(1, buyer.payCount());
        assertEquals(CoreHarness.START, buyer.createdAt());
        assertEquals(List.of(new BalanceSnapshot(USDT, 100 * USDT_UNIT, 0)), buyer.balances());
        assertNull(reader.user(999));
    }

    @Test
    void theBookIsBestPriceThenOldestAndSkipsWhatATakerCannotSee()
    {
        h.merchant(M1, 1_000);
        h.merchant(M2, 1_000);
        final long cheap = h.ad(M1, Side.SELL, 100, terms(9100));
        final long dear = h.ad(M2, Side.SELL, 100, terms(9300));
        final long cheapLater = h.ad(M2, Side.SELL, 100, terms(9100));
        final long floating = h.ad(M2, Side.SELL, 100, terms(0).floating(-100));
        ok(h.createAd(M1, Side.SELL, 100 * USDT_UNIT, AdStatus.OFFLINE, terms(9000)));
        ok(h.createAd(M1, Side.SELL, 100 * USDT_UNIT, AdStatus.ONLINE, terms(9000).visibility(Visibility.PRIVATE)));

        // The floating ad: 0.9200 x 0.99 = 0.9108, after both ads at 0.9100.
        assertEquals(List.of(cheap, cheapLater, floating, dear), ids(reader.book(MARKET, Side.SELL, 0, -1, 0, 10)));
        assertEquals(List.of(cheap, cheapLater), ids(reader.book(MARKET, Side.SELL, 0, -1, 0, 2)));
        assertEquals(List.of(), reader.book(MARKET, Side.BUY, 0, -1, 0, 10));
        assertEquals(List.of(), reader.book(77, Side.SELL, 0, -1, 0, 10));
        assertEquals(9108, reader.book(MARKET, Side.SELL, 0, -1, 0, 10).get(2).price());

        h.user(BUYER, 0);
        ok(h.block(BUYER, M2));
        assertEquals(List.of(cheap), ids(reader.book(MARKET, Side.SELL, 0, -1, BUYER, 10)));
        ok(h.unblock(BUYER, M2));
        ok(h.block(M1, BUYER));
        assertEquals(List.of(cheapLater, floating, dear), ids(reader.book(MARKET, Side.SELL, 0, -1, BUYER, 10)));
        // Owners see their own ads.
        assertEquals(List.of(cheap, cheapLater, floating, dear), ids(reader.book(MARKET, Side.SELL, 0, -1, M1, 10)));
    }

    @Test
    void theBookFiltersByAmountAndPaymentMethod()
    {
        h.merchant(M1, 1_000);
        h.merchant(M2, 2_000);
        h.merchant(M3, 1_000);
        final long small = h.ad(M1, Side.SELL, 20, terms(9000));
        final long sepaOnly = h.ad(M2, Side.SELL, 500, terms(9100).paymentMethods(1L << CoreHarness.SEPA));
        final long bounded = h.ad(M2, Side.SELL, 500, terms(9200).limits(50 * EUR_UNIT, 100 * EUR_UNIT));
        final long buy = h.ad(M3, Side.BUY, 100, terms(8800));

        // The small ad's 20 USDT are worth 18 EUR: too little for 100 EUR, enough for 15.
        assertEquals(List.of(sepaOnly, bounded), ids(reader.book(MARKET, Side.SELL, 100 * EUR_UNIT, -1, 0, 10)));
        assertEquals(List.of(small, sepaOnly), ids(reader.book(MARKET, Side.SELL, 15 * EUR_UNIT, -1, 0, 10)));
        assertEquals(List.of(sepaOnly), ids(reader.book(MARKET, Side.SELL, 400 * EUR_UNIT, -1, 0, 10)));
        assertEquals(List.of(small, bounded), ids(reader.book(MARKET, Side.SELL, 0, CoreHarness.WISE, 0, 10)));
        // Below the market minimum (10 EUR) nothing fills.
        assertEquals(List.of(), reader.book(MARKET, Side.SELL, 5 * EUR_UNIT, -1, 0, 10));
        assertEquals(List.of(buy), ids(reader.book(MARKET, Side.BUY, 88 * EUR_UNIT, -1, 0, 10)));
        assertEquals(List.of(), reader.book(MARKET, Side.BUY, 89 * EUR_UNIT, -1, 0, 10));
    }

    @Test
    void marketsAreListedWithTheirIndex()
    {
        ok(h.createMarket(CoreHarness.ADMIN, 2, USDT, CoreHarness.EUR, 4, 1, 10 * EUR_UNIT, 10, 0, 0b1111));
        assertArrayEquals(new int[]{ 1, 2 }, reader.marketIds());
        assertEquals(0, reader.indexPrice(2));
        assertEquals(9200, reader.indexPrice(MARKET));
    }

    @Test
    void blocksAndWholeStateListings()
    {
        h.merchant(M1, 1_000);
        h.merchant(M2, 0);
        h.user(BUYER, 0);
        ok(h.block(M1, BUYER));
        ok(h.block(M1, M2));
        assertArrayEquals(new long[]{ M2, BUYER }, reader.blocked(M1));
        assertArrayEquals(new long[0], reader.blocked(BUYER));
        final long adId = h.ad(M1, Side.SELL, 100, terms(9200));
        assertEquals(List.of(adId), ids(reader.ads()));
        assertTrue(reader.users().stream().anyMatch(u -> u.userId() == BUYER));
        assertFalse(reader.users().isEmpty());
        assertEquals(List.of(), reader.orders());
    }

    private static List<Long> ids(final List<AdSnapshot> ads)
    {
        return ads.stream().map(AdSnapshot::adId).toList();
    }
}
