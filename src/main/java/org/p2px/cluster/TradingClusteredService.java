package org.p2px.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.CommandAcceptedEncoder;
import org.p2px.codec.CommandAdapter;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.MessageHeaderEncoder;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.engine.CommandEnvelope;
import org.p2px.journal.ChronicleJournal;

/**
 * The trading core as an Aeron Cluster service: every node applies the same committed log, so every node's core
 * decides the same batches. Commands arrive on ingress in {@link IngressEnvelope}s; each is stamped with the log's
 * timestamp ({@code cluster.time()}, never a clock of this node), de-duplicated per gateway, decided, appended to
 * this node's journal and acknowledged on the sender's egress (only the leader's answers leave). Deadlines fire on
 * a cluster timer, whose expiry is itself a log entry, so ticks happen at the same place in the log on every node.
 */
public final class TradingClusteredService implements ClusteredService
{
    private static final System.Logger LOG = System.getLogger(TradingClusteredService.class.getName());
    /** A batch that is only CommandAccepted: a tick with nothing due, not worth journaling (as in the engine). */
    private static final int ACCEPTED_ONLY_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + CommandAcceptedEncoder.BLOCK_LENGTH;
    private static final long TICK_TIMER = 1;

    private final Path journalDirectory;
    private final long tickIntervalMs;
    private final Consumer<RuntimeException> onDivergence;
    private final GatewaySequences gateways = new GatewaySequences();
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[Math.max(CommandProxy.MAX_LENGTH, CommandProxy.SET_RULES_LENGTH)]);
    private final UnsafeBuffer ack = new UnsafeBuffer(new byte[IngressEnvelope.ACK_LENGTH]);
    private final CommandProxy tickProxy = new CommandProxy();

    private Cluster cluster;
    private TradingCore core;
    private CommandAdapter adapter;
    private LocalJournal journal;
    private long batchSequence;
    /** The last batch this member journaled, for its metrics' thread. */
    private final AtomicLong journaled = new AtomicLong();
    private long nextTickAt;

    /**
     * @param onDivergence told when a batch decided from the log differs from the one this node journaled before; it
     *                     must not return normally (the node has to stop).
     */
    public TradingClusteredService(
        final Path journalDirectory, final long tickIntervalMs, final Consumer<RuntimeException> onDivergence)
    {
        this.onDivergence = onDivergence;
        this.journalDirectory = journalDirectory;
        this.tickIntervalMs = tickIntervalMs;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        if (snapshotImage == null)
        {
            install(new TradingCore(CoreConfig.genesis()), 0);
            nextTickAt = 0;
        }
        else
        {
            final ServiceSnapshot.Loaded loaded =
                ServiceSnapshot.read(snapshotImage, cluster.idleStrategy(), CoreConfig.genesis(), gateways);
            install(loaded.core(), loaded.batchSequence());
            nextTickAt = loaded.nextTickAt();
        }
        journal = new LocalJournal(new ChronicleJournal(journalDirectory, RollCycles.FAST_HOURLY, SyncMode.NONE, 0));
        LOG.log(System.Logger.Level.INFO, "service started at batch {0} ({1}), its journal holds up to {2}",
            batchSequence, snapshotImage == null ? "empty" : "from snapshot", journal.lastJournaled());
    }

    private void install(final TradingCore core, final long batchSequence)
    {
        this.core = core;
        this.adapter = new CommandAdapter(core);
        this.batchSequence = batchSequence;
        journaled.lazySet(batchSequence);
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
        scheduleTickIfNone(timestamp);
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    @Override
    public void onSessionMessage(
        final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset, final int length,
        final Header header)
    {
        if (length < IngressEnvelope.COMMAND_OFFSET)
        {
            return; // not ours
        }
        final int commandLength = length - IngressEnvelope.COMMAND_OFFSET;
        final long gatewayId = buffer.getLong(offset + IngressEnvelope.GATEWAY_ID_OFFSET);
        final long gatewaySequence = buffer.getLong(offset + IngressEnvelope.GATEWAY_SEQUENCE_OFFSET);
        // An envelope with no command is a gateway's hello: it only asks for the highest sequence applied for it.
        if (commandLength >= CommandEnvelope.MIN_COMMAND_LENGTH && commandLength <= command.capacity() &&
            gateways.admit(gatewayId, gatewaySequence))
        {
            final long sessionId = buffer.getLong(offset + IngressEnvelope.SESSION_ID_OFFSET);
            command.putBytes(0, buffer, offset + IngressEnvelope.COMMAND_OFFSET, commandLength);
            command.putLong(CommandEnvelope.TIMESTAMP_OFFSET_IN_COMMAND, millis(timestamp));
            decide(sessionId, command, commandLength);
        }
        scheduleTickIfNone(timestamp);
        acknowledge(session, gatewayId);
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
        if (correlationId != TICK_TIMER)
        {
            return;
        }
        final long now = millis(timestamp);
        final int tickLength = tickProxy.tick(command, 0, 0, now);
        decide(CommandEnvelope.ENGINE_SESSION, command, tickLength);
        nextTickAt = 0;
        scheduleTickIfNone(timestamp);
    }

    /** Keeps one tick timer pending; scheduled from a logged event, because onStart may not schedule. */
    private void scheduleTickIfNone(final long timestamp)
    {
        if (nextTickAt == 0)
        {
            nextTickAt = timestamp + cluster.timeUnit().convert(tickIntervalMs, TimeUnit.MILLISECONDS);
            cluster.scheduleTimer(TICK_TIMER, nextTickAt);
        }
    }

    private long millis(final long clusterTime)
    {
        return cluster.timeUnit().toMillis(clusterTime);
    }

    private void decide(final long sessionId, final DirectBuffer command, final int length)
    {
        adapter.onCommand(command, 0, length);
        final int batchLength = core.batchLength();
        if (sessionId == CommandEnvelope.ENGINE_SESSION && batchLength == ACCEPTED_ONLY_LENGTH)
        {
            return;
        }
        batchSequence++;
        try
        {
            journal.batch(batchSequence, sessionId, core.batchBuffer(), 0, batchLength);
            journaled.lazySet(batchSequence);
        }
        catch (final LocalJournal.DivergenceException ex)
        {
            onDivergence.accept(ex);
            throw ex;
        }
    }

    private void acknowledge(final ClientSession session, final long gatewayId)
    {
        if (session == null)
        {
            return;
        }
        ack.putLong(IngressEnvelope.ACK_GATEWAY_ID_OFFSET, gatewayId);
        ack.putLong(IngressEnvelope.ACK_HIGHEST_APPLIED_OFFSET, gateways.highest(gatewayId));
        session.offer(ack, 0, IngressEnvelope.ACK_LENGTH); // a lost answer is made good by the next (cumulative)
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        ServiceSnapshot.write(snapshotPublication, cluster.idleStrategy(), core, batchSequence, nextTickAt, gateways);
        LOG.log(System.Logger.Level.INFO, "member {0} snapshot at batch {1}", cluster.memberId(), batchSequence);
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        LOG.log(System.Logger.Level.INFO, "member {0} is now {1}", cluster.memberId(), newRole);
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        LOG.log(System.Logger.Level.INFO, "member {0} terminating at batch {1}, digest {2}", cluster.memberId(),
            batchSequence, Long.toHexString(core.digest()));
        if (journal != null)
        {
            journal.close();
        }
    }

    /** The last batch this member journaled (any thread). */
    long journaledBatch()
    {
        return journaled.get();
    }

    long batchSequence()
    {
        return batchSequence;
    }

    TradingCore core()
    {
        return core;
    }
}
