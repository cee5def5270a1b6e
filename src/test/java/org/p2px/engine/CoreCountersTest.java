package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.Histogram;
import org.agrona.BufferUtil;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.MessageHeaderEncoder;
import org.p2px.codec.RegisterUserDecoder;
import org.p2px.codec.Role;

/** What the core thread counts for the metrics, and what the ring buffer tells them. */
class CoreCountersTest
{
    private static final int[] NO_COMMANDS = { 99, 999 };

    @TempDir
    Path data;

    @Test
    void theCoreCountsCommandsByTypeRejectionsByCodeAppendsAndItsBusyTime()
    {
        try (Engine engine = Engine.start(EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO),
            SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            try (EventPoller poller = engine.poller("replies", replies, Engine.CURRENT))
            {
                final CommandProxy proxy = new CommandProxy();
                engine.offer(TestGateway.SESSION, (buffer, offset) -> proxy.registerUser(buffer, offset, 1, 0, 10, Role.USER, 0));
                engine.offer(TestGateway.SESSION, (buffer, offset) -> proxy.registerUser(buffer, offset, 2, 0, 10, Role.USER, 0));
                for (final int templateId : NO_COMMANDS)
                {
                    engine.offer(TestGateway.SESSION, (buffer, offset) ->
                    {
                        new MessageHeaderEncoder().wrap(buffer, offset).blockLength(16).templateId(templateId)
                            .schemaId(MessageHeaderEncoder.SCHEMA_ID).version(0);
                        buffer.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH, templateId);
                        return CommandEnvelope.MIN_COMMAND_LENGTH;
                    });
                }
                await(() ->
                {
                    poller.poll();
                    return replies.answers.size() == 4;
                });
            }

            final CoreCounters counters = engine.counters();
            assertEquals(2, counters.commands(RegisterUserDecoder.TEMPLATE_ID));
            assertEquals(2, counters.unknownCommands(), "templates 99 and 999 are no commands");
            assertEquals(1, counters.rejections(ErrorCode.USER_EXISTS));
            assertEquals(2, counters.rejections(ErrorCode.UNKNOWN_COMMAND));
            assertEquals(0, counters.rejections(ErrorCode.INSUFFICIENT_BALANCE));
            assertEquals(engine.batchSequence(), counters.journaledSequence());
            assertEquals(4, counters.journaledSequence());

            final Histogram latencies = new Histogram(CoreCounters.MAX_RECORDED_NANOS, CoreCounters.SIGNIFICANT_DIGITS);
            counters.appendLatenciesSinceLastRead(latencies);
            assertEquals(4, latencies.getTotalCount(), "a core with time to spare times every append");
            counters.appendLatenciesSinceLastRead(latencies);
            assertEquals(0, latencies.getTotalCount(), "each latency is handed out once");
            await(() -> counters.busyNanos() > 0);
            assertEquals(0, counters.appendFailures());
        }
    }

    @Test
    void aFullRingBufferIsCountedAsBusyAnswersAndReadAsFill()
    {
        final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(4096 + RingBufferDescriptor.TRAILER_LENGTH, 64)));
        final CommandPublisher publisher = new CommandPublisher(ring, () -> EngineStatus.READY, () -> { });
        final CommandProxy proxy = new CommandProxy();
        assertEquals(0, publisher.queuedBytes());
        assertEquals(4096, publisher.capacityBytes());

        int accepted = 0;
        while (publisher.offer(1, (buffer, offset) -> proxy.registerUser(buffer, offset, 1, 0, 10, Role.USER, 0))
            == OfferResult.ACCEPTED)
        {
            accepted++;
        }

        assertTrue(accepted > 0);
        assertEquals(1, publisher.busyAnswers());
        assertTrue(publisher.queuedBytes() > publisher.capacityBytes() / 2, "nothing read: the buffer is full");
        assertTrue(publisher.queuedBytes() <= publisher.capacityBytes());
    }

    @Test
    void everyAppendIsTimedWhileTheCoreHasTimeAndOneInSixteenUnderLoad()
    {
        final AppendSampling sampling = new AppendSampling();
        for (long sequence = 1; sequence <= 32; sequence++)
        {
            assertTrue(sampling.times(sequence));
        }
        sampling.cycleDid(AppendSampling.BUSY_CYCLE_WORK);
        int timed = 0;
        for (long sequence = 1; sequence <= 32 * AppendSampling.UNDER_LOAD_EVERY; sequence++)
        {
            timed += sampling.times(sequence) ? 1 : 0;
        }
        assertEquals(32, timed);
        sampling.cycleDid(AppendSampling.BUSY_CYCLE_WORK - 1);
        assertTrue(sampling.times(3));
    }

    private static void await(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("not within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
