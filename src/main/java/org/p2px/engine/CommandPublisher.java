package org.p2px.engine;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.agrona.DirectBuffer;
import org.p2px.codec.CommandProxy;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The gateways' way in: puts an encoded command, tagged with its session, onto the core's inbound ring buffer.
 * Safe to call from any number of threads; never blocks. A full buffer is an answer ({@link OfferResult#BUSY}),
 * not a silent drop. What the metrics read of it: how full the buffer is, and how many offers it answered BUSY.
 */
public final class CommandPublisher
{
    private final ManyToOneRingBuffer ringBuffer;
    private final Supplier<EngineStatus> status;
    private final int slotLength;
    private final Runnable wakeCore;
    private final LongAdder busyAnswers = new LongAdder();

    public CommandPublisher(final ManyToOneRingBuffer ringBuffer, final Supplier<EngineStatus> status, final Runnable wakeCore)
    {
        this.ringBuffer = ringBuffer;
        this.status = status;
        this.wakeCore = wakeCore;
        this.slotLength = CommandProxy.MAX_LENGTH;
    }

    /**
     * Offers one SBE command (as {@code org.p2px.codec.CommandProxy} encodes it), copied from {@code command}.
     *
     * @throws IllegalArgumentException when the command is shorter than its fixed prefix or longer than the
     *                                  buffer's largest message: a gateway bug, not back-pressure.
     */
    public OfferResult offer(final long sessionId, final DirectBuffer command, final int offset, final int length)
    {
        checkLength(length);
        return offer(sessionId, length, (buffer, at) ->
        {
            buffer.putBytes(at, command, offset, length);
            return length;
        });
    }

    /**
     * Claims a slot as large as the largest command, lets {@code writer} encode the command into it and commits
     * it: no copy, no lock. The core reads the command's own length from its SBE header, so the slot may be
     * longer than the command.
     *
     * @throws IllegalArgumentException when the writer wrote fewer bytes than a command's fixed prefix or more
     *                                  than the slot holds: a gateway bug, not back-pressure.
     */
    public OfferResult offer(final long sessionId, final CommandWriter writer)
    {
        return offer(sessionId, slotLength, writer);
    }

    /** As {@link #offer(long, CommandWriter)}, in a slot of {@code length} bytes (a command longer than the usual slot). */
    public OfferResult offer(final long sessionId, final int length, final CommandWriter writer)
    {
        if (status.get() != EngineStatus.READY)
        {
            return OfferResult.UNAVAILABLE;
        }
        final int index = ringBuffer.tryClaim(CommandEnvelope.MSG_TYPE_ID, CommandEnvelope.COMMAND_OFFSET + length);
        if (index == RingBuffer.INSUFFICIENT_CAPACITY)
        {
            busyAnswers.increment();
            return OfferResult.BUSY;
        }
        final AtomicBuffer buffer = ringBuffer.buffer();
        final int written;
        try
        {
            buffer.putLong(index + CommandEnvelope.SESSION_ID_OFFSET, sessionId);
            written = writer.write(buffer, index + CommandEnvelope.COMMAND_OFFSET);
        }
        catch (final RuntimeException ex)
        {
            ringBuffer.abort(index);
            throw ex;
        }
        if (written < CommandEnvelope.MIN_COMMAND_LENGTH || written > length)
        {
            ringBuffer.abort(index);
            throw new IllegalArgumentException("command length out of range: " + written);
        }
        ringBuffer.commit(index);
        wakeCore.run();
        return OfferResult.ACCEPTED;
    }

    private void checkLength(final int length)
    {
        if (length < CommandEnvelope.MIN_COMMAND_LENGTH || length + CommandEnvelope.COMMAND_OFFSET > maxCommandLength())
        {
            throw new IllegalArgumentException("command length out of range: " + length);
        }
    }

    public int maxCommandLength()
    {
        return ringBuffer.maxMsgLength();
    }

    /** Bytes of commands waiting for the core (any thread may ask). */
    public int queuedBytes()
    {
        return ringBuffer.size();
    }

    public int capacityBytes()
    {
        return ringBuffer.capacity();
    }

    /** Offers answered BUSY since the engine started: the buffer was full. */
    public long busyAnswers()
    {
        return busyAnswers.sum();
    }
}
