package org.p2px.engine;

import java.util.function.Supplier;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The gateways' way in: puts an encoded command, tagged with its session, onto the core's inbound ring buffer.
 * Safe to call from any number of threads; never blocks. A full buffer is an answer ({@link OfferResult#BUSY}),
 * not a silent drop.
 */
public final class CommandPublisher
{
    private final ManyToOneRingBuffer ringBuffer;
    private final Supplier<EngineStatus> status;

    CommandPublisher(final ManyToOneRingBuffer ringBuffer, final Supplier<EngineStatus> status)
    {
        this.ringBuffer = ringBuffer;
        this.status = status;
    }

    /**
     * Offers one SBE command (as {@code org.p2px.codec.CommandProxy} encodes it).
     *
     * @throws IllegalArgumentException when the command is shorter than its fixed prefix or longer than the
     *                                  buffer's largest message: a gateway bug, not back-pressure.
     */
    public OfferResult offer(final long sessionId, final DirectBuffer command, final int offset, final int length)
    {
        if (length < CommandEnvelope.MIN_COMMAND_LENGTH || length + CommandEnvelope.COMMAND_OFFSET > maxCommandLength())
        {
            throw new IllegalArgumentException("command length out of range: " + length);
        }
        if (status.get() != EngineStatus.READY)
        {
            return OfferResult.UNAVAILABLE;
        }
        final int index = ringBuffer.tryClaim(CommandEnvelope.MSG_TYPE_ID, CommandEnvelope.COMMAND_OFFSET + length);
        if (index == RingBuffer.INSUFFICIENT_CAPACITY)
        {
            return OfferResult.BUSY;
        }
        final AtomicBuffer buffer = ringBuffer.buffer();
        buffer.putLong(index + CommandEnvelope.SESSION_ID_OFFSET, sessionId);
        buffer.putBytes(index + CommandEnvelope.COMMAND_OFFSET, command, offset, length);
        ringBuffer.commit(index);
        return OfferResult.ACCEPTED;
    }

    public int maxCommandLength()
    {
        return ringBuffer.maxMsgLength();
    }
}
