package org.p2px.projector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.LockModeType;

import org.p2px.api.ApiException;
import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.core.AdSnapshot;
import org.p2px.core.BalanceSnapshot;
import org.p2px.core.CoreReader;
import org.p2px.core.OrderSnapshot;
import org.p2px.core.UserSnapshot;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.AttachmentRecordRow;
import org.p2px.readmodel.BlockRow;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.IndexPriceRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.ProjectionPositionRow;
import org.p2px.readmodel.UserStatsRow;
import org.p2px.replica.Changes;
import org.p2px.replica.ChatNote;

/**
 * Writes one {@link Changes} into the read models, position included; the caller owns the transaction. Rows are
 * upserted from the replica's copies, so writing the same changes twice (a retried transaction) gives the same
 * rows; chat lines are inserts, which is why they commit or roll back with the position.
 */
final class ReadModelWriter
{
    static final int POSITION_ROW = 1;

    private final Catalog catalog;

    ReadModelWriter(final Catalog catalog)
    {
        this.catalog = catalog;
    }

    /** The last batch in the read models; 0 for a fresh database. Needs a transaction. */
    static long position()
    {
        final ProjectionPositionRow row = ProjectionPositionRow.findById(POSITION_ROW);
        return row == null ? 0 : row.batchSequence;
    }

    /**
     * Writes {@code changes} if the read models still stand at {@code expectedPosition}, the position this projector
     * last wrote or read; else (another server sharing the database projected meanwhile) throws
     * {@link ProjectionTakenOver} and writes nothing. The position row is locked until the transaction ends, so two
     * projectors can never both write after the same position.
     */
    Committed write(final Changes changes, final long expectedPosition)
    {
        final long found = lockedPosition();
        if (found != expectedPosition)
        {
            throw new ProjectionTakenOver(expectedPosition, found);
        }
        final ExistingRows existing = ExistingRows.loadedFor(changes);
        changes.ads.forEach(ad -> writeAd(existing, ad, changes.adTimes.get(ad.adId())));
        final Map<Long, OrderRow> orders = new HashMap<>();
        changes.orders.forEach(order -> orders.put(order.orderId(), writeOrder(existing, order, changes)));
        final List<BalanceRow> balances = new ArrayList<>();
        changes.users.forEach(user -> balances.addAll(writeUser(existing, user, changes.userTimes.get(user.userId()))));
        changes.blocks.forEach(ReadModelWriter::writeBlock);
        changes.indexes.values().forEach(index -> writeIndex(index.marketId(), index.price(), index.time()));
        changes.attachments.forEach(ReadModelWriter::writeAttachmentRecord);
        final List<ChatMessageRow> chat = new ArrayList<>();
        for (final ChatNote note : changes.chat)
        {
            final OrderRow order = orders.get(note.orderId());
            final ChatMessageRow line = order == null ? null : chatLine(note, order);
            if (line != null)
            {
                chat.add(line);
            }
        }
        ChatLineInserts.insert(chat);
        writePosition(changes.lastSequence);
        return new Committed(changes.lastSequence, List.copyOf(orders.values()), balances, chat,
            List.copyOf(changes.indexes.values()), List.copyOf(changes.books));
    }

    /**
     * Writes the whole state of a core (the fallback when the journal no longer reaches back to the position):
     * every ad, open order, user, block and index price it holds. Ads the rows still show open but the core no
     * longer holds were closed in the gap; orders that finished in the gap keep their last row (the outcome is
     * not in a snapshot).
     */
    static void writeFullState(final CoreReader core, final long batchSequence)
    {
        final long time = core.lastCommandTime();
        final java.util.Set<Long> open = new java.util.HashSet<>();
        core.ads().forEach(ad ->
        {
            open.add(ad.adId());
            writeAd(ExistingRows.BY_ID, ad, time);
        });
        AdRow.<AdRow>list("status <> ?1", "CLOSED").stream().filter(row -> !open.contains(row.id)).forEach(row ->
        {
            row.status = "CLOSED";
            row.reserved = 0;
            row.updatedAt = Instant.ofEpochMilli(time);
        });
        core.orders().forEach(order -> writeOrder(ExistingRows.BY_ID, order, null, null, time));
        for (final UserSnapshot user : core.users())
        {
            writeUser(ExistingRows.BY_ID, user, time);
            final java.util.Set<Long> blocked = new java.util.HashSet<>();
            for (final long blockedId : core.blocked(user.userId()))
            {
                blocked.add(blockedId);
                writeBlock(new Changes.BlockChange(user.userId(), blockedId, true, time));
            }
            BlockRow.<BlockRow>list("blockerId", user.userId()).stream()
                .filter(row -> !blocked.contains(row.blockedId)).forEach(BlockRow::delete);
        }
        for (final int marketId : core.marketIds())
        {
            if (core.indexPrice(marketId) > 0)
            {
                writeIndex(marketId, core.indexPrice(marketId), time);
            }
        }
        writePosition(batchSequence);
    }

    private static long lockedPosition()
    {
        final ProjectionPositionRow row = ProjectionPositionRow.findById(POSITION_ROW, LockModeType.PESSIMISTIC_WRITE);
        return row == null ? 0 : row.batchSequence;
    }

    static void writePosition(final long batchSequence)
    {
        ProjectionPositionRow row = ProjectionPositionRow.findById(POSITION_ROW);
        final boolean created = row == null;
        if (row == null)
        {
            row = new ProjectionPositionRow();
            row.id = POSITION_ROW;
        }
        row.batchSequence = batchSequence;
        if (created)
        {
            row.persist();
        }
    }

    static void writeAd(final ExistingRows existing, final AdSnapshot ad, final long time)
    {
        AdRow row = existing.ad(ad.adId());
        final boolean created = row == null;
        if (row == null)
        {
            row = new AdRow();
            row.id = ad.adId();
        }
        row.ownerId = ad.ownerId();
        row.marketId = ad.marketId();
        row.side = ad.side().name();
        row.status = ad.status().name();
        row.priceType = ad.priceType().name();
        row.fixedPrice = ad.fixedPrice();
        row.marginBps = ad.marginBps();
        row.price = ad.price() > 0 ? ad.price() : null;
        row.remaining = ad.remaining();
        row.frozen = ad.frozen();
        row.filled = ad.filled();
        row.reserved = ad.reserved();
        row.minFiat = ad.minFiat();
        row.maxFiat = ad.maxFiat();
        row.paymentMethods = ad.paymentMethods();
        row.paymentWindowMinutes = ad.paymentWindowMinutes();
        row.minKycLevel = ad.minKycLevel();
        row.minAccountAgeDays = ad.minAccountAgeDays();
        row.minCompletedOrders = ad.minCompletedOrders();
        row.minCompletionRateBps = ad.minCompletionRateBps();
        row.maxOpenOrdersPerTaker = ad.maxOpenOrdersPerTaker();
        row.visibility = ad.visibility().name();
        row.autoMatch = ad.autoMatch();
        row.createdAt = Instant.ofEpochMilli(ad.createdAt());
        row.updatedAt = Instant.ofEpochMilli(Math.max(time, ad.createdAt()));
        if (created)
        {
            row.persist();
        }
    }

    private static OrderRow writeOrder(final ExistingRows existing, final OrderSnapshot order, final Changes changes)
    {
        final Changes.Finished finished = changes.finishedOrders.get(order.orderId());
        final Long disputed = changes.disputedAt.get(order.orderId());
        return writeOrder(existing, order, finished, disputed, changes.orderTimes.get(order.orderId()));
    }

    /**
     * Writes an order's row. {@code disputed}: the time it went to dispute, {@link Changes#NOT_DISPUTED} when an
     * appeal was withdrawn, null to keep what the row has.
     */
    static OrderRow writeOrder(final ExistingRows existing,
        final OrderSnapshot order, final Changes.Finished finished, final Long disputed, final long time)
    {
        OrderRow row = existing.order(order.orderId());
        final boolean created = row == null;
        if (row == null)
        {
            row = new OrderRow();
            row.id = order.orderId();
        }
        row.marketId = order.marketId();
        row.state = order.state().name();
        row.buyerId = order.buyerId();
        row.sellerId = order.sellerId();
        row.makerId = order.makerId();
        row.takerId = order.takerId();
        row.buyAdId = order.buyAdId() != 0 ? order.buyAdId() : null;
        row.sellAdId = order.sellAdId() != 0 ? order.sellAdId() : null;
        row.price = order.price();
        row.quantity = order.quantity();
        row.fiatAmount = order.fiatAmount();
        row.buyerFee = order.buyerFee();
        row.sellerFee = order.sellerFee();
        row.paymentMethod = order.paymentMethod();
        row.clientOrderId = order.clientOrderId() != 0 ? order.clientOrderId() : null;
        row.createdAt = Instant.ofEpochMilli(order.createdAt());
        row.payBy = instant(order.payBy());
        row.paidAt = instant(order.paidAt());
        row.releaseBy = instant(order.releaseBy());
        row.appealableFrom = instant(order.appealableFrom());
        if (disputed != null)
        {
            row.disputedAt = disputed == Changes.NOT_DISPUTED ? null : Instant.ofEpochMilli(disputed);
        }
        row.appellantId = row.disputedAt != null ? order.appellantId() : null;
        row.cancelRequested = order.cancelRequested();
        row.cancelReason = finished != null ? finished.cancelReason() : null;
        row.finishedAt = finished != null ? Instant.ofEpochMilli(finished.time()) : null;
        row.updatedAt = Instant.ofEpochMilli(Math.max(time, order.createdAt()));
        if (created)
        {
            row.persist();
        }
        return row;
    }

    /** Writes the user's statistics and every balance that differs from its row; returns the balance rows written. */
    static List<BalanceRow> writeUser(final ExistingRows existing, final UserSnapshot user, final long time)
    {
        UserStatsRow stats = existing.stats(user.userId());
        final boolean created = stats == null;
        if (stats == null)
        {
            stats = new UserStatsRow();
            stats.userId = user.userId();
        }
        stats.completedOrders = user.completedOrders();
        stats.completed30D = user.completed30d();
        stats.failed30D = user.failed30d();
        stats.payTimeTotalMs = user.payTimeTotalMs();
        stats.payCount = user.payCount();
        stats.releaseTimeTotalMs = user.releaseTimeTotalMs();
        stats.releaseCount = user.releaseCount();
        stats.restrictedUntil = instant(user.restrictedUntil());
        stats.updatedAt = Instant.ofEpochMilli(Math.max(time, user.createdAt()));
        if (created)
        {
            stats.persist();
        }

        final List<BalanceRow> written = new ArrayList<>();
        for (final BalanceSnapshot balance : user.balances())
        {
            BalanceRow row = existing.balance(user.userId(), balance.assetId());
            if (row == null && balance.available() == 0 && balance.locked() == 0)
            {
                continue;
            }
            if (row != null && row.available == balance.available() && row.locked == balance.locked())
            {
                continue;
            }
            final boolean newRow = row == null;
            if (newRow)
            {
                row = new BalanceRow();
                row.userId = user.userId();
                row.assetId = balance.assetId();
            }
            row.available = balance.available();
            row.locked = balance.locked();
            if (newRow)
            {
                row.persist();
            }
            written.add(row);
        }
        return written;
    }

    /** Once per attachment: a batch written again after a crash finds its row and leaves it. */
    static void writeAttachmentRecord(final Changes.AttachmentRecord record)
    {
        if (AttachmentRecordRow.findById(record.attachmentId()) != null)
        {
            return;
        }
        final AttachmentRecordRow row = new AttachmentRecordRow();
        row.attachmentId = record.attachmentId();
        row.orderId = record.orderId();
        row.uploaderId = record.uploaderId();
        row.size = record.size();
        row.mediaType = record.mediaType();
        row.sha256 = record.sha256();
        row.recordedAt = Instant.ofEpochMilli(record.time());
        row.persist();
    }

    static void writeBlock(final Changes.BlockChange change)
    {
        final BlockRow row = BlockRow.findById(new BlockRow.BlockRowKey(change.blockerId(), change.blockedId()));
        if (change.added() && row == null)
        {
            final BlockRow added = new BlockRow();
            added.blockerId = change.blockerId();
            added.blockedId = change.blockedId();
            added.createdAt = Instant.ofEpochMilli(change.time());
            added.persist();
        }
        else if (!change.added() && row != null)
        {
            row.delete();
        }
    }

    static void writeIndex(final int marketId, final long price, final long time)
    {
        IndexPriceRow row = IndexPriceRow.findById(marketId);
        final boolean created = row == null;
        if (row == null)
        {
            row = new IndexPriceRow();
            row.marketId = marketId;
        }
        row.price = price;
        row.updatedAt = Instant.ofEpochMilli(time);
        if (created)
        {
            row.persist();
        }
    }

    /** The chat line for a note; null for an auto-reply the ad does not have. */
    private ChatMessageRow chatLine(final ChatNote note, final OrderRow order)
    {
        final ChatMessageRow line = new ChatMessageRow();
        line.orderId = note.orderId();
        line.sentAt = Instant.ofEpochMilli(note.time());
        if (note.topic() == ChatNote.Topic.AUTO_REPLY)
        {
            final AdTextEntity texts = AdTextEntity.findById(note.detail());
            if (texts == null || texts.autoReply == null || texts.autoReply.isBlank())
            {
                return null;
            }
            line.kind = "AUTO_REPLY";
            line.authorId = order.makerId;
            line.text = texts.autoReply;
            return line;
        }
        line.kind = "SYSTEM";
        line.text = ChatTexts.text(note, order, market(order.marketId));
        return line;
    }

    private MarketInfo market(final int marketId)
    {
        try
        {
            return catalog.market(marketId);
        }
        catch (final ApiException ex)
        {
            return null;
        }
    }

    private static Instant instant(final long epochMillis)
    {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
    }
}
