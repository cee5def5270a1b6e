package org.p2px.gateway.ws;

import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * One connection's requests, run one at a time in arrival order, so replies leave in request order. A request
 * that may block (the database, a password hash) runs on a worker thread; one that never blocks (a trading
 * command, answered from the live view) runs on the connection's event loop, at once when nothing is ahead of it:
 * no hop to a worker and back. A request is done when the stage it returns completes (a command's answer comes
 * from the live view's thread); the next one starts then. Bounded: a full queue refuses the request.
 */
final class SerialRequests
{
    /** A request: runs, and says through its stage when its reply has been handed to the connection. */
    interface Task
    {
        CompletionStage<?> run();
    }

    private record Queued(Task task, boolean onEventLoop)
    {
    }

    private final Executor workers;
    private final Executor eventLoop;
    private final BooleanSupplier onEventLoop;
    private final int maxPending;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private boolean running;
    private boolean stopped;

    SerialRequests(final Executor workers, final Executor eventLoop, final BooleanSupplier onEventLoop,
        final int maxPending)
    {
        this.workers = workers;
        this.eventLoop = eventLoop;
        this.onEventLoop = onEventLoop;
        this.maxPending = maxPending;
    }

    /** False when stopped or full. {@code nonBlocking}: the task may run on the event loop. */
    boolean offer(final Task task, final boolean nonBlocking)
    {
        final Queued queued = new Queued(task, nonBlocking);
        synchronized (this)
        {
            if (stopped || queue.size() >= maxPending)
            {
                return false;
            }
            if (running)
            {
                queue.addLast(queued);
                return true;
            }
            running = true;
        }
        start(queued);
        return true;
    }

    /** Drops what is queued; a task already running finishes. */
    synchronized void stop()
    {
        stopped = true;
        queue.clear();
    }

    private void start(final Queued queued)
    {
        if (!queued.onEventLoop())
        {
            workers.execute(() -> run(queued.task()));
        }
        else if (onEventLoop.getAsBoolean())
        {
            run(queued.task());
        }
        else
        {
            eventLoop.execute(() -> run(queued.task()));
        }
    }

    private void run(final Task task)
    {
        CompletionStage<?> done;
        try
        {
            done = task.run();
        }
        catch (final RuntimeException unexpected)
        {
            done = null;   // a task answers its own failures; this only keeps the queue moving
        }
        if (done == null)
        {
            next();
        }
        else
        {
            done.whenComplete((ignored, failure) -> next());
        }
    }

    private void next()
    {
        final Queued queued;
        synchronized (this)
        {
            queued = queue.pollFirst();
            if (queued == null)
            {
                running = false;
                return;
            }
        }
        start(queued);
    }
}
