package org.p2px.gateway.ws;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.p2px.api.GatewayError;

/**
 * From a text frame to its reply. On the event loop: read the frame, take a rate-limit token, queue the request
 * (all cheap and bounded). On a worker: run the operation in a request context and send the reply. Replies leave
 * in request order; only RATE_LIMITED refusals are sent at once and may overtake replies still being worked on.
 * Those refusals are counted for the metrics.
 */
@Singleton
public class Requests
{
    private final ObjectMapper mapper;
    private final Replies replies;
    private final WsOperations operations;
    private final Sessions sessions;
    private final WsSettings settings;
    private final Executor blockingWork = Requests::onWorker;
    private final LongAdder overRate = new LongAdder();
    private final LongAdder overPending = new LongAdder();

    public Requests(final ObjectMapper mapper, final Replies replies, final WsOperations operations, final Sessions sessions,
        final WsSettings settings)
    {
        this.mapper = mapper;
        this.replies = replies;
        this.operations = operations;
        this.sessions = sessions;
        this.settings = settings;
    }

    /** On the connection's event loop. */
    void onText(final Session session, final String text)
    {
        final long now = System.nanoTime();
        session.heard(now);
        if (session.isClosed())
        {
            return;
        }
        final WsRequest request = WsRequest.parse(mapper, text);
        if (!session.admit(now))
        {
            overRate.increment();
            refuse(session, request, GatewayError.RATE_LIMITED.message());
            return;
        }
        final boolean nonBlocking = !request.malformed() && operations.nonBlocking(session, request.op());
        if (!session.enqueue(nonBlocking ? () -> executeOnEventLoop(session, request)
            : () -> execute(session, request), nonBlocking))
        {
            overPending.increment();
            refuse(session, request, "Too many requests waiting for a reply; wait for them.");
        }
    }

    /** Frames refused because their connection went over its rate ({@code p2px.ws.rate-limit.*}). */
    public long overRateRefusals()
    {
        return overRate.sum();
    }

    /** Requests refused because their connection had too many waiting ({@code p2px.ws.max-pending-requests}). */
    public long overPendingRefusals()
    {
        return overPending.sum();
    }

    /** Binary frames are not part of the protocol. */
    void onBinary(final Session session)
    {
        final long now = System.nanoTime();
        session.heard(now);
        if (session.isClosed())
        {
            return;
        }
        if (session.admit(now))
        {
            session.send(replies.error(null, GatewayError.MALFORMED_REQUEST, "Send requests as JSON text frames."));
        }
        else
        {
            overRate.increment();
        }
    }

    private void refuse(final Session session, final WsRequest request, final String message)
    {
        session.send(replies.error(request.id(), GatewayError.RATE_LIMITED, message));
        if (session.refusals() >= settings.rateLimit().closeAfterRefusals())
        {
            sessions.close(session, CloseCodes.POLICY_VIOLATION, "rate limit exceeded again and again");
        }
    }

    /**
     * On the event loop, a trading command: checked and sent at once; its reply leaves when the live view has
     * applied its batch, built on this event loop (or on a worker, with a request context, when it could block).
     */
    private CompletionStage<?> executeOnEventLoop(final Session session, final WsRequest request)
    {
        if (session.isClosed())
        {
            return null;
        }
        try
        {
            return operations.invokeNonBlocking(session, request.op(), request.args(), session.eventLoop(),
                    blockingWork)
                .whenComplete((result, failure) -> answer(session, request, result, unwrap(failure)));
        }
        catch (final RuntimeException failure)
        {
            session.send(replies.error(request.id(), WsErrors.of(failure, request.op())));
            return null;
        }
    }

    private void answer(final Session session, final WsRequest request, final Object result, final Throwable failure)
    {
        String reply;
        try
        {
            reply = failure == null ? replies.ok(request.id(), result) : null;
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException | RuntimeException unwritable)
        {
            reply = replies.error(request.id(), WsErrors.of(unwritable, request.op()));
        }
        session.send(reply != null ? reply : replies.error(request.id(), WsErrors.of(failure, request.op())));
    }

    private static Throwable unwrap(final Throwable failure)
    {
        return failure == null ? null : failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Work handed off the event loop: on a worker thread, in a request context as an operation on a worker has. */
    private static void onWorker(final Runnable task)
    {
        Infrastructure.getDefaultWorkerPool().execute(() ->
        {
            final ManagedContext requestContext = Arc.container().requestContext();
            final boolean activated = !requestContext.isActive();
            if (activated)
            {
                requestContext.activate();
            }
            try
            {
                task.run();
            }
            finally
            {
                if (activated)
                {
                    requestContext.terminate();
                }
            }
        });
    }

    /** On a worker thread, one request of a session at a time. */
    private CompletionStage<?> execute(final Session session, final WsRequest request)
    {
        if (session.isClosed())
        {
            return null;
        }
        if (request.malformed())
        {
            session.send(replies.error(request.id(), GatewayError.MALFORMED_REQUEST, request.problem()));
            return null;
        }
        final ManagedContext requestContext = Arc.container().requestContext();
        final boolean activated = !requestContext.isActive();
        if (activated)
        {
            requestContext.activate();
        }
        FollowUp followUp = null;
        try
        {
            final Object result = operations.invoke(session, request.op(), request.args());
            followUp = result instanceof FollowUp follow ? follow : null;
            final String reply = replies.ok(request.id(), followUp == null ? result : followUp.result());
            if (followUp == null)
            {
                session.send(reply);
            }
            else
            {
                followUp.send(reply);
            }
        }
        catch (final Throwable failure)
        {
            if (followUp != null)
            {
                followUp.abort();
            }
            session.send(replies.error(request.id(), WsErrors.of(failure, request.op())));
        }
        finally
        {
            if (activated)
            {
                requestContext.terminate();
            }
        }
        return null;
    }
}
