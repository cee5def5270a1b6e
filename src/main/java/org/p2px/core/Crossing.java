package org.p2px.core;

import org.p2px.codec.Side;

/**
 * Exchange-style crossing of opted-in ads: while the best opted-in BUY price reaches an opted-in SELL price in
 * the same market, pair them at the price of the ad that rested first, for the largest amount both allow, and
 * repeat until nothing crosses. Pairs that may not trade (same owner, blocked, gates, restrictions, no common
 * payment method, limits that do not overlap) are stepped over, never matched. Each order it opens then runs
 * the ordinary lifecycle. One command opens at most {@link CoreConfig#maxCrossingOrders()} orders this way: two
 * ads can pair again and again (an ad's upper limit may be a sliver of the other's remainder), and a command's
 * work and batch must stay bounded.
 */
final class Crossing
{
    private final CoreState state;
    private final TradeQuote quote = new TradeQuote();
    private final BookCursor resting = new BookCursor();
    private final BookCursor buyers = new BookCursor();
    private final BookCursor bestSell = new BookCursor();
    private TradeRules rules;
    /** Orders the current command may still open by crossing. */
    private int budget;

    Crossing(final CoreState state)
    {
        this.state = state;
    }

    void rules(final TradeRules rules)
    {
        this.rules = rules;
    }

    /** Crosses one ad that has just been posted, edited, topped up or put online, against the other side. */
    void crossAd(final Ad incoming)
    {
        budget = state.config.maxCrossingOrders();
        crossIncoming(incoming);
    }

    private void crossIncoming(final Ad incoming)
    {
        if (incoming == null || !incoming.listed[Ad.CROSSING_BOOK])
        {
            return;
        }
        final Market market = incoming.market;
        final boolean incomingBuys = incoming.side == Side.BUY;
        resting.start(market.book(Ad.CROSSING_BOOK, incomingBuys ? Side.SELL : Side.BUY));
        for (Ad other = resting.next(); other != null && incoming.listed[Ad.CROSSING_BOOK] && budget > 0;
            other = resting.next())
        {
            final long incomingPrice = market.priceOf(incoming);
            final long otherPrice = resting.price();
            final long buyPrice = incomingBuys ? incomingPrice : otherPrice;
            final long sellPrice = incomingBuys ? otherPrice : incomingPrice;
            if (buyPrice < sellPrice || buyPrice <= 0 || sellPrice <= 0)
            {
                return;
            }
            crossPair(incomingBuys ? incoming : other, incomingBuys ? other : incoming);
        }
    }

    /** After an index update moved floating ads: crosses the market's best BUY ads until none reaches a SELL. */
    void crossMarket(final Market market)
    {
        budget = state.config.maxCrossingOrders();
        final AdBook sells = market.book(Ad.CROSSING_BOOK, Side.SELL);
        buyers.start(market.book(Ad.CROSSING_BOOK, Side.BUY));
        for (Ad buyAd = buyers.next(); buyAd != null && budget > 0; buyAd = buyers.next())
        {
            if (bestSell.start(sells).next() == null || bestSell.price() > buyers.price())
            {
                return;
            }
            crossIncoming(buyAd);
        }
    }

    private void crossPair(final Ad buyAd, final Ad sellAd)
    {
        while (budget > 0 && buyAd.listed[Ad.CROSSING_BOOK] && sellAd.listed[Ad.CROSSING_BOOK] &&
            rules.quoteCross(buyAd, sellAd, quote) == null)
        {
            rules.open(quote, 0);
            budget--;
        }
    }
}
