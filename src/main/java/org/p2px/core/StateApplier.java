package org.p2px.core;

import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdQuantityChangedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdStatusChangedDecoder;
import org.p2px.codec.AdUpdatedDecoder;
import org.p2px.codec.AppealWithdrawnDecoder;
import org.p2px.codec.AssetDefinedDecoder;
import org.p2px.codec.CancelReason;
import org.p2px.codec.CancelRequestRejectedDecoder;
import org.p2px.codec.CancelRequestedDecoder;
import org.p2px.codec.ConfiguredRulesSetDecoder;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.DepositedDecoder;
import org.p2px.codec.EventHandler;
import org.p2px.codec.IndexPriceSetDecoder;
import org.p2px.codec.RulesSetDecoder;
import org.p2px.codec.MarketCreatedDecoder;
import org.p2px.codec.OrderCancelledDecoder;
import org.p2px.codec.OrderCompletedDecoder;
import org.p2px.codec.OrderDisputedDecoder;
import org.p2px.codec.OrderExpiredDecoder;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.OrderPaidDecoder;
import org.p2px.codec.PriceType;
import org.p2px.codec.UserBlockedDecoder;
import org.p2px.codec.UserKycSetDecoder;
import org.p2px.codec.UserRegisteredDecoder;
import org.p2px.codec.UserRestrictedDecoder;
import org.p2px.codec.UserRoleSetDecoder;
import org.p2px.codec.UserUnblockedDecoder;
import org.p2px.codec.WithdrawnDecoder;
import org.p2px.codec.WireEnums;

/**
 * Applies events to the state: the only code that changes it. Decisions are already made (and journaled) by
 * the time an event gets here, so applying never fails and never reads anything but the state and the event.
 * Live trading and replay both come through here, which is what makes a replay exact.
 */
final class StateApplier implements EventHandler
{
    private final CoreState state;

    StateApplier(final CoreState state)
    {
        this.state = state;
    }

    @Override
    public void onCommandAccepted(final CommandAcceptedDecoder event)
    {
        state.now = event.timestamp();
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        state.now = event.timestamp();
    }

    @Override
    public void onAssetDefined(final AssetDefinedDecoder event)
    {
        final Asset asset = new Asset(event.assetId(), event.scale(), WireEnums.flag(event.fiatRaw()));
        state.assets.put(asset.id, asset);
    }

    @Override
    public void onMarketCreated(final MarketCreatedDecoder event)
    {
        final Market market = new Market(
            event.marketId(),
            state.assets.get(event.assetId()),
            state.assets.get(event.fiatId()),
            event.priceScale(),
            event.priceTick(),
            event.minOrderFiat(),
            event.makerFeeBps(),
            event.takerFeeBps(),
            event.paymentMethods());
        state.markets.put(market.id, market);
    }

    @Override
    public void onIndexPriceSet(final IndexPriceSetDecoder event)
    {
        state.markets.get(event.marketId()).indexPrice = event.price();
    }

    /** What the server's configuration said when it last put its rules in force. */
    @Override
    public void onConfiguredRulesSet(final ConfiguredRulesSetDecoder event)
    {
        state.configuredRules = RulesCodec.decode(event.rules());
    }

    /** New rules; each user's cancel history is kept in rings as long as the new limits need (its newest times). */
    @Override
    public void onRulesSet(final RulesSetDecoder event)
    {
        state.config = RulesCodec.decode(event.rules());
        for (final User user : state.users.values())
        {
            user.prePayCancels.resize(state.config.maxPrePayCancels() + 1);
            user.postPayCancels.resize(state.config.maxPostPayCancels() + 1);
        }
    }

    @Override
    public void onUserRegistered(final UserRegisteredDecoder event)
    {
        final User user = new User(event.userId(), state.now, event.role(), event.kycLevel(), state.config);
        state.users.put(user.id, user);
    }

    @Override
    public void onUserRoleSet(final UserRoleSetDecoder event)
    {
        state.users.get(event.userId()).role = event.role();
    }

    @Override
    public void onUserKycSet(final UserKycSetDecoder event)
    {
        state.users.get(event.userId()).kycLevel = event.kycLevel();
    }

    @Override
    public void onDeposited(final DepositedDecoder event)
    {
        state.users.get(event.userId()).addAvailable(event.assetId(), event.amount());
        state.assets.get(event.assetId()).deposited += event.amount();
    }

    @Override
    public void onWithdrawn(final WithdrawnDecoder event)
    {
        state.users.get(event.userId()).addAvailable(event.assetId(), -event.amount());
        state.assets.get(event.assetId()).withdrawn += event.amount();
    }

    @Override
    public void onAdCreated(final AdCreatedDecoder event)
    {
        final Ad ad = state.newAd().init(
            event.adId(),
            state.users.get(event.ownerId()),
            state.markets.get(event.marketId()),
            event.side(),
            state.now,
            state.config.adEditLimit());
        ad.applyTerms(event.terms());
        ad.status = event.status();
        ad.remaining = event.quantity();
        ad.reserved = event.reserved();
        ad.owner.lock(ad.market.asset.id, ad.reserved);
        ad.owner.openAds++;
        ad.bookSeq = state.nextBookSeq++;
        state.ads.put(ad.id, ad);
        state.nextAdId = Math.max(state.nextAdId, ad.id + 1);
        Listings.refresh(ad);
    }

    @Override
    public void onAdUpdated(final AdUpdatedDecoder event)
    {
        final Ad ad = state.ads.get(event.adId());
        final PriceType oldType = ad.priceType;
        final long oldPrice = ad.price;
        final int oldMargin = ad.marginBps;
        Listings.delist(ad);
        ad.applyTerms(event.terms());
        if (ad.priceType != oldType || ad.price != oldPrice || ad.marginBps != oldMargin)
        {
            ad.bookSeq = state.nextBookSeq++;
        }
        ad.edits.record(state.now);
        Listings.refresh(ad);
    }

    @Override
    public void onAdStatusChanged(final AdStatusChangedDecoder event)
    {
        final Ad ad = state.ads.get(event.adId());
        final AdStatus status = event.status();
        if (status == AdStatus.CLOSED)
        {
            close(ad);
            return;
        }
        if (status == AdStatus.ONLINE)
        {
            ad.bookSeq = state.nextBookSeq++;
        }
        ad.status = status;
        ad.edits.record(state.now);
        Listings.refresh(ad);
    }

    @Override
    public void onAdQuantityChanged(final AdQuantityChangedDecoder event)
    {
        final Ad ad = state.ads.get(event.adId());
        ad.remaining += event.delta();
        ad.reserved += event.reservedDelta();
        ad.owner.lock(ad.market.asset.id, event.reservedDelta());
        ad.edits.record(state.now);
        Listings.refresh(ad);
    }

    @Override
    public void onOrderOpened(final OrderOpenedDecoder event)
    {
        final Order order = state.newOrder();
        order.id = event.orderId();
        order.market = state.markets.get(event.marketId());
        order.buyAdId = event.buyAdId();
        order.sellAdId = event.sellAdId();
        order.makerId = event.makerId();
        order.takerId = event.takerId();
        order.buyer = state.users.get(event.buyerId());
        order.seller = state.users.get(event.sellerId());
        order.price = event.price();
        order.quantity = event.quantity();
        order.fiatAmount = event.fiatAmount();
        order.buyerFee = event.buyerFee();
        order.sellerFee = event.sellerFee();
        order.paymentMethod = event.paymentMethod();
        order.clientOrderId = event.clientOrderId();
        order.state = OrderState.PENDING_PAYMENT;
        order.createdAt = state.now;
        order.payBy = event.payBy();
        order.paidAt = 0;
        order.releaseBy = 0;
        order.appealableFrom = 0;
        order.appellantId = 0;
        order.cancelRequested = false;

        lockEscrow(order);
        if (order.buyAdId != 0)
        {
            freezeOnAd(order, state.ads.get(order.buyAdId));
        }
        state.orders.put(order.id, order);
        state.nextOrderId = Math.max(state.nextOrderId, order.id + 1);
        if (order.clientOrderId != 0)
        {
            state.users.get(order.takerId).rememberClientOrder(order.clientOrderId, order.id);
        }
        state.deadlines.add(order.payBy, order.id, DeadlineQueue.PAY_BY);
        countUnpaidTake(order, 1);
    }

    /** Keeps {@link User#unpaidTakes}: an order the buyer took counts while it waits for the buyer's payment. */
    static void countUnpaidTake(final Order order, final int delta)
    {
        if (order.state == OrderState.PENDING_PAYMENT && order.takerId == order.buyer.id)
        {
            order.buyer.unpaidTakes += delta;
        }
    }

    @Override
    public void onOrderPaid(final OrderPaidDecoder event)
    {
        final Order order = state.orders.get(event.orderId());
        countUnpaidTake(order, -1);
        order.state = OrderState.PAID;
        order.paidAt = state.now;
        order.releaseBy = event.releaseBy();
        order.appealableFrom = event.appealableFrom();
        order.buyer.payTimeTotalMs += state.now - order.createdAt;
        order.buyer.payCount++;
        state.deadlines.add(order.releaseBy, order.id, DeadlineQueue.RELEASE_BY);
    }

    @Override
    public void onOrderCompleted(final OrderCompletedDecoder event)
    {
        final Order order = state.orders.get(event.orderId());
        final int assetId = order.market.asset.id;
        order.seller.addLocked(assetId, -order.escrow());
        order.buyer.addAvailable(assetId, order.quantity - order.buyerFee);
        state.feeAccount[assetId] += order.buyerFee + order.sellerFee;
        for (int slot = 0; slot < 2; slot++)
        {
            final Ad ad = order.ads[slot];
            if (ad != null)
            {
                ad.frozen -= order.quantity;
                ad.filled += order.quantity;
                unlink(order, ad);
            }
        }
        final long today = state.today();
        countCompleted(order.buyer, today);
        countCompleted(order.seller, today);
        if (!WireEnums.flag(event.byArbiterRaw()))
        {
            order.seller.releaseTimeTotalMs += state.now - order.paidAt;
            order.seller.releaseCount++;
        }
        finish(order);
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        final Order order = state.orders.get(event.orderId());
        final CancelReason reason = event.reason();
        if (reason == CancelReason.BY_BUYER)
        {
            (order.state == OrderState.PENDING_PAYMENT ? order.buyer.prePayCancels : order.buyer.postPayCancels)
                .record(state.now);
        }
        final User atFault = reason == CancelReason.SELLER_REQUEST_ACCEPTED ? order.seller : order.buyer;
        atFault.failed30d.add(state.today(), 1);
        returnEscrow(order);
        finish(order);
    }

    @Override
    public void onOrderExpired(final OrderExpiredDecoder event)
    {
        final Order order = state.orders.get(event.orderId());
        order.buyer.prePayCancels.record(state.now);
        order.buyer.failed30d.add(state.today(), 1);
        returnEscrow(order);
        finish(order);
    }

    @Override
    public void onOrderDisputed(final OrderDisputedDecoder event)
    {
        final Order order = state.orders.get(event.orderId());
        order.state = OrderState.DISPUTED;
        order.appellantId = event.appellantId();
    }

    @Override
    public void onAppealWithdrawn(final AppealWithdrawnDecoder event)
    {
        final Order order = state.orders.get(event.orderId());
        order.state = OrderState.PAID;
        order.appellantId = 0;
        order.releaseBy = event.releaseBy();
        order.appealableFrom = event.appealableFrom();
        state.deadlines.add(order.releaseBy, order.id, DeadlineQueue.RELEASE_BY);
    }

    @Override
    public void onCancelRequested(final CancelRequestedDecoder event)
    {
        state.orders.get(event.orderId()).cancelRequested = true;
    }

    @Override
    public void onCancelRequestRejected(final CancelRequestRejectedDecoder event)
    {
        state.orders.get(event.orderId()).cancelRequested = false;
    }

    @Override
    public void onUserRestricted(final UserRestrictedDecoder event)
    {
        final User user = state.users.get(event.userId());
        user.restrictedUntil = event.until();
        user.restrictionLevel = event.level();
        user.lastRestrictedAt = state.now;
        user.prePayCancels.clear();
        user.postPayCancels.clear();
    }

    @Override
    public void onUserBlocked(final UserBlockedDecoder event)
    {
        state.users.get(event.blockerId()).block(event.blockedId());
    }

    @Override
    public void onUserUnblocked(final UserUnblockedDecoder event)
    {
        state.users.get(event.blockerId()).unblock(event.blockedId());
    }

    /**
     * Escrow comes from the SELL ad's reservation when the seller is an ad's owner, else from the taking
     * seller's available balance. A reservation kept at {@link Ad#reservationTarget} always covers the escrow; were
     * it ever short, the owner's available balance would cover the rest, as the decider checked.
     */
    private void lockEscrow(final Order order)
    {
        final int assetId = order.market.asset.id;
        final long escrow = order.escrow();
        if (order.sellAdId == 0)
        {
            order.seller.lock(assetId, escrow);
            return;
        }
        final Ad sellAd = state.ads.get(order.sellAdId);
        final long shortfall = Math.max(0, escrow - sellAd.reserved);
        order.seller.lock(assetId, shortfall);
        sellAd.reserved += shortfall - escrow;
        freezeOnAd(order, sellAd);
        if (sellAd.remaining == 0)
        {
            // Sold out: the surplus goes back to the owner, but not the dust that open orders need if they return.
            final long surplus = sellAd.reserved - sellAd.reservationTarget(0);
            if (surplus > 0)
            {
                order.seller.lock(assetId, -surplus);
                sellAd.reserved -= surplus;
            }
        }
    }

    private void freezeOnAd(final Order order, final Ad ad)
    {
        ad.remaining -= order.quantity;
        ad.frozen += order.quantity;
        link(order, ad);
        Listings.refresh(ad);
    }

    /** Cancelled, expired or refunded: escrow goes back to the SELL ad while it is open, else to the seller. */
    private void returnEscrow(final Order order)
    {
        final Ad sellAd = order.ads[Order.SELL_AD];
        if (sellAd != null)
        {
            sellAd.reserved += order.escrow();
        }
        else
        {
            order.seller.lock(order.market.asset.id, -order.escrow());
        }
        for (int slot = 0; slot < 2; slot++)
        {
            final Ad ad = order.ads[slot];
            if (ad != null)
            {
                ad.frozen -= order.quantity;
                ad.remaining += order.quantity;
                unlink(order, ad);
                Listings.refresh(ad);
            }
        }
    }

    private void countCompleted(final User user, final long today)
    {
        user.completedOrders++;
        user.completed30d.add(today, 1);
    }

    private void close(final Ad ad)
    {
        Listings.delist(ad);
        ad.owner.lock(ad.market.asset.id, -ad.reserved);
        ad.owner.openAds--;
        ad.reserved = 0;
        ad.status = AdStatus.CLOSED;
        final int slot = ad.orderSlot();
        Order order = ad.openOrders;
        while (order != null)
        {
            final Order next = order.next[slot];
            order.ads[slot] = null;
            order.prev[slot] = null;
            order.next[slot] = null;
            order = next;
        }
        ad.openOrders = null;
        state.ads.remove(ad.id);
        state.recycle(ad);
    }

    private void finish(final Order order)
    {
        countUnpaidTake(order, -1);
        order.state = OrderState.NONE;
        state.orders.remove(order.id);
        state.recycle(order);
    }

    static void link(final Order order, final Ad ad)
    {
        final int slot = ad.orderSlot();
        order.ads[slot] = ad;
        order.prev[slot] = null;
        order.next[slot] = ad.openOrders;
        if (ad.openOrders != null)
        {
            ad.openOrders.prev[slot] = order;
        }
        ad.openOrders = order;
    }

    private static void unlink(final Order order, final Ad ad)
    {
        final int slot = ad.orderSlot();
        final Order before = order.prev[slot];
        final Order after = order.next[slot];
        if (before == null)
        {
            ad.openOrders = after;
        }
        else
        {
            before.next[slot] = after;
        }
        if (after != null)
        {
            after.prev[slot] = before;
        }
        order.ads[slot] = null;
        order.prev[slot] = null;
        order.next[slot] = null;
    }
}
