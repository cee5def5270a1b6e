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
    /** Only what conservation needs of each ended order: a long run keeps hundreds of thousands of these. */
    private final Map<Long, Ended> finalStates = new LinkedHashMap<>(2);
    private final java.util.List<Long> orderIds = new java.util.ArrayList<>(2);
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
        finalStates.put(orderId, Ended.of(order));
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

    /** One line for the report: what the cycle was, and what became of it. */
    synchronized String describe()
    {
        return kind + " cycle " + index + ": taker " + taker.name + ", merchant " + merchant.name + " (ad "
            + merchant.adId + "), " + (refusedWith != null ? "refused " + refusedWith : "orders " + orderIds
            + " ended " + finalStates.keySet() + (lastProblem == null ? "" : ", last refusal " + lastProblem));
    }

    synchronized Map<Long, Ended> finalStates()
    {
        return new LinkedHashMap<>(finalStates);
    }

    /**
     * An order's final state and, when COMPLETED, what the buyer received (quantity - buyer fee) and what the seller
     * gave up (quantity + seller fee).
     */
    record Ended(String state, BigDecimal toBuyer, BigDecimal fromSeller)
    {
        static Ended of(final JsonObject order)
        {
            final String state = order.getString("state");
            if (!"COMPLETED".equals(state))
            {
                return new Ended(state, BigDecimal.ZERO, BigDecimal.ZERO);
            }
            final BigDecimal quantity = new BigDecimal(order.getString("quantity"));
            return new Ended(state, quantity.subtract(new BigDecimal(order.getString("buyerFee"))),
                quantity.add(new BigDecimal(order.getString("sellerFee"))));
        }

        boolean isFinal()
        {
            return "COMPLETED".equals(state) || "CANCELLED".equals(state);
        }
    }
}
