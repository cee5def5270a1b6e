package org.p2px.core;

/**
 * The terms of one order about to open: who buys, who sells, at what price, how much, with which fees.
 * A scratch object filled by {@link TradeRules} and reused for every quote.
 */
final class TradeQuote
{
    User buyer;
    User seller;
    User maker;
    User taker;
    Ad buyAd;
    Ad sellAd;
    long price;
    long quantity;
    long fiatAmount;
    long buyerFee;
    long sellerFee;
    int paymentMethod;
    int paymentWindowMinutes;

    long escrow()
    {
        return quantity + sellerFee;
    }
}
