package org.p2px.core;

import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsDecoder;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;
import org.p2px.codec.WireEnums;

/**
 * A standing offer. Quantity is split three ways: {@code remaining} (takeable), {@code frozen} (in open
 * orders) and {@code filled} (completed). A SELL ad also holds {@code reserved}: asset locked from its owner
 * that covers the remaining quantity and its maker fee. Ads are pooled; the book and order-list links are
 * intrusive so that listing, delisting and taking allocate nothing.
 */
final class Ad
{
    /** Link slot of the public book (ONLINE, PUBLIC ads). */
    static final int PUBLIC_BOOK = 0;
    /** Link slot of the crossing book (ONLINE, PUBLIC, autoMatch ads). */
    static final int CROSSING_BOOK = 1;

    long id;
    User owner;
    Market market;
    Side side;
    AdStatus status;
    long createdAt;

    PriceType priceType;
    long price;
    int marginBps;
    long minFiat;
    long maxFiat;
    long paymentMethods;
    int paymentWindowMinutes;
    int minKycLevel;
    int minAccountAgeDays;
    int minCompletedOrders;
    int minCompletionRateBps;
    int maxOpenOrdersPerTaker;
    Visibility visibility;
    boolean autoMatch;

    long remaining;
    long frozen;
    long filled;
    long reserved;

    /** Time priority within a price: renewed when the price changes or the ad comes back online. */
    long bookSeq;
    RecentTimes edits;

    final Ad[] prev = new Ad[2];
    final Ad[] next = new Ad[2];
    final long[] bookKey = new long[2];
    final boolean[] listed = new boolean[2];

    /** Head of this ad's open orders, linked through {@link Order#next} at slot {@link #orderSlot()}. */
    Order openOrders;

    Ad init(final long id, final User owner, final Market market, final Side side, final long createdAt, final int editLimit)
    {
        this.id = id;
        this.owner = owner;
        this.market = market;
        this.side = side;
        this.createdAt = createdAt;
        remaining = 0;
        frozen = 0;
        filled = 0;
        reserved = 0;
        bookSeq = 0;
        openOrders = null;
        if (edits == null || edits.capacity() != editLimit)
        {
            edits = new RecentTimes(editLimit);
        }
        edits.clear();
        for (int slot = 0; slot < 2; slot++)
        {
            prev[slot] = null;
            next[slot] = null;
            listed[slot] = false;
            bookKey[slot] = 0;
        }
        return this;
    }

    void applyTerms(final AdTermsDecoder terms)
    {
        priceType = WireEnums.priceType(terms.priceTypeRaw());
        price = terms.price();
        marginBps = terms.marginBps();
        minFiat = terms.minFiat();
        maxFiat = terms.maxFiat();
        paymentMethods = terms.paymentMethods();
        paymentWindowMinutes = terms.paymentWindowMinutes();
        minKycLevel = terms.minKycLevel();
        minAccountAgeDays = terms.minAccountAgeDays();
        minCompletedOrders = terms.minCompletedOrders();
        minCompletionRateBps = terms.minCompletionRateBps();
        maxOpenOrdersPerTaker = terms.maxOpenOrdersPerTaker();
        visibility = WireEnums.visibility(terms.visibilityRaw());
        autoMatch = WireEnums.flag(terms.autoMatchRaw());
    }

    boolean isFloating()
    {
        return priceType == PriceType.FLOATING;
    }

    boolean isSell()
    {
        return side == Side.SELL;
    }

    /** The slot an order uses to link into this ad's open-order list. */
    int orderSlot()
    {
        return side == Side.BUY ? Order.BUY_AD : Order.SELL_AD;
    }

    /**
     * What a SELL ad with {@code remainder} left must keep reserved: the quantity plus maker fee of the remainder
     * and of every open order that may still come back, less the escrow those orders already hold. Fees round
     * down per order, so an order's escrow can be a unit less than re-reserving its quantity on top of the
     * remainder costs; reserving for both together keeps that unit. At least {@code reservationFor(remainder)};
     * a negative result means overflow.
     */
    long reservationTarget(final long remainder)
    {
        long escrow = 0;
        final int slot = orderSlot();
        for (Order order = openOrders; order != null; order = order.next[slot])
        {
            escrow += order.escrow();
        }
        final long whole = Money.add(remainder, frozen);
        final long reservation = whole == Money.OVERFLOW ? Money.OVERFLOW : market.reservationFor(whole);
        return reservation < 0 ? Money.OVERFLOW : reservation - escrow;
    }

    boolean accepts(final int paymentMethod)
    {
        return paymentMethod >= 0 && paymentMethod < 64 && (paymentMethods & (1L << paymentMethod)) != 0;
    }

    long digest()
    {
        long hash = Digests.mix(id, owner.id);
        hash = Digests.mix(hash, market.id);
        hash = Digests.mix(hash, side.value());
        hash = Digests.mix(hash, status.value());
        hash = Digests.mix(hash, createdAt);
        hash = Digests.mix(hash, priceType.value());
        hash = Digests.mix(hash, price);
        hash = Digests.mix(hash, marginBps);
        hash = Digests.mix(hash, minFiat);
        hash = Digests.mix(hash, maxFiat);
        hash = Digests.mix(hash, paymentMethods);
        hash = Digests.mix(hash, paymentWindowMinutes);
        hash = Digests.mix(hash, minKycLevel);
        hash = Digests.mix(hash, minAccountAgeDays);
        hash = Digests.mix(hash, minCompletedOrders);
        hash = Digests.mix(hash, minCompletionRateBps);
        hash = Digests.mix(hash, maxOpenOrdersPerTaker);
        hash = Digests.mix(hash, visibility.value());
        hash = Digests.mix(hash, autoMatch ? 1 : 0);
        hash = Digests.mix(hash, remaining);
        hash = Digests.mix(hash, frozen);
        hash = Digests.mix(hash, filled);
        hash = Digests.mix(hash, reserved);
        hash = Digests.mix(hash, bookSeq);
        hash = Digests.mix(hash, listed[PUBLIC_BOOK] ? 1 : 0);
        hash = Digests.mix(hash, listed[CROSSING_BOOK] ? 1 : 0);
        return edits.digest(hash);
    }
}
