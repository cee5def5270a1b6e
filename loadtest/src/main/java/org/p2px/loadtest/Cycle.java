package org.p2px.loadtest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * One trade cycle: its kind, its taker and merchant, when it was due, the orders it opened and how each ended.
 * It ends when every order reached the state its kind aims at (COMPLETED, or CANCELLED for a buyer cancel), as
 * the taker's own connection sees it.
 */
final class Cycle
{
    final long index;
    final CycleKind kind;
    final Trader taker;
    final Trader merchant;
    final long intendedNanos;
    /** The first request's refusal: offered load the server turned away. */
    volatile String refusedWith;
    /** The last refusal of a later request of this cycle (for the report's examples). */
    volatile String lastProblem;
    private final Map<Long, JsonObject> finalStates = new LinkedHashMap<>();
    private final java.util.List<Long> orderIds = new java.util.ArrayList<>();
    private int expectedOrders = -1;
    private long endedNanos;

    Cycle(final long index, final CycleKind kind, final Trader taker, final Trader merchant, final long intendedNanos)
    {
        this.index = index;
        this.kind = kind;
        this.taker = taker;
        this.merchant = merchant;
        this.intendedNanos = intendedNanos;
    }

    String goal()
    {
        return kind == CycleKind.CANCEL ? "CANCELLED" : "COMPLETED";
    }

    /** The orders the first request opened; true when all of them already ended (their pushes came first). */
    synchronized boolean opened(final java.util.List<Long> ids, final long nanos)
    {
        orderIds.addAll(ids);
        expectedOrders = ids.size();
        if (finalStates.keySet().containsAll(ids) && endedNanos == 0)
        {
            endedNanos = nanos;
            return true;
        }
        return false;
    }

    synchronized java.util.List<Long> orderIds()
    {
        return new java.util.ArrayList<>(orderIds);
    }

    /** An order's final state; true when it was the cycle's last, with {@code nanos} as the cycle's end. */
    synchronized boolean orderEnded(final long orderId, final JsonObject order, final long nanos)
    {
        if (endedNanos != 0 || finalStates.containsKey(orderId))
        {
            return false;
        }
        finalStates.put(orderId, order);
        if (expectedOrders > 0 && finalStates.size() == expectedOrders)
        {
            endedNanos = nanos;
            return true;
        }
        return false;
    }

    synchronized boolean isEnded()
    {
        return endedNanos != 0 || refusedWith != null;
    }

    synchronized boolean isOpened()
    {
        return expectedOrders > 0;
    }

    /** Quantity received by the buyer and given up by the seller over the cycle's completed orders. */
    synchronized BigDecimal[] completedFlows()
    {
        BigDecimal toBuyer = BigDecimal.ZERO;
        BigDecimal fromSeller = BigDecimal.ZERO;
        for (final JsonObject order : finalStates.values())
        {
            if ("COMPLETED".equals(order.getString("state")))
            {
                final BigDecimal quantity = new BigDecimal(order.getString("quantity"));
                toBuyer = toBuyer.add(quantity.subtract(new BigDecimal(order.getString("buyerFee"))));
                fromSeller = fromSeller.add(quantity.add(new BigDecimal(order.getString("sellerFee"))));
            }
        }
        return new BigDecimal[]{ toBuyer, fromSeller };
    }

    /** One line for the report: what the cycle was, and what became of it. */
    synchronized String describe()
    {
        return kind + " cycle " + index + ": taker " + taker.name + ", merchant " + merchant.name + " (ad "
            + merchant.adId + "), " + (refusedWith != null ? "refused " + refusedWith : "orders " + orderIds
            + " ended " + finalStates.keySet() + (lastProblem == null ? "" : ", last refusal " + lastProblem));
    }

    synchronized Map<Long, JsonObject> finalStates()
    {
        return new LinkedHashMap<>(finalStates);
    }
}
