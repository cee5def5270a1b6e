package org.p2px.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;

/**
 * The service's state in the cluster's snapshot: the last batch sequence, the gateways' highest sequences, then the
 * core's own SBE snapshot ({@link TradingCore#writeSnapshot}), which carries and checks its digest. Written as a
 * length followed by chunks that each fit one Aeron frame.
 * <pre>
 *   magic:int  version:int  batchSequence:long  nextTickAt:long  gateways:(count:int, (id:long, highest:long)*)  coreLength:int  core...
 * </pre>
 */
final class ServiceSnapshot
{
    private static final int MAGIC = 0x50325058; // "P2PX"
    private static final int VERSION = 1;
    /** Where the first chunk holds magic, version and the batch sequence, after the total length. */
    private static final int HEADER_END = Long.BYTES + 16;

    /** What a snapshot restores. */
    record Loaded(TradingCore core, long batchSequence, long nextTickAt)
    {
    }

    private ServiceSnapshot()
    {
    }

    static void write(
        final ExclusivePublication publication, final IdleStrategy idle, final TradingCore core, final long batchSequence,
        final long nextTickAt, final GatewaySequences gateways)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 20);
        final int at = encode(buffer, core, batchSequence, nextTickAt, gateways);
        final int chunk = publication.maxPayloadLength();
        for (int offset = 0; offset < at; offset += chunk)
        {
            offer(publication, idle, buffer, offset, Math.min(chunk, at - offset));
        }
    }

    /** @return the length written: the whole snapshot, its total length first. */
    static int encode(
        final ExpandableArrayBuffer buffer, final TradingCore core, final long batchSequence, final long nextTickAt,
        final GatewaySequences gateways)
    {
        int at = Long.BYTES; // total length first
        buffer.putInt(at, MAGIC);
        buffer.putInt(at + 4, VERSION);
        buffer.putLong(at + 8, batchSequence);
        buffer.putLong(at + 16, nextTickAt);
        at += 24;
        at += gateways.write(buffer, at);
        final int coreLength = core.writeSnapshot(buffer, at + Integer.BYTES);
        buffer.putInt(at, coreLength);
        at += Integer.BYTES + coreLength;
        buffer.putLong(0, at);
        return at;
    }

    private static void offer(
        final ExclusivePublication publication, final IdleStrategy idle, final DirectBuffer buffer, final int offset,
        final int length)
    {
        idle.reset();
        long result;
        while ((result = publication.offer(buffer, offset, length)) < 0)
        {
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("snapshot publication failed: " + result);
            }
            idle.idle();
        }
    }

    /**
     * The batch sequence a snapshot covers, when {@code fragment} is its first chunk; -1 when it is anything else
     * (the container's own messages come before it in the snapshot's recording).
     */
    static long batchSequenceIn(final DirectBuffer fragment, final int offset, final int length)
    {
        if (length < HEADER_END || fragment.getInt(offset + Long.BYTES) != MAGIC ||
            fragment.getInt(offset + Long.BYTES + 4) != VERSION)
        {
            return -1;
        }
        return fragment.getLong(offset + Long.BYTES + 8);
    }

    static Loaded read(final Image image, final IdleStrategy idle, final CoreConfig config, final GatewaySequences gateways)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 20);
        final int[] received = {0};
        final FragmentHandler collect = (fragment, offset, length, header) ->
        {
            buffer.putBytes(received[0], fragment, offset, length);
            received[0] += length;
        };
        idle.reset();
        while (received[0] < Long.BYTES || received[0] < buffer.getLong(0))
        {
            if (image.poll(collect, 16) == 0)
            {
                if (image.isEndOfStream() || image.isClosed())
                {
                    throw new IllegalStateException("snapshot ended after " + received[0] + " bytes");
                }
                idle.idle();
            }
        }
        int at = Long.BYTES;
        if (buffer.getInt(at) != MAGIC || buffer.getInt(at + 4) != VERSION)
        {
            throw new IllegalStateException("not a p2px service snapshot of version " + VERSION);
        }
        final long batchSequence = buffer.getLong(at + 8);
        final long nextTickAt = buffer.getLong(at + 16);
        at += 24;
        at += gateways.read(buffer, at);
        final int coreLength = buffer.getInt(at);
        final TradingCore core = TradingCore.fromSnapshot(config, buffer, at + Integer.BYTES, coreLength);
        return new Loaded(core, batchSequence, nextTickAt);
    }
}
