package org.p2px.core;

import java.util.Arrays;

/**
 * Order deadlines in a binary min-heap of primitive arrays, ordered by (deadline, order id) so that firing is
 * deterministic. Entries are never removed early: when one comes due, the caller checks that the order is still
 * in the state the deadline was set for, and drops it otherwise. That keeps every order transition O(1) and the
 * heap allocation-free once it has grown to the number of deadlines outstanding.
 */
final class DeadlineQueue
{
    /** The payment deadline of a PENDING_PAYMENT order. */
    static final byte PAY_BY = 1;
    /** The release deadline of a PAID order. */
    static final byte RELEASE_BY = 2;

    private long[] deadlines;
    private long[] orderIds;
    private byte[] kinds;
    private int size;

    DeadlineQueue(final int initialCapacity)
    {
        deadlines = new long[initialCapacity];
        orderIds = new long[initialCapacity];
        kinds = new byte[initialCapacity];
    }

    void add(final long deadline, final long orderId, final byte kind)
    {
        if (size == deadlines.length)
        {
            final int capacity = size * 2;
            deadlines = Arrays.copyOf(deadlines, capacity);
            orderIds = Arrays.copyOf(orderIds, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
        }
        int child = size++;
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (!less(deadline, orderId, deadlines[parent], orderIds[parent]))
            {
                break;
            }
            set(child, deadlines[parent], orderIds[parent], kinds[parent]);
            child = parent;
        }
        set(child, deadline, orderId, kind);
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    int size()
    {
        return size;
    }

    long peekDeadline()
    {
        return deadlines[0];
    }

    long peekOrderId()
    {
        return orderIds[0];
    }

    byte peekKind()
    {
        return kinds[0];
    }

    void poll()
    {
        size--;
        if (size == 0)
        {
            return;
        }
        final long deadline = deadlines[size];
        final long orderId = orderIds[size];
        final byte kind = kinds[size];
        int parent = 0;
        while (true)
        {
            int child = 2 * parent + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && less(deadlines[child + 1], orderIds[child + 1], deadlines[child], orderIds[child]))
            {
                child++;
            }
            if (!less(deadlines[child], orderIds[child], deadline, orderId))
            {
                break;
            }
            set(parent, deadlines[child], orderIds[child], kinds[child]);
            parent = child;
        }
        set(parent, deadline, orderId, kind);
    }

    void clear()
    {
        size = 0;
    }

    private void set(final int index, final long deadline, final long orderId, final byte kind)
    {
        deadlines[index] = deadline;
        orderIds[index] = orderId;
        kinds[index] = kind;
    }

    private static boolean less(final long deadline, final long orderId, final long otherDeadline, final long otherOrderId)
    {
        return deadline < otherDeadline || (deadline == otherDeadline && orderId < otherOrderId);
    }
}
