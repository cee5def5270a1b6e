package org.p2px.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;
import org.p2px.codec.Role;
import org.p2px.engine.Engine;
import org.p2px.engine.EventBatchHandler;
import org.p2px.engine.OfferResult;
import org.p2px.server.EngineLifecycle;

/**
 * Sends a command to the trading core and waits for its answer, for request/response gateways. Commands go out
 * under one session id; a small consumer of the engine's output completes the waiting caller whose correlation
 * id the core echoes. A refusal of any kind (BUSY, UNAVAILABLE, a rule) comes back as an {@link ApiException}.
 */
@ApplicationScoped
public class CoreCommands
{
    /** The session under which these commands run; the core echoes it on their batches. */
    static final long SESSION = 1;
    private static final long ANSWER_TIMEOUT_MS = 5_000;

    private final Supplier<Engine> engines;
    private final ConcurrentHashMap<Long, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
    private final AtomicLong correlationIds = new AtomicLong();
    private final CommandProxy proxy = new CommandProxy();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private Engine subscribedTo;

    @Inject
    public CoreCommands(final EngineLifecycle lifecycle)
    {
        this(lifecycle::engine);
    }

    /** Over whichever engine {@code engines} gives now (null: none running). */
    CoreCommands(final Supplier<Engine> engines)
    {
        this.engines = engines;
    }

    public void registerUser(final long userId, final Role role, final int kycLevel)
    {
        send(correlationId -> proxy.registerUser(buffer, 0, correlationId, 0, userId, role, kycLevel));
    }

    public void setUserRole(final long actorId, final long userId, final Role role)
    {
        send(correlationId -> proxy.setUserRole(buffer, 0, correlationId, 0, actorId, userId, role));
    }

    public void setUserKyc(final long actorId, final long userId, final int kycLevel)
    {
        send(correlationId -> proxy.setUserKyc(buffer, 0, correlationId, 0, actorId, userId, kycLevel));
    }

    /** Encodes one command into {@link #buffer} for a correlation id and returns its length. */
    @FunctionalInterface
    interface Encoder
    {
        int encode(long correlationId);
    }

    /** The core's answer to one command: a rejection code, or the accepted batch. */
    private record Answer(ErrorCode rejection, CoreReply reply)
    {
    }

    /**
     * Encodes a command with the shared {@link CommandProxy} into the shared buffer, offers it, and waits for the
     * core's answer. Returns the accepted batch; throws {@link ApiException} with the core's code otherwise.
     */
    public CoreReply send(final CommandEncoder encoder)
    {
        return send(correlationId -> encoder.encode(proxy, buffer, correlationId));
    }

    /** Encodes one command into the given buffer at offset 0 for a correlation id, and returns its length. */
    @FunctionalInterface
    public interface CommandEncoder
    {
        int encode(CommandProxy proxy, org.agrona.MutableDirectBuffer buffer, long correlationId);
    }

    /** Offers the command and waits for the core's answer; returns the accepted batch. */
    CoreReply send(final Encoder encoder)
    {
        final Engine engine = subscribedEngine();
        final long correlationId = correlationIds.incrementAndGet();
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        pending.put(correlationId, answer);
        try
        {
            final OfferResult offered;
            // The proxy and buffer are reused, as everywhere around the engine; encoding takes microseconds.
            synchronized (this)
            {
                offered = engine.publisher().offer(SESSION, buffer, 0, encoder.encode(correlationId));
            }
            switch (offered)
            {
                case BUSY -> throw ApiException.of(ErrorCode.BUSY);
                case UNAVAILABLE -> throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE);
                case ACCEPTED ->
                {
                }
            }
            final Answer answered = await(answer);
            if (answered.rejection() != null)
            {
                throw ApiException.of(answered.rejection());
            }
            return answered.reply();
        }
        finally
        {
            pending.remove(correlationId);
        }
    }

    private static Answer await(final CompletableFuture<Answer> answer)
    {
        try
        {
            return answer.get(ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw ApiException.of(GatewayError.ENGINE_TIMEOUT);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw ApiException.of(GatewayError.ENGINE_TIMEOUT);
        }
    }

    /** Subscribes the reply consumer to the running engine; again after dev mode restarted it. */
    private synchronized Engine subscribedEngine()
    {
        final Engine engine = engines.get();
        if (engine == null)
        {
            throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE);
        }
        if (engine != subscribedTo)
        {
            engine.subscribe("core-commands-replies", new Replies(), Engine.CURRENT);
            subscribedTo = engine;
        }
        return engine;
    }

    /** Completes waiting callers; runs on its own consumer thread. */
    private final class Replies implements EventBatchHandler, EventHandler
    {
        private final EventAdapter adapter = new EventAdapter(this);
        private long batchSequence;
        private DirectBuffer events;
        private int offset;
        private int length;

        @Override
        public void onBatch(
            final long batchSequence, final long journalIndex, final long sessionId, final DirectBuffer events,
            final int offset, final int length)
        {
            if (sessionId == SESSION)
            {
                this.batchSequence = batchSequence;
                this.events = events;
                this.offset = offset;
                this.length = length;
                adapter.onBatch(events, offset, length);
            }
        }

        @Override
        public void onNotice(final long sessionId, final DirectBuffer events, final int offset, final int length)
        {
            onBatch(0, 0, sessionId, events, offset, length);
        }

        @Override
        public void onCommandAccepted(final CommandAcceptedDecoder event)
        {
            final CompletableFuture<Answer> waiting = pending.get(event.correlationId());
            if (waiting != null)
            {
                final byte[] copy = new byte[length];
                events.getBytes(offset, copy);
                waiting.complete(new Answer(null, new CoreReply(batchSequence, copy)));
            }
        }

        @Override
        public void onCommandRejected(final CommandRejectedDecoder event)
        {
            final CompletableFuture<Answer> waiting = pending.get(event.correlationId());
            if (waiting != null)
            {
                waiting.complete(new Answer(event.errorCode(), null));
            }
        }
    }
}
