package org.p2px.core;


/**
 * A trade between a buyer and a seller, fixed at one price and quantity, with its escrow ({@link #escrow()})
 * locked on the seller's account. Pooled; finished orders leave the core (the read model keeps history).
 */
final class Order
{
    /** Link slot in the BUY ad's open-order list. */
    static final int BUY_AD = 0;
    /** Link slot in the SELL ad's open-order list. */
    static final int SELL_AD = 1;

    long id;
    Market market;
    /** The ads on each side, or null when that side is the taker or the ad has since closed. */
    final Ad[] ads = new Ad[2];
    long buyAdId;
    long sellAdId;
    long makerId;
    long takerId;
    User buyer;
    User seller;
    long price;
    long quantity;
    long fiatAmount;
    long buyerFee;
    long sellerFee;
    int paymentMethod;
    long clientOrderId;

    OrderState state;
    long createdAt;
    long payBy;
    long paidAt;
    long releaseBy;
    long appealableFrom;
    /** Who opened the dispute: a user id, 0 when the release deadline opened it. */
    long appellantId;
    boolean cancelRequested;

    final Order[] prev = new Order[2];
    final Order[] next = new Order[2];

    /** What the seller has locked for this order: the quantity plus the seller's fee. */
    long escrow()
    {
        return quantity + sellerFee;
    }

    boolean isParty(final long userId)
    {
        return buyer.id == userId || seller.id == userId;
    }

    /** The other side of the trade from {@code userId}'s point of view. */
    User counterpartyOf(final User user)
    {
        return user == buyer ? seller : buyer;
    }

    void clearLinks()
    {
        for (int slot = 0; slot < 2; slot++)
        {
            ads[slot] = null;
            prev[slot] = null;
            next[slot] = null;
        }
    }

    long digest()
    {
        long hash = Digests.mix(id, market.id);
        hash = Digests.mix(hash, buyAdId);
        hash = Digests.mix(hash, sellAdId);
        hash = Digests.mix(hash, ads[BUY_AD] != null ? 1 : 0);
        hash = Digests.mix(hash, ads[SELL_AD] != null ? 1 : 0);
        hash = Digests.mix(hash, makerId);
        hash = Digests.mix(hash, takerId);
        hash = Digests.mix(hash, buyer.id);
        hash = Digests.mix(hash, seller.id);
        hash = Digests.mix(hash, price);
        hash = Digests.mix(hash, quantity);
        hash = Digests.mix(hash, fiatAmount);
        hash = Digests.mix(hash, buyerFee);
        hash = Digests.mix(hash, sellerFee);
        hash = Digests.mix(hash, paymentMethod);
        hash = Digests.mix(hash, clientOrderId);
        hash = Digests.mix(hash, state.ordinal());
        hash = Digests.mix(hash, createdAt);
        hash = Digests.mix(hash, payBy);
        hash = Digests.mix(hash, paidAt);
        hash = Digests.mix(hash, releaseBy);
        hash = Digests.mix(hash, appealableFrom);
        hash = Digests.mix(hash, appellantId);
        return Digests.mix(hash, cancelRequested ? 1 : 0);
    }
}
