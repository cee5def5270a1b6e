package org.p2px.replica;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.p2px.codec.Side;
import org.p2px.core.AdSnapshot;
import org.p2px.core.CoreReader;
import org.p2px.core.OrderSnapshot;
import org.p2px.core.UserSnapshot;

/**
 * What a run of journal batches changed, as one database transaction will write it: the ids touched (with the
 * time of the last batch that touched each), the ads and orders that left the core on the way (copied just before
 * they left), blocks, index prices, chat lines and the book sides to push. {@link #resolve} then copies the
 * final state of everything touched out of the replica, so each row is written once per transaction.
 */
public final class Changes
{
    /** A block added or removed. */
    public record BlockChange(long blockerId, long blockedId, boolean added, long time)
    {
    }

    /** A market's new index price. */
    public record IndexChange(int marketId, long price, long time)
    {
    }

    /** One side of one market's book. */
    public record BookSide(int marketId, Side side)
    {
    }

    /** An order as it stood when it left the core, and how it ended. */
    public record Finished(OrderSnapshot order, String cancelReason, long time)
    {
    }

    /** A file recorded in an order by its hash (AttachmentRecorded). */
    public record AttachmentRecord(long attachmentId, long orderId, long uploaderId, long size, String mediaType,
        String sha256, long time)
    {
    }

    /** Marks "no longer disputed" in {@link #disputedAt}. */
    public static final long NOT_DISPUTED = -1;

    public long firstSequence;
    public long lastSequence;
    public final Map<Long, Long> adTimes = new LinkedHashMap<>();
    public final Map<Long, AdSnapshot> closedAds = new LinkedHashMap<>();
    public final Map<Long, Long> orderTimes = new LinkedHashMap<>();
    public final Map<Long, Finished> finishedOrders = new LinkedHashMap<>();
    public final Map<Long, Long> disputedAt = new LinkedHashMap<>();
    public final Map<Long, Long> userTimes = new LinkedHashMap<>();
    public final List<BlockChange> blocks = new ArrayList<>();
    public final Map<Integer, IndexChange> indexes = new LinkedHashMap<>();
    public final List<ChatNote> chat = new ArrayList<>();
    public final Set<BookSide> books = new LinkedHashSet<>();
    public final List<AttachmentRecord> attachments = new ArrayList<>();

    public final List<AdSnapshot> ads = new ArrayList<>();
    public final List<OrderSnapshot> orders = new ArrayList<>();
    public final List<UserSnapshot> users = new ArrayList<>();

    public boolean isEmpty()
    {
        return lastSequence == 0;
    }

    public void covers(final long batchSequence)
    {
        if (firstSequence == 0)
        {
            firstSequence = batchSequence;
        }
        lastSequence = batchSequence;
    }

    public void ad(final long adId, final long time)
    {
        adTimes.put(adId, time);
    }

    public void order(final long orderId, final long time)
    {
        orderTimes.put(orderId, time);
    }

    public void user(final long userId, final long time)
    {
        userTimes.put(userId, time);
    }

    public void book(final int marketId, final Side side)
    {
        books.add(new BookSide(marketId, side));
    }

    /** Copies the final state of every touched ad, order and user out of the replica. */
    public void resolve(final CoreReader replica)
    {
        adTimes.keySet().forEach(adId ->
        {
            final AdSnapshot ad = closedAds.containsKey(adId) ? closedAds.get(adId) : replica.ad(adId);
            if (ad != null)
            {
                ads.add(ad);
            }
        });
        orderTimes.keySet().forEach(orderId ->
        {
            final Finished finished = finishedOrders.get(orderId);
            final OrderSnapshot order = finished != null ? finished.order() : replica.order(orderId);
            if (order != null)
            {
                orders.add(order);
            }
        });
        userTimes.keySet().forEach(userId ->
        {
            final UserSnapshot user = replica.user(userId);
            if (user != null)
            {
                users.add(user);
            }
        });
    }
}
