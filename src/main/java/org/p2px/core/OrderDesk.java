package org.p2px.core;

import org.p2px.codec.AdStatus;
import org.p2px.codec.AttachmentType;
import org.p2px.codec.CancelReason;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventProxy;
import org.p2px.codec.RecordAttachmentDecoder;
import org.p2px.codec.Role;

/**
 * Decides taking a named ad and every step of an order's life: paid, release, cancel, the seller's cancel
 * request and its review, appeal, withdrawal, arbiter resolution, and the deadlines a tick fires. Cancel limits
 * are enforced here: the cancel that goes over a limit restricts its author, escalating on each repeat.
 */
final class OrderDesk
{
    private final CoreState state;
    private final EventProxy events;
    private final TradeRules rules;
    private final TradeQuote quote = new TradeQuote();

    OrderDesk(final CoreState state, final EventProxy events, final TradeRules rules)
    {
        this.state = state;
        this.events = events;
        this.rules = rules;
    }

    ErrorCode take(
        final long takerId,
        final long adId,
        final long amount,
        final boolean amountInFiat,
        final int paymentMethod,
        final long clientOrderId)
    {
        final User taker = state.users.get(takerId);
        if (taker == null)
        {
            return ErrorCode.UNKNOWN_USER;
        }
        if (clientOrderId != 0 && replayDuplicate(taker, clientOrderId))
        {
            return null;
        }
        if (amount <= 0)
        {
            return ErrorCode.INVALID_AMOUNT;
        }
        final Ad ad = state.ads.get(adId);
        if (ad == null)
        {
            return adId > 0 && adId < state.nextAdId ? ErrorCode.AD_CLOSED : ErrorCode.UNKNOWN_AD;
        }
        if (ad.status != AdStatus.ONLINE)
        {
            return ErrorCode.AD_NOT_ONLINE;
        }
        if (ad.isSell() && rules.atUnpaidLimit(taker))
        {
            return ErrorCode.TOO_MANY_UNPAID_ORDERS;
        }
        final ErrorCode refused = rules.quoteTake(
            taker, ad, ad.market.priceOf(ad), amount, amountInFiat, paymentMethod, 0, quote);
        if (refused != null)
        {
            return refused;
        }
        rules.open(quote, clientOrderId);
        return null;
    }

    /** A retried clientOrderId answers with the order it opened the first time, and opens nothing. */
    boolean replayDuplicate(final User taker, final long clientOrderId)
    {
        final long existing = taker.orderForClientId(clientOrderId);
        if (existing == User.NO_ORDER)
        {
            return false;
        }
        events.duplicateClientOrder(clientOrderId, existing);
        return true;
    }

    ErrorCode markPaid(final long actorId, final long orderId)
    {
        final ErrorCode refused = checkBuyerIn(actorId, orderId, OrderState.PENDING_PAYMENT, OrderState.PENDING_PAYMENT);
        if (refused != null)
        {
            return refused;
        }
        if (state.now >= state.orders.get(orderId).payBy)
        {
            return ErrorCode.PAYMENT_DEADLINE_PASSED;
        }
        final CoreConfig config = state.config;
        events.orderPaid(orderId, state.now + config.releaseWindowMs(), state.now + config.appealWaitMs());
        return null;
    }

    ErrorCode release(final long actorId, final long orderId)
    {
        final ErrorCode refused = checkSellerIn(actorId, orderId, OrderState.PAID, OrderState.PAID);
        if (refused != null)
        {
            return refused;
        }
        events.orderCompleted(orderId, false);
        return null;
    }

    ErrorCode cancel(final long actorId, final long orderId)
    {
        final ErrorCode refused = checkBuyerIn(actorId, orderId, OrderState.PENDING_PAYMENT, OrderState.PAID);
        if (refused != null)
        {
            return refused;
        }
        final User buyer = state.orders.get(orderId).buyer;
        events.orderCancelled(orderId, CancelReason.BY_BUYER);
        restrictIfOverCancelLimits(buyer);
        return null;
    }

    ErrorCode requestCancel(final long actorId, final long orderId)
    {
        final ErrorCode refused = checkSellerIn(actorId, orderId, OrderState.PENDING_PAYMENT, OrderState.PAID);
        if (refused != null)
        {
            return refused;
        }
        if (state.orders.get(orderId).cancelRequested)
        {
            return ErrorCode.CANCEL_REQUEST_PENDING;
        }
        events.cancelRequested(orderId);
        return null;
    }

    ErrorCode reviewCancelRequest(final long actorId, final long orderId, final boolean accept)
    {
        final ErrorCode refused = checkBuyerIn(actorId, orderId, OrderState.PENDING_PAYMENT, OrderState.PAID);
        if (refused != null)
        {
            return refused;
        }
        if (!state.orders.get(orderId).cancelRequested)
        {
            return ErrorCode.NO_CANCEL_REQUEST;
        }
        if (accept)
        {
            events.orderCancelled(orderId, CancelReason.SELLER_REQUEST_ACCEPTED);
        }
        else
        {
            events.cancelRequestRejected(orderId);
        }
        return null;
    }

    ErrorCode appeal(final long actorId, final long orderId)
    {
        final ErrorCode refused = checkParty(actorId, orderId);
        if (refused != null)
        {
            return refused;
        }
        final Order order = state.orders.get(orderId);
        if (order.state != OrderState.PAID)
        {
            return ErrorCode.INVALID_ORDER_STATE;
        }
        if (state.now < order.appealableFrom)
        {
            return ErrorCode.APPEAL_TOO_EARLY;
        }
        events.orderDisputed(orderId, actorId);
        return null;
    }

    ErrorCode withdrawAppeal(final long actorId, final long orderId)
    {
        final ErrorCode refused = checkParty(actorId, orderId);
        if (refused != null)
        {
            return refused;
        }
        final Order order = state.orders.get(orderId);
        if (order.state != OrderState.DISPUTED)
        {
            return ErrorCode.INVALID_ORDER_STATE;
        }
        if (order.appellantId != actorId)
        {
            return ErrorCode.NOT_APPEAL_AUTHOR;
        }
        // Back to PAID with fresh deadlines: the seller gets a full release window again.
        final CoreConfig config = state.config;
        events.appealWithdrawn(orderId, state.now + config.releaseWindowMs(), state.now + config.appealWaitMs());
        return null;
    }

    ErrorCode resolve(final long actorId, final long orderId, final DisputeOutcome outcome)
    {
        final User arbiter = state.users.get(actorId);
        if (arbiter == null)
        {
            return ErrorCode.UNKNOWN_USER;
        }
        final ErrorCode missing = checkExists(orderId);
        if (missing != null)
        {
            return missing;
        }
        final Order order = state.orders.get(orderId);
        if (arbiter.role != Role.ARBITER || order.isParty(actorId))
        {
            return ErrorCode.NOT_ARBITER;
        }
        if (order.state != OrderState.DISPUTED)
        {
            return ErrorCode.INVALID_ORDER_STATE;
        }
        if (outcome == DisputeOutcome.RELEASE)
        {
            events.orderCompleted(orderId, true);
        }
        else if (outcome == DisputeOutcome.REFUND)
        {
            events.orderCancelled(orderId, CancelReason.ARBITER_REFUND);
        }
        else
        {
            return ErrorCode.INVALID_OUTCOME;
        }
        return null;
    }

    /**
     * Records a file shown in an order: by a party of an order still open, or by staff (an arbiter or an admin who
     * is no party) once it is disputed. Changes no state; the event is the record. INVALID_ID for an attachment
     * without an id, a size or a known type.
     */
    ErrorCode recordAttachment(final RecordAttachmentDecoder command)
    {
        final long actorId = command.actorId();
        final long orderId = command.orderId();
        if (command.attachmentId() <= 0 || command.size() <= 0 || command.mediaType() == AttachmentType.NULL_VAL)
        {
            return ErrorCode.INVALID_ID;
        }
        final ErrorCode refused = checkParty(actorId, orderId);
        if (refused != null && !(refused == ErrorCode.NOT_ORDER_PARTY && staffOnDispute(actorId, orderId)))
        {
            return refused;
        }
        events.attachmentRecorded(command);
        return null;
    }

    private boolean staffOnDispute(final long actorId, final long orderId)
    {
        final Order order = state.orders.get(orderId);
        final User user = state.users.get(actorId);
        return order.state == OrderState.DISPUTED && (user.role == Role.ARBITER || user.role == Role.ADMIN);
    }

    /** Fires every deadline due by now: unpaid orders expire, unreleased paid orders go to dispute. */
    void tick()
    {
        final DeadlineQueue deadlines = state.deadlines;
        while (!deadlines.isEmpty() && deadlines.peekDeadline() <= state.now)
        {
            final long deadline = deadlines.peekDeadline();
            final byte kind = deadlines.peekKind();
            final Order order = state.orders.get(deadlines.peekOrderId());
            deadlines.poll();
            if (order == null)
            {
                continue;
            }
            if (kind == DeadlineQueue.PAY_BY && order.state == OrderState.PENDING_PAYMENT && order.payBy == deadline)
            {
                final User buyer = order.buyer;
                events.orderExpired(order.id);
                restrictIfOverCancelLimits(buyer);
            }
            else if (kind == DeadlineQueue.RELEASE_BY && order.state == OrderState.PAID && order.releaseBy == deadline)
            {
                events.orderDisputed(order.id, 0);
            }
        }
    }

    private void restrictIfOverCancelLimits(final User user)
    {
        final CoreConfig config = state.config;
        final long since = state.now - config.cancelWindowMs();
        final boolean overLimit = user.prePayCancels.countAfter(since) > config.maxPrePayCancels() ||
            user.postPayCancels.countAfter(since) > config.maxPostPayCancels();
        if (!overLimit || user.isRestricted(state.now))
        {
            return;
        }
        final boolean escalationExpired =
            user.lastRestrictedAt == 0 || state.now - user.lastRestrictedAt > config.restrictionResetMs();
        final int level = escalationExpired ? 0 : user.restrictionLevel;
        events.userRestricted(user.id, state.now + config.restrictionMs(level), Math.min(level + 1, 255));
    }

    private ErrorCode checkBuyerIn(final long actorId, final long orderId, final OrderState one, final OrderState other)
    {
        return checkSideIn(actorId, orderId, true, one, other);
    }

    private ErrorCode checkSellerIn(final long actorId, final long orderId, final OrderState one, final OrderState other)
    {
        return checkSideIn(actorId, orderId, false, one, other);
    }

    /** The actor must be the order's buyer (or seller), and the order in one of two states. */
    private ErrorCode checkSideIn(
        final long actorId,
        final long orderId,
        final boolean buyer,
        final OrderState one,
        final OrderState other)
    {
        final ErrorCode refused = checkParty(actorId, orderId);
        if (refused != null)
        {
            return refused;
        }
        final Order order = state.orders.get(orderId);
        if ((buyer ? order.buyer : order.seller).id != actorId)
        {
            return buyer ? ErrorCode.NOT_BUYER : ErrorCode.NOT_SELLER;
        }
        return order.state == one || order.state == other ? null : ErrorCode.INVALID_ORDER_STATE;
    }

    private ErrorCode checkParty(final long actorId, final long orderId)
    {
        // A party of an open order is a known user: only look the actor up when it is not one (same codes, in the
        // same precedence, one hash lookup fewer on every step of every order).
        final Order order = state.orders.get(orderId);
        if (order != null && order.isParty(actorId))
        {
            return null;
        }
        if (!state.users.containsKey(actorId))
        {
            return ErrorCode.UNKNOWN_USER;
        }
        return order == null ? checkExists(orderId) : ErrorCode.NOT_ORDER_PARTY;
    }

    private ErrorCode checkExists(final long orderId)
    {
        if (state.orders.containsKey(orderId))
        {
            return null;
        }
        return orderId > 0 && orderId < state.nextOrderId ? ErrorCode.ORDER_FINISHED : ErrorCode.UNKNOWN_ORDER;
    }
}
