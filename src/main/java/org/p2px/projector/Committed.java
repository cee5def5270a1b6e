package org.p2px.projector;

import java.util.List;

import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.replica.Changes;

/** What one projector transaction wrote that subscribers hear about once it has committed. */
public record Committed(long batchSequence, List<OrderRow> orders, List<BalanceRow> balances, List<ChatMessageRow> chat,
    List<Changes.IndexChange> indexes, List<Changes.BookSide> books)
{
}
