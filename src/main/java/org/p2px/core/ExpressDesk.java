package org.p2px.core;

import org.p2px.codec.ErrorCode;
import org.p2px.codec.Side;

/**
 * Express: the taker names side, market, amount, acceptable payment methods and an optional price limit, and
 * the core picks the best ad (price, then time) that this taker may take for the whole amount. With
 * {@code allowSplit} and no single ad able to fill it, the amount is split across several ads, best first:
 * all the orders open in one step, or none does.
 */
final class ExpressDesk
{
    private final CoreState state;
    private final TradeRules rules;
    private final OrderDesk orders;
    private final BookCursor cursor = new BookCursor();
    private final TradeQuote quote = new TradeQuote();
    private final Ad[] planAds;
    private final long[] planAmounts;
    private final long[] planPrices;
    private final int[] planMethods;
    /** Who funds each planned order's escrow, and how much of it comes from that seller's available balance. */
    private final User[] planSellers;
    private final long[] planDraws;
    private int planCount;

    ExpressDesk(final CoreState state, final TradeRules rules, final OrderDesk orders)
    {
        this.state = state;
        this.rules = rules;
        this.orders = orders;
        final int maxOrders = state.config.maxSplitOrders();
        planAds = new Ad[maxOrders];
        planAmounts = new long[maxOrders];
        planPrices = new long[maxOrders];
        planMethods = new int[maxOrders];
        planSellers = new User[maxOrders];
        planDraws = new long[maxOrders];
    }

    ErrorCode express(
        final long takerId,
        final int marketId,
        final Side side,
        final long amount,
        final boolean amountInFiat,
        final long paymentMethods,
        final long priceLimit,
        final boolean allowSplit,
        final long clientOrderId)
    {
        final User taker = state.users.get(takerId);
        if (taker == null)
        {
            return ErrorCode.UNKNOWN_USER;
        }
        if (clientOrderId != 0 && orders.replayDuplicate(taker, clientOrderId))
        {
            return null;
        }
        final Market market = state.markets.get(marketId);
        if (market == null)
        {
            return ErrorCode.UNKNOWN_MARKET;
        }
        if (side == Side.NULL_VAL)
        {
            return ErrorCode.INVALID_SIDE;
        }
        if (amount <= 0)
        {
            return ErrorCode.INVALID_AMOUNT;
        }
        if (paymentMethods == 0)
        {
            return ErrorCode.INVALID_PAYMENT_METHODS;
        }
        if (priceLimit < 0)
        {
            return ErrorCode.INVALID_PRICE;
        }
        if (taker.isRestricted(state.now))
        {
            return ErrorCode.USER_RESTRICTED;
        }
        if (side == Side.BUY && rules.atUnpaidLimit(taker))
        {
            return ErrorCode.TOO_MANY_UNPAID_ORDERS;
        }

        final AdBook book = market.book(Ad.PUBLIC_BOOK, side == Side.BUY ? Side.SELL : Side.BUY);
        if (fillFromOneAd(taker, book, amount, amountInFiat, paymentMethods, priceLimit, clientOrderId))
        {
            return null;
        }
        if (allowSplit && planSplit(taker, book, amount, amountInFiat, paymentMethods, priceLimit))
        {
            openPlanned(taker, amountInFiat, clientOrderId);
            return null;
        }
        return ErrorCode.NO_MATCHING_AD;
    }

    private boolean fillFromOneAd(
        final User taker,
        final AdBook book,
        final long amount,
        final boolean amountInFiat,
        final long paymentMethods,
        final long priceLimit,
        final long clientOrderId)
    {
        cursor.start(book);
        for (Ad ad = cursor.next(); ad != null; ad = cursor.next())
        {
            final long price = cursor.price();
            if (beyondLimit(book, price, priceLimit))
            {
                return false;
            }
            final long methods = ad.paymentMethods & paymentMethods;
            if (methods != 0 && rules.quoteTake(
                taker, ad, price, amount, amountInFiat, Long.numberOfTrailingZeros(methods), 0, quote) == null)
            {
                rules.open(quote, clientOrderId);
                return true;
            }
        }
        return false;
    }

    /**
     * Plans a split fill: takes from each acceptable ad, best first, as much as its limits and remainder allow,
     * until the amount is covered. Only plans; nothing is emitted unless the whole amount is covered.
     */
    private boolean planSplit(
        final User taker,
        final AdBook book,
        final long amount,
        final boolean amountInFiat,
        final long paymentMethods,
        final long priceLimit)
    {
        int planned = 0;
        long left = amount;
        cursor.start(book);
        for (Ad ad = cursor.next(); ad != null && left > 0 && planned < planAds.length; ad = cursor.next())
        {
            final long price = cursor.price();
            if (beyondLimit(book, price, priceLimit))
            {
                break;
            }
            final long methods = ad.paymentMethods & paymentMethods;
            if (methods == 0 || price <= 0)
            {
                continue;
            }
            final long portion = Math.min(left, mostFrom(ad, price, amountInFiat));
            final int method = Long.numberOfTrailingZeros(methods);
            // Every order of the plan opens in one step: a seller's balance must cover all that the plan draws on it.
            final User seller = ad.isSell() ? ad.owner : taker;
            final long committed = plannedDraws(seller, planned);
            if (portion <= 0 || rules.quoteTake(taker, ad, price, portion, amountInFiat, method, committed, quote) != null)
            {
                continue;
            }
            planAds[planned] = ad;
            planAmounts[planned] = portion;
            planPrices[planned] = price;
            planMethods[planned] = method;
            planSellers[planned] = seller;
            planDraws[planned] = TradeRules.sellerDraw(quote);
            planned++;
            left -= portion;
        }
        if (left > 0)
        {
            clearPlan(planned);
            return false;
        }
        planCount = planned;
        return true;
    }


    private void openPlanned(final User taker, final boolean amountInFiat, final long clientOrderId)
    {
        for (int i = 0; i < planCount; i++)
        {
            if (rules.quoteTake(taker, planAds[i], planPrices[i], planAmounts[i], amountInFiat, planMethods[i], 0, quote) != null)
            {
                throw new IllegalStateException("a planned split order no longer quotes: ad " + planAds[i].id);
            }
            rules.open(quote, clientOrderId);
        }
        clearPlan(planCount);
        planCount = 0;
    }

    /** The most one order on {@code ad} can be, in the unit the taker named. */
    private static long mostFrom(final Ad ad, final long price, final boolean amountInFiat)
    {
        final Market market = ad.market;
        // Rounded so that the quote of this amount stays within the ad's remainder and upper limit.
        final long fiatOfRemaining = market.fiatFor(ad.remaining, price, false);
        if (amountInFiat)
        {
            return fiatOfRemaining == Money.OVERFLOW ? ad.maxFiat : Math.min(ad.maxFiat, fiatOfRemaining);
        }
        final long quantityAtMax = market.quantityFor(ad.maxFiat, price, false);
        return quantityAtMax == Money.OVERFLOW ? ad.remaining : Math.min(ad.remaining, quantityAtMax);
    }

    private static boolean beyondLimit(final AdBook book, final long price, final long priceLimit)
    {
        return priceLimit > 0 && book.isBetter(priceLimit, price);
    }

    private long plannedDraws(final User seller, final int planned)
    {
        long sum = 0;
        for (int i = 0; i < planned; i++)
        {
            if (planSellers[i] == seller)
            {
                sum += planDraws[i];
            }
        }
        return sum;
    }

    private void clearPlan(final int planned)
    {
        for (int i = 0; i < planned; i++)
        {
            planAds[i] = null;
            planSellers[i] = null;
        }
    }
}
