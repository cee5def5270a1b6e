package org.p2px.projector;

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
final class Changes
{
    /** A block added or removed. */
    record BlockChange(long blockerId, long blockedId, boolean added, long time)
    {
    }

    /** A market's new index price. */
    record IndexChange(int marketId, long price, long time)
    {
    }

    /** One side of one market's book. */
    record BookSide(int marketId, Side side)
    {
    }

    /** An order as it stood when it left the core, and how it ended. */
    record Finished(OrderSnapshot order, String cancelReason, long time)
    {
    }

    /** Marks "no longer disputed" in {@link #disputedAt}. */
    static final long NOT_DISPUTED = -1;

    long firstSequence;
    long lastSequence;
    final Map<Long, Long> adTimes = new LinkedHashMap<>();
    final Map<Long, AdSnapshot> closedAds = new LinkedHashMap<>();
    final Map<Long, Long> orderTimes = new LinkedHashMap<>();
    final Map<Long, Finished> finishedOrders = new LinkedHashMap<>();
    final Map<Long, Long> disputedAt = new LinkedHashMap<>();
    final Map<Long, Long> userTimes = new LinkedHashMap<>();
    final List<BlockChange> blocks = new ArrayList<>();
    final Map<Integer, IndexChange> indexes = new LinkedHashMap<>();
    final List<ChatNote> chat = new ArrayList<>();
    final Set<BookSide> books = new LinkedHashSet<>();

    final List<AdSnapshot> ads = new ArrayList<>();
    final List<OrderSnapshot> orders = new ArrayList<>();
    final List<UserSnapshot> users = new ArrayList<>();

    boolean isEmpty()
    {
        return lastSequence == 0;
    }

    void covers(final long batchSequence)
    {
        if (firstSequence == 0)
        {
            firstSequence = batchSequence;
        }
        lastSequence = batchSequence;
    }

    void ad(final long adId, final long time)
    {
        adTimes.put(adId, time);
    }

    void order(final long orderId, final long time)
    {
        orderTimes.put(orderId, time);
    }

    void user(final long userId, final long time)
    {
        userTimes.put(userId, time);
    }

    void book(final int marketId, final Side side)
    {
        books.add(new BookSide(marketId, side));
    }

    /** Copies the final state of every touched ad, order and user out of the replica. */
    void resolve(final CoreReader replica)
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
