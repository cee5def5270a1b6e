package org.p2px.cluster;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The commands a gateway sent that the cluster has not acknowledged yet, each in its ingress envelope, in gateway
 * sequence order. A cursor marks the next one to send; after a leader change (or an answer overdue) the cursor goes
 * back to the oldest, so every unacknowledged command is sent again, in order, before any newer one. Slots are
 * allocated once.
 */
final class InFlightCommands
{
    private final UnsafeBuffer[] slots;
    private final int[] lengths;
    private final long[] sequences;
    private final int mask;
    private long head;
    private long cursor;
    private long tail;

    InFlightCommands(final int capacity, final int slotLength)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        slots = new UnsafeBuffer[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new UnsafeBuffer(new byte[slotLength]);
        }
        lengths = new int[capacity];
        sequences = new long[capacity];
        mask = capacity - 1;
    }

    int free()
    {
        return slots.length - (int)(tail - head);
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    int size()
    {
        return (int)(tail - head);
    }

    /** Adds {@code [gateway][sequence]} + {@code sessionAndCommand}; the caller checked {@link #free()}. */
    void add(final long gatewayId, final long sequence, final DirectBuffer sessionAndCommand, final int offset,
        final int length)
    {
        final int slot = (int)(tail & mask);
        final UnsafeBuffer buffer = slots[slot];
        buffer.putLong(IngressEnvelope.GATEWAY_ID_OFFSET, gatewayId);
        buffer.putLong(IngressEnvelope.GATEWAY_SEQUENCE_OFFSET, sequence);
        buffer.putBytes(IngressEnvelope.SESSION_ID_OFFSET, sessionAndCommand, offset, length);
        lengths[slot] = IngressEnvelope.SESSION_ID_OFFSET + length;
        sequences[slot] = sequence;
        tail++;
    }

    boolean hasUnsent()
    {
        return cursor < tail;
    }

    UnsafeBuffer nextBuffer()
    {
        return slots[(int)(cursor & mask)];
    }

    int nextLength()
    {
        return lengths[(int)(cursor & mask)];
    }

    void sent()
    {
        cursor++;
    }

    /** Drops every command up to {@code highestApplied}; returns how many. */
    int acknowledge(final long highestApplied)
    {
        int dropped = 0;
        while (head < tail && sequences[(int)(head & mask)] <= highestApplied)
        {
            head++;
            dropped++;
        }
        cursor = Math.max(cursor, head);
        return dropped;
    }

    /** Sends everything unacknowledged again, oldest first. */
    void rewind()
    {
        cursor = head;
    }
}
