package org.p2px.live;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.p2px.core.AdSnapshot;
import org.p2px.replica.Changes;

/**
 * What one journaled batch changed, as the live view's listeners get it right after the view applied it: the
 * orders (finished ones included, as they ended), the ads (closed ones as they were closed), the balances that
 * differ from before, the book sides to refresh, the new index prices, and the orders whose dispute opened or
 * closed (an appeal, its withdrawal, a resolution).
 */
public record LiveBatch(long batchSequence, long sessionId, List<LiveOrder> orders, List<AdSnapshot> ads,
    List<BalanceChange> balances, Collection<Changes.BookSide> books, Collection<Changes.IndexChange> indexes,
    Set<Long> disputeChanged)
{
}
