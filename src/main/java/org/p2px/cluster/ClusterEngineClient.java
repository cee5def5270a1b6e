package org.p2px.cluster;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.p2px.engine.CommandPublisher;
import org.p2px.engine.CommandWriter;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineClient;
import org.p2px.engine.EngineConfig;
import org.p2px.engine.EngineStatus;
import org.p2px.engine.EventBatchHandler;
import org.p2px.engine.EventPoller;
import org.p2px.engine.JournalFollower;
import org.p2px.engine.OfferResult;
import org.p2px.engine.WakeableIdleStrategy;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.Journal;

/**
 * The engine client of a gateway in cluster mode: commands go to the cluster's leader on ingress (through
 * {@link ClusterClientAgent}, which holds them until the cluster acknowledges them and resends them after a leader
 * change), and the batches are followed in the journal of the node beside the gateway, which every node writes. So
 * the live view and the projector work on it as on the embedded engine. Sessions carry the gateway's id through the
 * cluster ({@link GatewaySessions}), so that several gateways' consumers never take each other's answers.
 *
 * <p>{@link #offer} answers ACCEPTED once the command is queued for the cluster, BUSY when the queue is full (the
 * cluster is slow or has no leader for long), UNAVAILABLE while no session to the cluster is open (CONNECTING) and
 * after {@link #close}.
 */
public final class ClusterEngineClient implements EngineClient, AutoCloseable
{
    private static final int INBOUND_BYTES = 1 << 20;

    private final ClusterClientSettings settings;
    private final EngineConfig config;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final CommandPublisher publisher;
    private final ClusterClientAgent agent;
    private final AgentRunner runner;
    private final Journal journal;
    private final CopyOnWriteArrayList<WakeableIdleStrategy> waiters = new CopyOnWriteArrayList<>();
    private final JournalWatch journalWatch;
    private final GatewaySessions sessions;
    private volatile boolean closed;

    public ClusterEngineClient(final ClusterClientSettings settings, final EngineConfig config)
    {
        this.settings = settings;
        this.config = config;
        this.sessions = new GatewaySessions(settings.gatewayId());
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(settings.aeronDir().toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(ClusterTimeouts.fastFailover().idle().get())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        final ManyToOneRingBuffer inbound = new ManyToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(INBOUND_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
        publisher = new CommandPublisher(inbound, this::status, () -> { });
        journal = settings.journalDir() == null ? null : ChronicleJournal.openReadOnly(settings.journalDir());
        journalWatch = journal == null ? null : new JournalWatch(journal, waiters);
        agent = new ClusterClientAgent(settings, aeron, inbound);
        final Agent work = journalWatch == null ? agent : new CompositeAgent(agent, journalWatch);
        runner = new AgentRunner(new BackoffIdleStrategy(10, 20, 1_000, 100_000), this::onError, null, work);
        AgentRunner.startOnThread(runner);
    }

    private void onError(final Throwable error)
    {
        System.getLogger(ClusterEngineClient.class.getName()).log(System.Logger.Level.ERROR, "cluster client", error);
    }

    @Override
    public OfferResult offer(final long sessionId, final CommandWriter writer)
    {
        return publisher.offer(sessions.outbound(sessionId), writer);
    }

    @Override
    public OfferResult offer(final long sessionId, final int maxLength, final CommandWriter writer)
    {
        return publisher.offer(sessions.outbound(sessionId), maxLength, writer);
    }

    @Override
    public EventPoller poller(
        final String name, final EventBatchHandler handler, final long afterSequence, final long afterIndex)
    {
        return JournalFollower.poller(name, requireJournal(), sessions.inbound(handler), afterSequence, afterIndex);
    }

    @Override
    public Engine.Subscription subscribe(
        final String name, final EventBatchHandler handler, final long afterSequence, final long afterIndex)
    {
        return JournalFollower.subscribe(name, requireJournal(), sessions.inbound(handler), afterSequence, afterIndex,
            new BackoffIdleStrategy(10, 20, 1_000, 100_000));
    }

    private Journal requireJournal()
    {
        if (journal == null)
        {
            throw new IllegalStateException("gateway " + settings.gatewayId() + " has no node's journal to follow");
        }
        return journal;
    }

    @Override
    public void wakeOnPublication(final WakeableIdleStrategy waiter)
    {
        waiters.add(waiter);
    }

    @Override
    public void stopWaking(final WakeableIdleStrategy waiter)
    {
        waiters.remove(waiter);
    }

    /** The last batch the co-located node journaled, as far as this client has seen; 0 without a journal. */
    @Override
    public long batchSequence()
    {
        return journalWatch == null ? 0 : journalWatch.lastSequence();
    }

    @Override
    public EngineConfig config()
    {
        return config;
    }

    /** READY while a session to the cluster is open, CONNECTING before and between sessions, STOPPED once closed. */
    @Override
    public EngineStatus status()
    {
        if (closed)
        {
            return EngineStatus.STOPPED;
        }
        return agent.connected() ? EngineStatus.READY : EngineStatus.CONNECTING;
    }

    /**
     * Waits until the client is connected and has read the co-located node's journal to its end once (so that
     * {@link #batchSequence} is that journal's last batch); false when that did not happen within {@code timeoutMs}.
     */
    public boolean awaitConnected(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (status() != EngineStatus.READY || (journalWatch != null && !journalWatch.caughtUp()))
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Whether the client's thread (the cluster session and the journal watch) still runs: liveness. */
    public boolean threadRunning()
    {
        final Thread thread = runner.thread();
        return thread != null && thread.isAlive();
    }

    /** The co-located member's journal this client follows, or null when it follows none. */
    public Path journalDirectory()
    {
        return settings.journalDir();
    }

    /** The member the client last knew as leader, -1 before the first connection. */
    public int leaderMemberId()
    {
        return agent.leaderMemberId();
    }

    /** The highest of this gateway's sequences the cluster acknowledged (committed and applied). */
    public long acknowledged()
    {
        return agent.acknowledged();
    }

    @Override
    public void close()
    {
        closed = true;
        CloseHelper.closeAll(runner, aeron, driver);
        if (journal != null)
        {
            journal.close();
        }
    }
}
