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
        /** Writes a frame to be sent as the socket sees fit (at once, or at the end of the read it answers). */
        void write(String text, Runnable written);

        /**
         * Writes a frame that more frames follow at once: it may wait in the socket for {@link #flush()}, so that
         * the frames a batch gives one connection (an order push, a balance push, the reply) leave in one send.
         */
        default void writeHeld(final String text, final Runnable written)
        {
            write(text, written);
        }

        /** Sends what {@link #writeHeld} left waiting. */
        default void flush()
        {
        }
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

    /**
     * Writes what is queued; every frame but the last is held in the socket and the last one sends them all (one
     * system call instead of one per frame). Frames offered meanwhile join the run.
     */
    private void drain()
    {
        boolean held = false;
        while (true)
        {
            final String text;
            final boolean more;
            synchronized (this)
            {
                text = queue.pollFirst();
                if (text == null)
                {
                    drainScheduled = false;
                    break;
                }
                more = !queue.isEmpty();
            }
            if (more)
            {
                writer.writeHeld(text, writtenCallback(text));
            }
            else
            {
                writer.write(text, writtenCallback(text));
            }
            held = more;
        }
        if (held)
        {
            // stop() emptied the queue after a held frame: send what the socket holds.
            writer.flush();
        }
    }

    private void write(final String text)
    {
        writer.write(text, writtenCallback(text));
    }

    private Runnable writtenCallback(final String text)
    {
        final int length = text.length();
        return () ->
        {
            pendingChars.addAndGet(-length);
            if (pendingMessages.decrementAndGet() == 0)
            {
                drained();
            }
        };
    }
}
