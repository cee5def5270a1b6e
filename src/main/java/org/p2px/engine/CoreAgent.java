package org.p2px.engine;

import java.util.function.BooleanSupplier;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.p2px.codec.CommandAdapter;
import org.p2px.codec.CommandAcceptedEncoder;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventProxy;
import org.p2px.codec.MessageHeaderDecoder;
import org.p2px.codec.MessageHeaderEncoder;
import org.p2px.codec.TickDecoder;
import org.p2px.core.RulesCodec;
import org.p2px.core.TradingCore;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalWriteException;

/**
 * The core thread. Each duty cycle it runs queued queries, sends the core a Tick when one is due, and drains a
 * batch of commands from the inbound ring buffer. For each command it stamps the time, lets the core decide,
 * appends the resulting batch to the journal, and only then publishes it on the outbound broadcast buffer.
 * Nothing is published that is not journaled. When idle it lets the journal prepare its next pages. Snapshots
 * are not its business: a {@link SnapshotReplica} takes them without pausing it.
 *
 * <p>It counts what it does in {@link CoreCounters} (plain single-writer counts, no lock) for the metrics to read.
 *
 * <p>If an append fails, the engine fails stop: it reports FAILED, answers the command (and every command still
 * queued) with SERVICE_UNAVAILABLE, and rebuilds the core from disk so that its state is again exactly what
 * the journal holds.
 */
final class CoreAgent implements Agent, MessageHandler
{
    private static final System.Logger LOG = System.getLogger(CoreAgent.class.getName());
    /** A batch that is only CommandAccepted: a tick with nothing due, not worth journaling. */
    private static final int ACCEPTED_ONLY_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + CommandAcceptedEncoder.BLOCK_LENGTH;

    private final EngineConfig config;
    private final Journal journal;
    private final ManyToOneRingBuffer inbound;
    private final BroadcastTransmitter outbound;
    private final EpochClock clock;
    private final Runnable recoverAfterFailure;
    private final Runnable reportFailed;
    private final BooleanSupplier outOfSpace;
    private final BatchWaiters batchWaiters;
    private final CoreCounters counters;
    private final AppendSampling appendSampling = new AppendSampling();
    private final ManyToOneConcurrentArrayQueue<Runnable> tasks = new ManyToOneConcurrentArrayQueue<>(1024);
    private final ExpandableArrayBuffer outboundRecord = new ExpandableArrayBuffer(64 * 1024);
    private final UnsafeBuffer tickCommand = new UnsafeBuffer(new byte[64]);
    private final int tickLength;
    private final CommandProxy tickProxy = new CommandProxy();
    private final EventProxy notices = new EventProxy(256, (buffer, offset) -> { });
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();

    private TradingCore core;
    private CommandAdapter adapter;
    private long batchSequence;
    private long journalIndex;
    private long now;
    private long nextTickAt;
    private boolean failed;
    /** Failed, or the journal's disk is low: commands are answered SERVICE_UNAVAILABLE without being decided. */
    private boolean refusing;

    CoreAgent(
        final EngineConfig config,
        final Recovery.Result recovered,
        final Journal journal,
        final ManyToOneRingBuffer inbound,
        final BroadcastTransmitter outbound,
        final EpochClock clock,
        final Runnable recoverAfterFailure,
        final Runnable failedStatus,
        final BooleanSupplier outOfSpace,
        final BatchWaiters batchWaiters,
        final CoreCounters counters)
    {
        this.batchWaiters = batchWaiters;
        this.counters = counters;
        this.config = config;
        this.journal = journal;
        this.inbound = inbound;
        this.outbound = outbound;
        this.clock = clock;
        this.recoverAfterFailure = recoverAfterFailure;
        this.reportFailed = failedStatus;
        this.outOfSpace = outOfSpace;
        this.tickLength = tickProxy.tick(tickCommand, 0, 0, 0);
        install(recovered);
    }

    /** Replaces the core with one rebuilt from disk (at start, and after a failed append). */
    void install(final Recovery.Result recovered)
    {
        core = recovered.core();
        adapter = new CommandAdapter(core);
        batchSequence = recovered.batchSequence();
        journalIndex = recovered.journalIndex();
        counters.journaled(batchSequence);
    }

    @Override
    public String roleName()
    {
        return "p2px-core";
    }

    @Override
    public int doWork()
    {
        final long start = System.nanoTime();
        final int work = dutyCycle();
        if (work > 0)
        {
            counters.worked(System.nanoTime() - start);
        }
        appendSampling.cycleDid(work);
        return work;
    }

    private int dutyCycle()
    {
        int work = runTasks();
        refusing = failed || outOfSpace.getAsBoolean();
        if (refusing)
        {
            return work + inbound.read(this, config.commandBatchLimit());
        }
        now = clock.time();
        if (now >= nextTickAt)
        {
            nextTickAt = now + config.tickIntervalMs();
            tickCommand.putLong(CommandEnvelope.TIMESTAMP_OFFSET_IN_COMMAND, now);
            decide(CommandEnvelope.ENGINE_SESSION, tickCommand, 0, tickLength);
            work++;
        }
        work += inbound.read(this, config.commandBatchLimit());
        if (work == 0)
        {
            // Idle: get the journal's next pages ready. Not counted as work, so that the idle strategy backs off.
            journal.prepareAhead();
        }
        return work;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long sessionId = buffer.getLong(index + CommandEnvelope.SESSION_ID_OFFSET);
        final int commandOffset = index + CommandEnvelope.COMMAND_OFFSET;
        final int commandLength = length - CommandEnvelope.COMMAND_OFFSET;
        if (refusing)
        {
            counters.commandDecided(templateId(buffer, commandOffset));
            answerUnavailable(sessionId, buffer, commandOffset);
            return;
        }
        buffer.putLong(commandOffset + CommandEnvelope.TIMESTAMP_OFFSET_IN_COMMAND, now);
        decide(sessionId, buffer, commandOffset, commandLength);
    }

    private void decide(final long sessionId, final DirectBuffer command, final int offset, final int length)
    {
        counters.commandDecided(templateId(command, offset));
        adapter.onCommand(command, offset, length);
        final int batchLength = core.batchLength();
        if (sessionId == CommandEnvelope.ENGINE_SESSION && batchLength == ACCEPTED_ONLY_LENGTH)
        {
            return;
        }
        final long sequence = batchSequence + 1;
        final boolean timed = appendSampling.times(sequence);
        final long appendStart = timed ? System.nanoTime() : 0;
        final long index;
        try
        {
            index = journal.append(sequence, sessionId, core.batchBuffer(), 0, batchLength);
        }
        catch (final JournalWriteException ex)
        {
            failStop(ex, sessionId, command, offset);
            return;
        }
        if (timed)
        {
            counters.appendTook(System.nanoTime() - appendStart);
        }
        batchSequence = sequence;
        journalIndex = index;
        counters.journaled(sequence);
        countRejection();
        publish(EventRecord.BATCH_MSG_TYPE_ID, sequence, index, sessionId, core.batchBuffer(), batchLength);
    }

    private static int templateId(final DirectBuffer command, final int offset)
    {
        return command.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), MessageHeaderDecoder.BYTE_ORDER)
            & 0xFFFF;
    }

    /** A journaled batch that is a lone CommandRejected counts its code. */
    private void countRejection()
    {
        final DirectBuffer batch = core.batchBuffer();
        header.wrap(batch, 0);
        if (header.templateId() == CommandRejectedDecoder.TEMPLATE_ID)
        {
            counters.rejected(rejected.wrap(batch, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                header.version()).errorCode());
        }
    }

    private void publish(
        final int msgTypeId, final long sequence, final long index, final long sessionId, final DirectBuffer events,
        final int length)
    {
        outboundRecord.putLong(EventRecord.BATCH_SEQUENCE_OFFSET, sequence);
        outboundRecord.putLong(EventRecord.JOURNAL_INDEX_OFFSET, index);
        outboundRecord.putLong(EventRecord.SESSION_ID_OFFSET, sessionId);
        outboundRecord.putBytes(EventRecord.EVENTS_OFFSET, events, 0, length);
        final int recordLength = EventRecord.EVENTS_OFFSET + length;
        if (recordLength <= outbound.maxMsgLength())
        {
            outbound.transmit(msgTypeId, outboundRecord, 0, recordLength);
        }
        batchWaiters.wakeAll();
        // A batch too large to broadcast leaves a gap in sequences: consumers read it from the journal.
    }

    private void failStop(final JournalWriteException ex, final long sessionId, final DirectBuffer command, final int offset)
    {
        LOG.log(System.Logger.Level.ERROR, "journal append failed: the engine stops taking commands", ex);
        counters.appendFailed();
        failed = true;
        refusing = true;
        reportFailed.run();
        answerUnavailable(sessionId, command, offset);
        recoverAfterFailure.run();
    }

    private void answerUnavailable(final long sessionId, final DirectBuffer command, final int offset)
    {
        header.wrap(command, offset);
        final long correlationId = command.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH);
        notices.reset();
        notices.commandRejected(correlationId, now, header.templateId(), 0, ErrorCode.SERVICE_UNAVAILABLE);
        if (sessionId != CommandEnvelope.ENGINE_SESSION || header.templateId() != TickDecoder.TEMPLATE_ID)
        {
            counters.rejected(ErrorCode.SERVICE_UNAVAILABLE);
            publish(EventRecord.NOTICE_MSG_TYPE_ID, 0, 0, sessionId, notices.buffer(), notices.length());
        }
    }

    /**
     * Journals the configured rules as a SetRules of the engine's own (actor 0) when they differ from the configured
     * rules the journal last recorded, so that every replay and replica applies the rules the core decides with. An
     * admin's change since then stays in force while the configuration stays the same. Called once, on the core thread
     * before the engine takes commands.
     */
    void applyConfiguredRules()
    {
        if (RulesCodec.same(core.configuredRules(), config.core()))
        {
            return;
        }
        now = clock.time();
        final UnsafeBuffer command = new UnsafeBuffer(new byte[CommandProxy.SET_RULES_LENGTH]);
        final int length = tickProxy.setRules(command, 0, 0, now, 0, rules -> RulesCodec.encode(config.core(), rules));
        decide(CommandEnvelope.ENGINE_SESSION, command, 0, length);
        LOG.log(System.Logger.Level.INFO, "trading rules from the configuration journaled at batch {0}", batchSequence);
    }

    boolean offerTask(final Runnable task)
    {
        return tasks.offer(task);
    }

    private int runTasks()
    {
        return tasks.drain(Runnable::run, 16);
    }

    TradingCore core()
    {
        return core;
    }

    long batchSequence()
    {
        return batchSequence;
    }

    long journalIndex()
    {
        return journalIndex;
    }
}
