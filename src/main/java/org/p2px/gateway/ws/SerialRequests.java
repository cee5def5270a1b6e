package org.p2px.gateway.ws;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One connection's requests, run one at a time in arrival order on worker threads (they may block on the trading
 * core or the database), so replies leave in request order. Bounded: a full queue refuses the request. Each task
 * is submitted on its own, so a busy connection does not hold a worker for all of its queue.
 */
final class SerialRequests
{
    private final Executor workers;
    private final int maxPending;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private boolean stopped;

    SerialRequests(final Executor workers, final int maxPending)
    {
        this.workers = workers;
        this.maxPending = maxPending;
    }

    /** False when stopped or full. */
    synchronized boolean offer(final Runnable task)
    {
        if (stopped || queue.size() >= maxPending)
        {
            return false;
        }
        queue.addLast(task);
        if (!running)
        {
            running = true;
            workers.execute(this::runNext);
        }
        return true;
    }

    /** Drops what is queued; a task already running finishes. */
    synchronized void stop()
    {
        stopped = true;
        queue.clear();
    }

    private void runNext()
    {
        final Runnable task;
        synchronized (this)
        {
            task = queue.pollFirst();
            if (task == null)
            {
                running = false;
                return;
            }
        }
        try
        {
            task.run();
        }
        finally
        {
            synchronized (this)
            {
                if (queue.isEmpty())
                {
                    running = false;
                }
                else
                {
                    workers.execute(this::runNext);
                }
            }
        }
    }
}
