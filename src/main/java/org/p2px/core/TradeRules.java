package org.p2px.core;

import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventProxy;
import org.p2px.codec.Side;

/**
 * Whether two users may trade through an ad, and on what terms: the rules that taking, express and crossing
 * share. Quotes are written into a {@link TradeQuote}; {@link #open} turns one into an OrderOpened event.
 *
 * <p>Rounding, in the taker's disfavour by at most one minor unit: a taker who names a fiat amount and buys
 * gets the quantity rounded down; one who sells gives it rounded up. A taker who names a quantity and buys pays
 * the fiat rounded up; one who sells receives it rounded down. Fees are rounded down.
 */
final class TradeRules
{
    private final CoreState state;
    private final EventProxy events;

    TradeRules(final CoreState state, final EventProxy events)
    {
        this.state = state;
        this.events = events;
    }

    /**
     * Whether {@code taker} already has as many orders waiting for its payment as it may
     * ({@link CoreConfig#maxUnpaidOrdersPerTaker}, fewer for a new taker): then it may not take to buy again until
     * it pays or cancels one. Checked once per command, so an express split opens all its orders or none.
     */
    boolean atUnpaidLimit(final User taker)
    {
        final CoreConfig config = state.config;
        final int limit = taker.completedOrders < config.newTakerCompletedOrders()
            ? config.maxUnpaidOrdersNewTaker()
            : config.maxUnpaidOrdersPerTaker();
        return taker.unpaidTakes >= limit;
    }

    /**
     * Quotes {@code taker} taking {@code ad} for {@code amount} (fiat or asset minor units) at {@code price}.
     *
     * @param committed asset the seller of this order has already promised to other orders of the same request
     *                  (express split): the taker's when the taker sells, the SELL ad owner's when the taker buys.
     * @return null when the order may open, else why not.
     */
    ErrorCode quoteTake(
        final User taker,
        final Ad ad,
        final long price,
        final long amount,
        final boolean amountInFiat,
        final int paymentMethod,
        final long committed,
        final TradeQuote quote)
    {
        final Market market = ad.market;
        if (ad.owner == taker)
        {
            return ErrorCode.OWN_AD;
        }
        if (isBlocked(taker, ad.owner))
        {
            return ErrorCode.BLOCKED_COUNTERPARTY;
        }
        if (taker.isRestricted(state.now))
        {
            return ErrorCode.USER_RESTRICTED;
        }
        if (!ad.accepts(paymentMethod))
        {
            return ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED;
        }
        if (price <= 0)
        {
            return ErrorCode.NO_INDEX_PRICE;
        }

        final boolean takerBuys = ad.side == Side.SELL;
        final long quantity;
        final long fiatAmount;
        if (amountInFiat)
        {
            fiatAmount = amount;
            quantity = market.quantityFor(amount, price, !takerBuys);
        }
        else
        {
            quantity = amount;
            fiatAmount = market.fiatFor(amount, price, takerBuys);
        }
        if (quantity == Money.OVERFLOW || fiatAmount == Money.OVERFLOW)
        {
            return ErrorCode.AMOUNT_TOO_LARGE;
        }
        // The market's minimum first: an ad's lower limit is never below it, so checked after, it could not fire.
        if (fiatAmount < market.minOrderFiat)
        {
            return ErrorCode.BELOW_MARKET_MINIMUM;
        }
        if (quantity <= 0 || fiatAmount < ad.minFiat || fiatAmount > ad.maxFiat)
        {
            return ErrorCode.AD_LIMIT_EXCEEDED;
        }
        if (quantity > ad.remaining)
        {
            return ErrorCode.AD_INSUFFICIENT_QUANTITY;
        }
        if (!passesGates(taker, ad))
        {
            return ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET;
        }
        if (ad.maxOpenOrdersPerTaker > 0 && openOrdersWith(ad, taker) >= ad.maxOpenOrdersPerTaker)
        {
            return ErrorCode.TOO_MANY_OPEN_ORDERS;
        }

        quote.price = price;
        quote.quantity = quantity;
        quote.fiatAmount = fiatAmount;
        quote.paymentMethod = paymentMethod;
        quote.paymentWindowMinutes = ad.paymentWindowMinutes;
        quote.maker = ad.owner;
        quote.taker = taker;
        if (takerBuys)
        {
            quote.buyer = taker;
            quote.seller = ad.owner;
            quote.buyAd = null;
            quote.sellAd = ad;
            quote.buyerFee = Money.fee(quantity, market.takerFeeBps);
            quote.sellerFee = Money.fee(quantity, market.makerFeeBps);
        }
        else
        {
            quote.buyer = ad.owner;
            quote.seller = taker;
            quote.buyAd = ad;
            quote.sellAd = null;
            quote.buyerFee = Money.fee(quantity, market.makerFeeBps);
            quote.sellerFee = Money.fee(quantity, market.takerFeeBps);
        }
        return canFundEscrow(quote, committed) ? null : ErrorCode.INSUFFICIENT_BALANCE;
    }

    /**
     * Quotes an opted-in BUY ad crossing an opted-in SELL ad: at the price of the ad that rested first, for the
     * most both ads' limits and remainders allow, with the lowest-numbered payment method both accept. Both
     * owners pay the maker fee: each posted an ad. The ad that rested later is the order's taker.
     *
     * @return null when they can trade now, else why not.
     */
    ErrorCode quoteCross(final Ad buyAd, final Ad sellAd, final TradeQuote quote)
    {
        final Market market = buyAd.market;
        final User buyer = buyAd.owner;
        final User seller = sellAd.owner;
        if (buyer == seller)
        {
            return ErrorCode.OWN_AD;
        }
        if (isBlocked(buyer, seller))
        {
            return ErrorCode.BLOCKED_COUNTERPARTY;
        }
        if (buyer.isRestricted(state.now) || seller.isRestricted(state.now))
        {
            return ErrorCode.USER_RESTRICTED;
        }
        final long common = buyAd.paymentMethods & sellAd.paymentMethods & market.paymentMethods;
        if (common == 0)
        {
            return ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED;
        }
        if (!passesGates(buyer, sellAd) || !passesGates(seller, buyAd))
        {
            return ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET;
        }
        if ((sellAd.maxOpenOrdersPerTaker > 0 && openOrdersWith(sellAd, buyer) >= sellAd.maxOpenOrdersPerTaker) ||
            (buyAd.maxOpenOrdersPerTaker > 0 && openOrdersWith(buyAd, seller) >= buyAd.maxOpenOrdersPerTaker))
        {
            return ErrorCode.TOO_MANY_OPEN_ORDERS;
        }

        final boolean buyRestedFirst = buyAd.bookSeq < sellAd.bookSeq;
        final Ad first = buyRestedFirst ? buyAd : sellAd;
        final long price = market.priceOf(first);
        if (price <= 0)
        {
            return ErrorCode.NO_INDEX_PRICE;
        }
        final long minFiat = Math.max(Math.max(buyAd.minFiat, sellAd.minFiat), market.minOrderFiat);
        final long maxFiat = Math.min(buyAd.maxFiat, sellAd.maxFiat);
        // An upper limit worth more asset than a long holds does not bind: the remainders do.
        final long byLimit = market.quantityFor(maxFiat, price, false);
        final long quantity = Math.min(
            Math.min(buyAd.remaining, sellAd.remaining), byLimit == Money.OVERFLOW ? Long.MAX_VALUE : byLimit);
        // The later ad is the taker: a taking buyer pays fiat rounded up, a taking seller receives it rounded down.
        final long fiatAmount = market.fiatFor(quantity, price, !buyRestedFirst);
        if (fiatAmount == Money.OVERFLOW)
        {
            return ErrorCode.AMOUNT_TOO_LARGE;
        }
        if (quantity <= 0 || fiatAmount < minFiat || fiatAmount > maxFiat)
        {
            return ErrorCode.AD_LIMIT_EXCEEDED;
        }

        quote.buyer = buyer;
        quote.seller = seller;
        quote.maker = first.owner;
        quote.taker = buyRestedFirst ? seller : buyer;
        quote.buyAd = buyAd;
        quote.sellAd = sellAd;
        quote.price = price;
        quote.quantity = quantity;
        quote.fiatAmount = fiatAmount;
        quote.buyerFee = Money.fee(quantity, market.makerFeeBps);
        quote.sellerFee = Money.fee(quantity, market.makerFeeBps);
        quote.paymentMethod = Long.numberOfTrailingZeros(common);
        quote.paymentWindowMinutes = first.paymentWindowMinutes;
        return canFundEscrow(quote, 0) ? null : ErrorCode.INSUFFICIENT_BALANCE;
    }

    /** Emits the order a successful quote describes. */
    void open(final TradeQuote quote, final long clientOrderId)
    {
        events.orderOpened(
            state.nextOrderId,
            quote.sellAd != null ? quote.sellAd.market.id : quote.buyAd.market.id,
            quote.buyAd != null ? quote.buyAd.id : 0,
            quote.sellAd != null ? quote.sellAd.id : 0,
            quote.maker.id,
            quote.taker.id,
            quote.buyer.id,
            quote.seller.id,
            quote.price,
            quote.quantity,
            quote.fiatAmount,
            quote.buyerFee,
            quote.sellerFee,
            quote.paymentMethod,
            state.now + quote.paymentWindowMinutes * CoreConfig.MINUTE_MS,
            clientOrderId);
    }

    boolean isBlocked(final User one, final User other)
    {
        return one.hasBlocked(other.id) || other.hasBlocked(one.id);
    }

    /** The ad's counterparty gates: KYC level, account age, completed orders, 30-day completion rate. */
    boolean passesGates(final User user, final Ad ad)
    {
        return user.kycLevel >= ad.minKycLevel &&
            state.now - user.createdAt >= ad.minAccountAgeDays * CoreConfig.DAY_MS &&
            user.completedOrders >= ad.minCompletedOrders &&
            // The rate sums 60 day buckets: skipped when the ad sets no minimum (any rate is at least 0).
            (ad.minCompletionRateBps <= 0 || user.completionRateBps(state.today()) >= ad.minCompletionRateBps);
    }

    private static int openOrdersWith(final Ad ad, final User counterparty)
    {
        final int slot = ad.orderSlot();
        int count = 0;
        for (Order order = ad.openOrders; order != null; order = order.next[slot])
        {
            if (order.counterpartyOf(ad.owner) == counterparty)
            {
                count++;
            }
        }
        return count;
    }

    /**
     * What opening the quoted order takes from the seller's available balance: the whole escrow for a taking
     * seller, only what the SELL ad's reservation does not cover (rounding dust) for an ad's owner.
     */
    static long sellerDraw(final TradeQuote quote)
    {
        return quote.sellAd != null ? Math.max(0, quote.escrow() - quote.sellAd.reserved) : quote.escrow();
    }

    private boolean canFundEscrow(final TradeQuote quote, final long committed)
    {
        final int assetId = quote.sellAd != null ? quote.sellAd.market.asset.id : quote.buyAd.market.asset.id;
        return sellerDraw(quote) <= quote.seller.available(assetId) - committed;
    }
}
