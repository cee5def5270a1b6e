package org.p2px.gateway.ws;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One connection's outgoing frames. Any thread may offer; frames are written on the connection's event loop in
 * offer order (a write from the event loop itself would otherwise overtake writes queued from other threads). A
 * frame counts as pending from its offer until the socket took it; when the client stops reading, pending frames
 * pile up, and past the bound the offer fails, the queue is dropped and the caller closes the connection. One
 * frame larger than the whole bound still goes out when nothing else is pending.
 */
final class Outbound
{
    /** Writes one frame and runs {@code written} once the socket took it (or the write failed). */
    interface Writer
    {
        void write(String text, Runnable written);
    }

    private final Executor eventLoop;
    private final BooleanSupplier onEventLoop;
    private final Writer writer;
    private final int maxMessages;
    private final long maxChars;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final AtomicInteger pendingMessages = new AtomicInteger();
    private final AtomicLong pendingChars = new AtomicLong();
    private final AtomicReference<Runnable> onDrained = new AtomicReference<>();
    private boolean drainScheduled;
    private boolean stopped;

    Outbound(final Executor eventLoop, final Writer writer, final int maxMessages, final long maxChars)
    {
        this(eventLoop, () -> false, writer, maxMessages, maxChars);
    }

    /** {@code onEventLoop}: true on the connection's own event loop thread, where a frame may be written at once. */
    Outbound(final Executor eventLoop, final BooleanSupplier onEventLoop, final Writer writer, final int maxMessages,
        final long maxChars)
    {
        this.eventLoop = eventLoop;
        this.onEventLoop = onEventLoop;
        this.writer = writer;
        this.maxMessages = maxMessages;
        this.maxChars = maxChars;
    }

    /**
     * False when the bound is exceeded: the outbound is stopped and the connection must be closed. On the
     * connection's own event loop with nothing queued, the frame is written at once (no task): nothing offered
     * earlier can still be waiting, and nothing offered later can run before this thread is done.
     */
    boolean offer(final String text)
    {
        final boolean writeNow;
        synchronized (this)
        {
            if (stopped)
            {
                return true;
            }
            final int length = text.length();
            final int messages = pendingMessages.get();
            if (messages >= maxMessages || (messages > 0 && pendingChars.get() + length > maxChars))
            {
                stop();
                return false;
            }
            pendingMessages.incrementAndGet();
            pendingChars.addAndGet(length);
            writeNow = !drainScheduled && queue.isEmpty() && onEventLoop.getAsBoolean();
            if (!writeNow)
            {
                queue.addLast(text);
                if (!drainScheduled)
                {
                    drainScheduled = true;
                    eventLoop.execute(this::drain);
                }
            }
        }
        if (writeNow)
        {
            write(text);
        }
        return true;
    }

    /** Drops what is queued and ignores later offers. */
    synchronized void stop()
    {
        stopped = true;
        queue.clear();
        onDrained.set(null);
    }

    int pendingMessages()
    {
        return pendingMessages.get();
    }

    /** True when at least {@code messages} frames or {@code chars} characters wait for the client. */
    boolean behind(final int messages, final long chars)
    {
        return pendingMessages.get() >= messages || pendingChars.get() >= chars;
    }

    /** Runs {@code task} once, as soon as nothing is pending (at once if nothing is); replaces an earlier one. */
    void whenDrained(final Runnable task)
    {
        onDrained.set(task);
        if (pendingMessages.get() == 0)
        {
            drained();
        }
    }

    private void drained()
    {
        final Runnable task = onDrained.getAndSet(null);
        if (task != null)
        {
            task.run();
        }
    }

    private void drain()
    {
        while (true)
        {
            final String text;
            synchronized (this)
            {
                text = queue.pollFirst();
                if (text == null)
                {
                    drainScheduled = false;
                    return;
                }
            }
            write(text);
        }
    }

    private void write(final String text)
    {
        final int length = text.length();
        writer.write(text, () ->
        {
            pendingChars.addAndGet(-length);
            if (pendingMessages.decrementAndGet() == 0)
            {
                drained();
            }
        });
    }
}
