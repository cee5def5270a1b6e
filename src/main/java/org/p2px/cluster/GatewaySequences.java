package org.p2px.cluster;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * Per gateway, the highest gateway sequence the service applied: the de-duplication state. It is part of the
 * replicated state (every node applies the same log, so every node holds the same map) and of the snapshot, so a
 * node recovering from one de-duplicates exactly as the others do.
 */
final class GatewaySequences
{
    private static final long NONE = 0;
    private final Long2LongHashMap highest = new Long2LongHashMap(NONE);

    /** Whether {@code sequence} is new for the gateway; if so it becomes the gateway's highest. */
    boolean admit(final long gatewayId, final long sequence)
    {
        if (sequence <= highest.get(gatewayId))
        {
            return false;
        }
        highest.put(gatewayId, sequence);
        return true;
    }

    long highest(final long gatewayId)
    {
        return highest.get(gatewayId);
    }

    int size()
    {
        return highest.size();
    }

    /** Writes {@code count, (gateway, sequence)*}, gateways in ascending order so that equal maps write equal bytes. */
    int write(final MutableDirectBuffer buffer, final int offset)
    {
        final long[] gateways = new long[highest.size()];
        int n = 0;
        for (final Long2LongHashMap.EntryIterator it = highest.entrySet().iterator(); it.hasNext(); )
        {
            it.next();
            gateways[n++] = it.getLongKey();
        }
        Arrays.sort(gateways);
        int at = offset;
        buffer.putInt(at, n);
        at += Integer.BYTES;
        for (final long gateway : gateways)
        {
            buffer.putLong(at, gateway);
            buffer.putLong(at + Long.BYTES, highest.get(gateway));
            at += 2 * Long.BYTES;
        }
        return at - offset;
    }

    /** Reads what {@link #write} wrote; returns the bytes read. */
    int read(final DirectBuffer buffer, final int offset)
    {
        highest.clear();
        final int n = buffer.getInt(offset);
        int at = offset + Integer.BYTES;
        for (int i = 0; i < n; i++)
        {
            highest.put(buffer.getLong(at), buffer.getLong(at + Long.BYTES));
            at += 2 * Long.BYTES;
        }
        return at - offset;
    }
}
