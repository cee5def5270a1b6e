package org.p2px.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.agrona.BufferUtil;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastBufferDescriptor;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.Journal;
import org.p2px.journal.SnapshotStore;

/**
 * The running engine: recovers the core from disk, then runs it on its own thread ({@link CoreAgent}) between
 * the inbound ring buffer ({@link #publisher()}) and the outbound broadcast that consumers subscribe to
 * ({@link #subscribe}). One {@link AgentRunner} per role, each thread named after it.
 */
public final class Engine implements EngineClient, AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    private static final long QUERY_TIMEOUT_SECONDS = 30;
    private static final int CACHE_LINE = 64;
    private static final long SNAPSHOT_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private static final long DISK_SPACE_CHECK_MS = 100;

    private final EngineConfig config;
    private final Journal journal;
    private final SnapshotStore snapshots;
    private final ManyToOneRingBuffer inbound;
    private final UnsafeBuffer outboundBuffer;
    private final CoreAgent coreAgent;
    private final AgentRunner coreRunner;
    private final EpochClock clock;
    private final CommandPublisher publisher;
    private final Runnable wakeCore;
    private final BatchWaiters batchWaiters = new BatchWaiters();
    private final CoreCounters counters = new CoreCounters();
    private final Recovery.Result recovered;
    private final List<AgentRunner> consumerRunners = new ArrayList<>();
    private volatile SnapshotReplica replica;
    private AgentRunner replicaRunner;
    private volatile EngineStatus status = EngineStatus.RECOVERING;
    /** Null when no minimum of free disk space is set. */
    private final DiskSpaceWatch diskSpace;
    private final AgentRunner diskSpaceRunner;

    private Engine(final EngineConfig config, final Journal journal, final EpochClock clock)
    {
        this.config = config;
        this.journal = journal;
        this.clock = clock;
        this.snapshots = new SnapshotStore(config.snapshotDirectory());
        this.recovered = Recovery.run(CoreConfig.genesis(), journal, snapshots);
        if (config.verifyOnStart())
        {
            final String violation = recovered.core().checkInvariants();
            if (violation != null)
            {
                journal.close();
                throw new IllegalStateException("recovered state breaks an invariant: " + violation);
            }
        }

        inbound = new ManyToOneRingBuffer(new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            config.commandBufferBytes() + RingBufferDescriptor.TRAILER_LENGTH, CACHE_LINE)));
        outboundBuffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            config.eventBufferBytes() + BroadcastBufferDescriptor.TRAILER_LENGTH, CACHE_LINE));
        final BroadcastTransmitter outbound = new BroadcastTransmitter(outboundBuffer);
        final IdleStrategy coreIdle = config.idleStrategy().create();
        wakeCore = coreIdle instanceof WakeableIdleStrategy wakeable ? wakeable::wake : () -> { };
        publisher = new CommandPublisher(inbound, () -> status, wakeCore);
        diskSpace = config.minFreeDiskBytes() > 0
            ? new DiskSpaceWatch(config.journalDirectory(), config.minFreeDiskBytes(), this::onDiskSpaceChange)
            : null;
        diskSpaceRunner = diskSpace == null ? null
            : new AgentRunner(new SleepingMillisIdleStrategy(DISK_SPACE_CHECK_MS), this::onAgentError, null, diskSpace);
        coreAgent = new CoreAgent(config, recovered, journal, inbound, outbound, clock, this::reloadAfterFailure,
            this::failed, diskSpace == null ? () -> false : diskSpace::isLow, batchWaiters, counters);
        coreRunner = new AgentRunner(coreIdle, this::onAgentError, null, coreAgent);
    }

    /** Recovers from {@code config.dataDirectory()} and starts taking commands. */
    public static Engine start(final EngineConfig config, final EpochClock clock)
    {
        createDirectories(config);
        return start(config, new ChronicleJournal(config.journalDirectory(), config.rollCycle(), config.syncMode()), clock);
    }

    /** As {@link #start(EngineConfig, EpochClock)}, over a given journal (tests inject failing ones). */
    public static Engine start(final EngineConfig config, final Journal journal, final EpochClock clock)
    {
        createDirectories(config);
        final Engine engine = new Engine(config, journal, clock);
        AgentRunner.startOnThread(engine.coreRunner);
        // On the core thread, which owns the journal's appender (Chronicle refuses one used by two threads), and
        // before the engine is ready, so no command is decided by other rules.
        engine.query(core ->
        {
            engine.coreAgent.applyConfiguredRules();
            return null;
        });
        if (config.snapshotEveryBatches() > 0 || !config.snapshotInterval().isZero())
        {
            engine.snapshotReplica();
        }
        if (engine.diskSpaceRunner != null)
        {
            AgentRunner.startOnThread(engine.diskSpaceRunner);
        }
        engine.changeStatus(EngineStatus.RECOVERING, EngineStatus.READY);
        if (engine.diskSpace != null)
        {
            engine.onDiskSpaceChange();
        }
        LOG.log(System.Logger.Level.INFO, "engine ready at batch {0}", engine.recovered.batchSequence());
        return engine;
    }

    public CommandPublisher publisher()
    {
        return publisher;
    }

    @Override
    public OfferResult offer(final long sessionId, final CommandWriter writer)
    {
        return publisher.offer(sessionId, writer);
    }

    @Override
    public OfferResult offer(final long sessionId, final int maxLength, final CommandWriter writer)
    {
        return publisher.offer(sessionId, maxLength, writer);
    }

    @Override
    public EngineStatus status()
    {
        return status;
    }

    @Override
    public EngineConfig config()
    {
        return config;
    }

    /** What recovery did at start: batches and events replayed, how long it took, from a snapshot or not. */
    public String recoverySummary()
    {
        return String.format("batch %d, %d batches and %d events replayed in %d ms%s", recovered.batchSequence(),
            recovered.replayedBatches(), recovered.replayedEvents(), recovered.nanos() / 1_000_000,
            recovered.fromSnapshot() ? " after a snapshot" : "");
    }

    public long recoveryNanos()
    {
        return recovered.nanos();
    }

    public long recoveredEvents()
    {
        return recovered.replayedEvents();
    }

    public long recoveredBatches()
    {
        return recovered.replayedBatches();
    }

    /** What the core thread counts (commands, rejections, busy time, appends), readable from any thread. */
    public CoreCounters counters()
    {
        return counters;
    }

    /**
     * True while the core thread runs: false once it has ended, which a clean stop does and an {@link Error} on it
     * (out of memory, say) does too, leaving an engine that reports READY and decides nothing.
     */
    public boolean coreThreadRunning()
    {
        return AgentThreads.running(coreRunner);
    }

    /**
     * Subscribes a consumer that gets every batch after {@code afterSequence} (0 for everything in the
     * journal, {@link #CURRENT} for only what comes next), on a thread of its own. Finding a past batch reads the
     * journal from its start; {@link #subscribe(String, EventBatchHandler, long, long)} skips that.
     */
    public Subscription subscribe(final String name, final EventBatchHandler handler, final long afterSequence)
    {
        return start(consumerAgent(name, handler, afterSequence));
    }

    /**
     * As {@link #subscribe(String, EventBatchHandler, long)}, from a batch whose journal index the caller knows (a
     * snapshot records both): the consumer reads the journal from {@code afterIndex} on.
     *
     * @throws IllegalArgumentException when the journal holds no record at {@code afterIndex} (pruned).
     */
    @Override
    public Subscription subscribe(
        final String name, final EventBatchHandler handler, final long afterSequence, final long afterIndex)
    {
        if (afterSequence == CURRENT)
        {
            return subscribe(name, handler, CURRENT);
        }
        journal.reader(afterIndex).close(); // throws now, rather than on the consumer's thread, if it is not there
        return start(consumerAgent(name, handler, afterSequence, afterIndex));
    }

    private Subscription start(final EventConsumerAgent agent)
    {
        final AgentRunner runner = new AgentRunner(backgroundIdle(), this::onAgentError, null, agent);
        AgentRunner.startOnThread(runner);
        synchronized (consumerRunners)
        {
            consumerRunners.add(runner);
        }
        return new Subscription(agent, () ->
        {
            synchronized (consumerRunners)
            {
                consumerRunners.remove(runner);
            }
            runner.close();
        });
    }

    /**
     * As {@link #subscribe}, but the consumer runs on the caller's thread: each {@link EventPoller#poll()} hands
     * the handler what has arrived. For an event loop that offers commands and reads their answers itself.
     */
    public EventPoller poller(final String name, final EventBatchHandler handler, final long afterSequence)
    {
        return new EventPoller(consumerAgent(name, handler, afterSequence));
    }

    @Override
    public EventPoller poller(
        final String name, final EventBatchHandler handler, final long afterSequence, final long afterIndex)
    {
        if (afterSequence == CURRENT)
        {
            return poller(name, handler, CURRENT);
        }
        journal.reader(afterIndex).close(); // throws now if the journal no longer holds it
        return new EventPoller(consumerAgent(name, handler, afterSequence, afterIndex));
    }

    private EventConsumerAgent consumerAgent(final String name, final EventBatchHandler handler, final long afterSequence)
    {
        final long[] position = query(core -> new long[]{ coreAgent.batchSequence(), coreAgent.journalIndex() });
        final long startSequence = afterSequence == CURRENT ? position[0] : afterSequence;
        final long startIndex = afterSequence == CURRENT ? position[1] : indexOfSequence(afterSequence);
        return consumerAgent(name, handler, startSequence, startIndex);
    }

    private EventConsumerAgent consumerAgent(
        final String name, final EventBatchHandler handler, final long afterSequence, final long afterIndex)
    {
        final EventConsumerAgent agent = new EventConsumerAgent(name, new BroadcastReceiver(outboundBuffer), journal,
            handler, afterSequence, afterIndex, 256);
        // Behind already: read the journal first. Waiting for the broadcast to show a gap would wait forever on a
        // quiet engine, as after a crash (no snapshot at shutdown), when the live view starts behind the journal.
        if (afterSequence < batchSequence())
        {
            agent.catchUpFromJournal();
        }
        return agent;
    }

    /** Subscribe from the current position: only batches that come after. */
    public static final long CURRENT = EngineClient.CURRENT;

    /** A running consumer: how far it has got, how often it had to catch up from the journal, and its stop. */
    public static final class Subscription implements AutoCloseable
    {
        private final BatchFeed agent;
        private final Runnable stop;

        Subscription(final BatchFeed agent, final Runnable stop)
        {
            this.agent = agent;
            this.stop = stop;
        }

        /** How many times the consumer fell behind the broadcast and read the journal instead. */
        public long catchUps()
        {
            return agent.catchUps();
        }

        @Override
        public void close()
        {
            stop.run();
        }
    }

    private long indexOfSequence(final long sequence)
    {
        if (sequence == 0)
        {
            return org.p2px.journal.JournalReader.START;
        }
        final long[] found = { Long.MIN_VALUE };
        try (org.p2px.journal.JournalReader reader = journal.reader(org.p2px.journal.JournalReader.START))
        {
            while (found[0] == Long.MIN_VALUE && reader.poll((index, batchSequence, sessionId, events, offset, length) ->
            {
                if (batchSequence == sequence)
                {
                    found[0] = index;
                }
            }, 1) > 0)
            {
                // reading on until the batch is found
            }
        }
        if (found[0] == Long.MIN_VALUE)
        {
            throw new IllegalArgumentException("no batch " + sequence + " in the journal");
        }
        return found[0];
    }

    /**
     * Runs {@code query} on the core thread and returns its result: the only safe way to look at the core while
     * the engine runs.
     */
    public <T> T query(final Function<TradingCore, T> query)
    {
        if (status == EngineStatus.STOPPED)
        {
            return query.apply(coreAgent.core());
        }
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Runnable task = () ->
        {
            try
            {
                result.complete(query.apply(coreAgent.core()));
            }
            catch (final RuntimeException ex)
            {
                result.completeExceptionally(ex);
            }
        };
        while (!coreAgent.offerTask(task))
        {
            Thread.onSpinWait();
        }
        wakeCore.run();
        try
        {
            return result.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while querying the core", ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("query failed", ex);
        }
    }

    /** The state digest, taken on the core thread. */
    public long digest()
    {
        return query(TradingCore::digest);
    }

    @Override
    public void wakeOnPublication(final WakeableIdleStrategy waiter)
    {
        batchWaiters.add(waiter);
    }

    @Override
    public void stopWaking(final WakeableIdleStrategy waiter)
    {
        batchWaiters.remove(waiter);
    }

    /** The last batch sequence journaled. */
    @Override
    public long batchSequence()
    {
        return query(core -> coreAgent.batchSequence());
    }

    /**
     * Takes a snapshot that covers every batch journaled so far (unless one already does), waiting until it is
     * written. The core does not pause: the snapshot replica, started now if periodic snapshots are off, takes it
     * once it has applied those batches.
     *
     * @throws IllegalStateException when the replica has failed or has not written it within the time limit.
     */
    public void snapshotNow()
    {
        final long target = batchSequence();
        final SnapshotReplica taker = snapshotReplica();
        taker.requestAtOrAfter(target);
        final long deadline = System.nanoTime() + SNAPSHOT_TIMEOUT_NANOS;
        while (taker.snapshotSequence() < target)
        {
            if (taker.failure() != null)
            {
                throw new IllegalStateException("the snapshot replica has failed", taker.failure());
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("no snapshot of batch " + target + " within "
                    + SNAPSHOT_TIMEOUT_NANOS / 1_000_000_000L + " s");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The newest snapshot and how the last one went, or null while no snapshot replica runs (snapshots are off). */
    public SnapshotStatus snapshotStatus()
    {
        final SnapshotReplica taker = replica;
        return taker == null ? null : taker.status();
    }

    /**
     * For the threads that follow the journal in the background (the read models' consumers, the snapshot replica):
     * nobody waits on them, so they sleep between empty polls instead of spinning, yielding and parking in short steps.
     */
    private static IdleStrategy backgroundIdle()
    {
        return new SleepingMillisIdleStrategy(1);
    }

    private synchronized SnapshotReplica snapshotReplica()
    {
        if (replica == null)
        {
            replica = new SnapshotReplica(config, journal, snapshots, clock);
            replicaRunner = new AgentRunner(backgroundIdle(), this::onAgentError, null, replica);
            AgentRunner.startOnThread(replicaRunner);
        }
        return replica;
    }

    private void reloadAfterFailure()
    {
        try
        {
            coreAgent.install(Recovery.run(CoreConfig.genesis(), journal, snapshots));
            LOG.log(System.Logger.Level.ERROR, "core reloaded from the journal after the failure; still refusing commands");
        }
        catch (final RuntimeException | InternalError ex)
        {
            // InternalError: a fault in a memory-mapped journal page (the disk that failed the append is full). The
            // engine stays failed and answers every command SERVICE_UNAVAILABLE; letting it out would end the core
            // thread and leave commands unanswered.
            LOG.log(System.Logger.Level.ERROR, "core could not be reloaded after the failure", ex);
        }
    }

    /** Called by the core thread when a journal append failed: no way back but a restart. */
    private synchronized void failed()
    {
        if (status != EngineStatus.STOPPED)
        {
            status = EngineStatus.FAILED;
        }
    }

    /** Between READY and NO_SPACE as the journal's disk fills and frees; any other status stays. */
    private void onDiskSpaceChange()
    {
        if (diskSpace.isLow())
        {
            changeStatus(EngineStatus.READY, EngineStatus.NO_SPACE);
        }
        else
        {
            changeStatus(EngineStatus.NO_SPACE, EngineStatus.READY);
        }
    }

    private synchronized void changeStatus(final EngineStatus from, final EngineStatus to)
    {
        if (status == from)
        {
            status = to;
        }
    }

    private void onAgentError(final Throwable error)
    {
        LOG.log(System.Logger.Level.ERROR, "engine agent error", error);
    }

    /** Stops consumers and the core thread, takes a last snapshot (after a clean run), closes the journal. */
    @Override
    public void close()
    {
        stop(true);
    }

    /**
     * Stops without the final snapshot, leaving the disk as a crash would: the next start replays the journal
     * tail. For tests and benchmarks of recovery.
     */
    public void closeWithoutSnapshot()
    {
        stop(false);
    }

    private void stop(final boolean snapshot)
    {
        if (status == EngineStatus.STOPPED)
        {
            return;
        }
        synchronized (consumerRunners)
        {
            consumerRunners.forEach(AgentRunner::close);
            consumerRunners.clear();
        }
        if (snapshot && status == EngineStatus.READY)
        {
            try
            {
                snapshotNow();
            }
            catch (final RuntimeException ex)
            {
                LOG.log(System.Logger.Level.ERROR, "no snapshot at shutdown: the next start replays the journal", ex);
            }
        }
        synchronized (this)
        {
            status = EngineStatus.STOPPED;
        }
        if (diskSpaceRunner != null)
        {
            diskSpaceRunner.close();
        }
        coreRunner.close();
        synchronized (this)
        {
            if (replicaRunner != null)
            {
                replicaRunner.close();
            }
        }
        journal.close();
        LOG.log(System.Logger.Level.INFO, "engine stopped");
    }

    private static void createDirectories(final EngineConfig config)
    {
        try
        {
            Files.createDirectories(config.journalDirectory());
            Files.createDirectories(config.snapshotDirectory());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
