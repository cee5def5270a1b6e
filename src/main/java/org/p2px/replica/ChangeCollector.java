package org.p2px.replica;

import org.agrona.DirectBuffer;
import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdQuantityChangedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdStatusChangedDecoder;
import org.p2px.codec.AdUpdatedDecoder;
import org.p2px.codec.AppealWithdrawnDecoder;
import org.p2px.codec.AttachmentRecordedDecoder;
import org.p2px.codec.CancelReason;
import org.p2px.codec.CancelRequestRejectedDecoder;
import org.p2px.codec.CancelRequestedDecoder;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.DepositedDecoder;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;
import org.p2px.codec.IndexPriceSetDecoder;
import org.p2px.codec.MessageHeaderDecoder;
import org.p2px.codec.OrderCancelledDecoder;
import org.p2px.codec.OrderCompletedDecoder;
import org.p2px.codec.OrderDisputedDecoder;
import org.p2px.codec.OrderExpiredDecoder;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.OrderPaidDecoder;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.codec.UserBlockedDecoder;
import org.p2px.codec.UserRegisteredDecoder;
import org.p2px.codec.UserRestrictedDecoder;
import org.p2px.codec.UserUnblockedDecoder;
import org.p2px.codec.WireEnums;
import org.p2px.codec.WithdrawnDecoder;
import org.p2px.core.AdSnapshot;
import org.p2px.core.CoreReader;
import org.p2px.core.OrderSnapshot;
import org.p2px.core.OrderState;
import org.p2px.core.TradingCore;

/**
 * Applies journal batches to the replica core one event at a time, and notes in a {@link Changes} what each
 * event touched. The rules stay in the core's own {@code StateApplier}: this class only looks, and looks before
 * each event is applied, so an ad being closed or an order being finished is copied while the core still has it.
 */
public final class ChangeCollector implements EventHandler
{
    private final TradingCore replica;
    private final CoreReader reader;
    private final EventAdapter adapter = new EventAdapter(this);
    private Changes changes;
    private long now;

    public ChangeCollector(final TradingCore replica)
    {
        this.replica = replica;
        this.reader = new CoreReader(replica);
    }

    public TradingCore replica()
    {
        return replica;
    }

    public CoreReader reader()
    {
        return reader;
    }

    /** Applies a batch that the read models already hold: nothing is noted. */
    public void replay(final DirectBuffer events, final int offset, final int length)
    {
        replica.apply(events, offset, length);
    }

    /** Applies a batch and notes what it changed into {@code into}. */
    public void apply(final long batchSequence, final DirectBuffer events, final int offset, final int length, final Changes into)
    {
        changes = into;
        into.covers(batchSequence);
        final int end = offset + length;
        int position = offset;
        while (position + MessageHeaderDecoder.ENCODED_LENGTH <= end)
        {
            final int eventLength = adapter.onEvent(events, position);
            replica.apply(events, position, eventLength);
            position += eventLength;
        }
        changes = null;
    }

    @Override
    public void onCommandAccepted(final CommandAcceptedDecoder event)
    {
        now = event.timestamp();
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        now = event.timestamp();
    }

    @Override
    public void onIndexPriceSet(final IndexPriceSetDecoder event)
    {
        final int marketId = event.marketId();
        changes.indexes.put(marketId, new Changes.IndexChange(marketId, event.price(), now));
        for (final AdSnapshot ad : reader.ads(marketId))
        {
            if (ad.priceType() == PriceType.FLOATING)
            {
                changes.ad(ad.adId(), now);
            }
        }
        changes.book(marketId, Side.BUY);
        changes.book(marketId, Side.SELL);
    }

    @Override
    public void onUserRegistered(final UserRegisteredDecoder event)
    {
        changes.user(event.userId(), now);
    }

    @Override
    public void onDeposited(final DepositedDecoder event)
    {
        changes.user(event.userId(), now);
    }

    @Override
    public void onWithdrawn(final WithdrawnDecoder event)
    {
        changes.user(event.userId(), now);
    }

    @Override
    public void onUserRestricted(final UserRestrictedDecoder event)
    {
        changes.user(event.userId(), now);
    }

    @Override
    public void onUserBlocked(final UserBlockedDecoder event)
    {
        changes.blocks.add(new Changes.BlockChange(event.blockerId(), event.blockedId(), true, now));
    }

    @Override
    public void onUserUnblocked(final UserUnblockedDecoder event)
    {
        changes.blocks.add(new Changes.BlockChange(event.blockerId(), event.blockedId(), false, now));
    }

    @Override
    public void onAdCreated(final AdCreatedDecoder event)
    {
        changes.ad(event.adId(), now);
        changes.user(event.ownerId(), now);
        changes.book(event.marketId(), event.side());
    }

    @Override
    public void onAdUpdated(final AdUpdatedDecoder event)
    {
        adChanged(event.adId());
    }

    @Override
    public void onAdStatusChanged(final AdStatusChangedDecoder event)
    {
        final AdSnapshot ad = adChanged(event.adId());
        if (event.status() == AdStatus.CLOSED && ad != null)
        {
            changes.closedAds.put(ad.adId(), ad.closed());
        }
    }

    @Override
    public void onAdQuantityChanged(final AdQuantityChangedDecoder event)
    {
        adChanged(event.adId());
    }

    @Override
    public void onOrderOpened(final OrderOpenedDecoder event)
    {
        final long orderId = event.orderId();
        changes.order(orderId, now);
        changes.user(event.buyerId(), now);
        changes.user(event.sellerId(), now);
        adOfOrder(event.marketId(), event.buyAdId(), Side.BUY);
        adOfOrder(event.marketId(), event.sellAdId(), Side.SELL);
        changes.chat.add(new ChatNote(orderId, ChatNote.Topic.OPENED, 0, now));
        final long makerAdId = event.sellAdId() != 0 && event.sellerId() == event.makerId() ? event.sellAdId() : event.buyAdId();
        if (makerAdId != 0)
        {
            changes.chat.add(new ChatNote(orderId, ChatNote.Topic.AUTO_REPLY, makerAdId, now));
        }
    }

    @Override
    public void onOrderPaid(final OrderPaidDecoder event)
    {
        orderChanged(event.orderId(), ChatNote.Topic.PAID, 0);
    }

    @Override
    public void onOrderCompleted(final OrderCompletedDecoder event)
    {
        final boolean byArbiter = WireEnums.flag(event.byArbiterRaw());
        finished(event.orderId(), OrderState.COMPLETED, null,
            byArbiter ? ChatNote.Topic.COMPLETED_BY_ARBITER : ChatNote.Topic.COMPLETED);
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        final CancelReason reason = event.reason();
        final ChatNote.Topic topic = switch (reason)
        {
            case SELLER_REQUEST_ACCEPTED -> ChatNote.Topic.CANCELLED_ON_REQUEST;
            case ARBITER_REFUND -> ChatNote.Topic.REFUNDED;
            default -> ChatNote.Topic.CANCELLED_BY_BUYER;
        };
        finished(event.orderId(), OrderState.CANCELLED, reason.name(), topic);
    }

    @Override
    public void onOrderExpired(final OrderExpiredDecoder event)
    {
        finished(event.orderId(), OrderState.EXPIRED, null, ChatNote.Topic.EXPIRED);
    }

    @Override
    public void onAttachmentRecorded(final AttachmentRecordedDecoder event)
    {
        changes.attachments.add(new Changes.AttachmentRecord(event.attachmentId(), event.orderId(), event.uploaderId(),
            event.size(), event.mediaType().name(), event.sha256(), now));
    }

    @Override
    public void onOrderDisputed(final OrderDisputedDecoder event)
    {
        changes.disputedAt.put(event.orderId(), now);
        orderChanged(event.orderId(), ChatNote.Topic.DISPUTED, event.appellantId());
    }

    @Override
    public void onAppealWithdrawn(final AppealWithdrawnDecoder event)
    {
        changes.disputedAt.put(event.orderId(), Changes.NOT_DISPUTED);
        orderChanged(event.orderId(), ChatNote.Topic.APPEAL_WITHDRAWN, 0);
    }

    @Override
    public void onCancelRequested(final CancelRequestedDecoder event)
    {
        orderChanged(event.orderId(), ChatNote.Topic.CANCEL_REQUESTED, 0);
    }

    @Override
    public void onCancelRequestRejected(final CancelRequestRejectedDecoder event)
    {
        orderChanged(event.orderId(), ChatNote.Topic.CANCEL_REQUEST_REJECTED, 0);
    }

    /** Notes an ad and its owner's balance, and the book side it lists on; returns it as it is before the event. */
    private AdSnapshot adChanged(final long adId)
    {
        final AdSnapshot ad = reader.ad(adId);
        changes.ad(adId, now);
        if (ad != null)
        {
            changes.user(ad.ownerId(), now);
            changes.book(ad.marketId(), ad.side());
        }
        return ad;
    }

    private void adOfOrder(final int marketId, final long adId, final Side side)
    {
        if (adId != 0)
        {
            changes.ad(adId, now);
            changes.book(marketId, side);
        }
    }

    private void orderChanged(final long orderId, final ChatNote.Topic topic, final long detail)
    {
        final OrderSnapshot order = reader.order(orderId);
        changes.order(orderId, now);
        if (order != null)
        {
            changes.user(order.buyerId(), now);
            changes.user(order.sellerId(), now);
        }
        changes.chat.add(new ChatNote(orderId, topic, detail, now));
    }

    /** The order leaves the core with this event: copied first, with the ads it returns to or fills. */
    private void finished(final long orderId, final OrderState state, final String cancelReason, final ChatNote.Topic topic)
    {
        final OrderSnapshot order = reader.order(orderId);
        if (order != null)
        {
            changes.finishedOrders.put(orderId, new Changes.Finished(order.finished(state), cancelReason, now));
            // An ad closed since the order opened no longer holds it: nothing of the ad changes then.
            adOfOrder(order.marketId(), reader.ad(order.buyAdId()) != null ? order.buyAdId() : 0, Side.BUY);
            adOfOrder(order.marketId(), reader.ad(order.sellAdId()) != null ? order.sellAdId() : 0, Side.SELL);
        }
        orderChanged(orderId, topic, 0);
    }
}
