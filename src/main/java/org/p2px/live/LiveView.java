package org.p2px.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.p2px.core.CoreConfig;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.MessageHeaderDecoder;
import org.p2px.engine.AgentThreads;
import org.p2px.engine.EngineClient;
import org.p2px.engine.EventBatchHandler;
import org.p2px.engine.EventPoller;
import org.p2px.engine.OfferResult;
import org.p2px.engine.WakeableIdleStrategy;
import org.p2px.replica.ReplicaStart;

/**
 * The gateways' side of the engine: sends their commands and answers them from a {@link LiveState} that follows
 * the engine's batches on one thread of its own ({@code p2px-live-view}). Each batch is decoded once: the view
 * applies it, tells its {@link LiveListener}s (the private pushes), completes the caller whose command it answers
 * with what that caller's {@link AnswerReader} read from the state just after it, and then lets the listeners do
 * what no caller waits on (market data). So a caller reads its own write with no database in between, its order
 * and balance pushes are queued before its answer, and the book's are not in its way.
 * Queries that the state can answer run on the same thread ({@link #read}).
 */
public final class LiveView implements Agent, EventBatchHandler, AutoCloseable
{
    /** The session under which gateway commands run; the core echoes it on their batches. */
    public static final long SESSION = 1;
    private static final long ANSWER_TIMEOUT_MS = 5_000;
    private static final int TASKS_PER_CYCLE = 256;
    private static final long MAX_PARK_NANOS = 1_000_000;
    private static final System.Logger LOG = System.getLogger(LiveView.class.getName());

    private final EngineClient engine;
    private final LiveState state;
    private final EventPoller poller;
    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private final ManyToOneConcurrentLinkedQueue<Runnable> tasks = new ManyToOneConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Long, Waiting<?>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong correlationIds = new AtomicLong();
    private final ThreadLocal<CommandProxy> proxies = ThreadLocal.withInitial(CommandProxy::new);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandAcceptedDecoder accepted = new CommandAcceptedDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private final CommandReply reply = new CommandReply();
    private volatile Thread thread;
    private volatile long appliedSequence;
    private final WakeableIdleStrategy idle = new WakeableIdleStrategy(100, 0, MAX_PARK_NANOS, MAX_PARK_NANOS);
    private volatile AgentRunner runner;

    private LiveView(final EngineClient engine, final ReplicaStart start)
    {
        this.engine = engine;
        this.state = new LiveState(start.replica(), start.batchSequence());
        this.poller = engine.poller("live-view", this, start.batchSequence(), start.journalIndex());
        this.appliedSequence = start.batchSequence();
    }

    /**
     * Builds the state from the engine's newest snapshot and the journal after it, catches up with every batch
     * journaled so far on the calling thread, then follows the engine on a thread of its own.
     */
    public static LiveView start(final EngineClient engine, final List<LiveListener> listeners)
    {
        final var config = engine.config();
        final LiveView view = new LiveView(engine, ReplicaStart.at(CoreConfig.genesis(), config.snapshotDirectory(),
            Long.MAX_VALUE));
        view.listeners.addAll(listeners);
        final long target = engine.batchSequence();
        while (view.appliedSequence < target)
        {
            if (view.poller.poll() == 0)
            {
                Thread.onSpinWait();
            }
        }
        // Until a poll finds nothing: a journal reader opened to catch up is closed then, on the thread that opened
        // it, before the view's own thread takes the poller over.
        while (view.poller.poll() > 0)
        {
            Thread.onSpinWait();
        }
        engine.wakeOnPublication(view.idle);
        view.runner = new AgentRunner(view.idle, view::onError, null, view);
        AgentRunner.startOnThread(view.runner);
        LOG.log(System.Logger.Level.INFO, "live view at batch {0}", target);
        return view;
    }

    /**
     * Sends a command and waits for its batch to be applied, then returns what {@code answer} read from the
     * state at that moment (on the view's thread).
     *
     * @throws CommandRefusedException with the core's code for a rejection, BUSY for a full input,
     *                                 SERVICE_UNAVAILABLE for a stopped engine, or timed out.
     */
    public <T> T send(final Command command, final AnswerReader<T> answer)
    {
        return await(sendAsync(command, answer));
    }

    /**
     * Sends a command without waiting: the future completes on the view's thread right after the command's batch
     * is applied, with what {@code answer} read from the state then, or fails with a {@link CommandRefusedException}
     * (the core's code, BUSY, SERVICE_UNAVAILABLE, or none when no answer came in time).
     */
    public <T> CompletableFuture<T> sendAsync(final Command command, final AnswerReader<T> answer)
    {
        final long correlationId = correlationIds.incrementAndGet();
        final Waiting<T> caller = new Waiting<>(answer);
        waiting.put(correlationId, caller);
        final CommandProxy proxy = proxies.get();
        final OfferResult offered;
        try
        {
            offered = engine.offer(SESSION, command.maxLength(),
                (buffer, offset) -> command.encode(proxy, buffer, offset, correlationId));
        }
        catch (final RuntimeException ex)
        {
            waiting.remove(correlationId);
            throw ex;
        }
        if (offered != OfferResult.ACCEPTED)
        {
            waiting.remove(correlationId);
            return CompletableFuture.failedFuture(new CommandRefusedException(
                offered == OfferResult.BUSY ? ErrorCode.BUSY : ErrorCode.SERVICE_UNAVAILABLE));
        }
        final CompletableFuture<T> result = new CompletableFuture<>();
        caller.result.orTimeout(ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS).whenComplete((value, failure) ->
        {
            waiting.remove(correlationId);
            if (failure == null)
            {
                result.complete(value);
                return;
            }
            final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            result.completeExceptionally(cause instanceof TimeoutException ? new CommandRefusedException(null) : cause);
        });
        return result;
    }

    /** Runs {@code query} on the view's thread, between batches, and returns its result. */
    public <T> T read(final Function<LiveState, T> query)
    {
        if (Thread.currentThread() == thread)
        {
            return query.apply(state);
        }
        final CompletableFuture<T> result = new CompletableFuture<>();
        tasks.offer(() ->
        {
            try
            {
                result.complete(query.apply(state));
            }
            catch (final RuntimeException ex)
            {
                result.completeExceptionally(ex);
            }
        });
        idle.wake();
        return await(result);
    }

    /** The market of an open ad, read without a hop to the view's thread; null when closed or unknown. */
    public Integer marketOfOpenAd(final long adId)
    {
        return state.marketOfOpenAd(adId);
    }

    /** The owner of an open PRIVATE ad, read without a hop; null for a PUBLIC, closed or unknown ad. */
    public Long ownerOfPrivateAd(final long adId)
    {
        return state.ownerOfPrivateAd(adId);
    }

    /** True while the view's thread runs (an {@link Error} on it ends it, and every command then times out). */
    public boolean threadRunning()
    {
        return AgentThreads.running(runner);
    }

    /** The last batch the view has applied. */
    public long appliedSequence()
    {
        return appliedSequence;
    }

    @Override
    public int doWork()
    {
        if (thread == null)
        {
            thread = Thread.currentThread();
        }
        int work = poller.poll();
        Runnable task;
        for (int i = 0; i < TASKS_PER_CYCLE && (task = tasks.poll()) != null; i++)
        {
            task.run();
            work++;
        }
        return work;
    }

    @Override
    public void onBatch(final long batchSequence, final long journalIndex, final long sessionId,
        final DirectBuffer events, final int offset, final int length)
    {
        final LiveBatch batch = state.apply(batchSequence, sessionId, events, offset, length);
        appliedSequence = batchSequence;
        for (final LiveListener listener : listeners)
        {
            tell(listener, batch, false);
        }
        if (sessionId == SESSION)
        {
            answer(batchSequence, events, offset, length);
        }
        for (final LiveListener listener : listeners)
        {
            tell(listener, batch, true);
        }
    }

    private void tell(final LiveListener listener, final LiveBatch batch, final boolean answered)
    {
        try
        {
            if (answered)
            {
                listener.afterAnswer(batch, state);
            }
            else
            {
                listener.onApplied(batch, state);
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "live view listener failed on batch " + batch.batchSequence(), ex);
        }
    }

    @Override
    public void onNotice(final long sessionId, final DirectBuffer events, final int offset, final int length)
    {
        if (sessionId == SESSION)
        {
            answer(0, events, offset, length);
        }
    }

    /** Completes the caller of the batch's command: its first event says accepted or rejected, and for whom. */
    private void answer(final long batchSequence, final DirectBuffer events, final int offset, final int length)
    {
        header.wrap(events, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (header.templateId() == CommandAcceptedDecoder.TEMPLATE_ID)
        {
            accepted.wrap(events, body, header.blockLength(), header.version());
            final Waiting<?> caller = waiting.get(accepted.correlationId());
            if (caller != null)
            {
                reply.wrap(batchSequence, events, offset, length);
                caller.accept(reply, state);
            }
        }
        else if (header.templateId() == CommandRejectedDecoder.TEMPLATE_ID)
        {
            rejected.wrap(events, body, header.blockLength(), header.version());
            final Waiting<?> caller = waiting.get(rejected.correlationId());
            if (caller != null)
            {
                caller.result.completeExceptionally(new CommandRefusedException(rejected.errorCode()));
            }
        }
    }

    @Override
    public String roleName()
    {
        return "p2px-live-view";
    }

    /** Stops the thread and the poller; callers still waiting time out. */
    @Override
    public void close()
    {
        if (runner != null)
        {
            engine.stopWaking(idle);
            runner.close();
        }
        poller.close();
    }

    private void onError(final Throwable error)
    {
        LOG.log(System.Logger.Level.ERROR, "live view error", error);
    }

    private static <T> T await(final CompletableFuture<T> result)
    {
        try
        {
            return result.get(ANSWER_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new CommandRefusedException(null);
        }
        catch (final TimeoutException ex)
        {
            throw new CommandRefusedException(null);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException failure)
            {
                throw failure;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** A caller waiting for its command's answer. */
    private static final class Waiting<T>
    {
        private final AnswerReader<T> answer;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Waiting(final AnswerReader<T> answer)
        {
            this.answer = answer;
        }

        void accept(final CommandReply reply, final LiveState state)
        {
            try
            {
                result.complete(answer.read(reply, state));
            }
            catch (final RuntimeException ex)
            {
                result.completeExceptionally(ex);
            }
        }
    }
}
