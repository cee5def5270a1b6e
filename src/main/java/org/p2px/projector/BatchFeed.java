package org.p2px.projector;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.p2px.engine.EventBatchHandler;

/**
 * The hand-off from the engine's consumer thread to the projector's own thread: each batch is copied into a
 * bounded queue. When the database is slower than trading the queue fills and this blocks the consumer thread,
 * which is harmless: the engine never waits for a consumer, and a consumer that falls behind the broadcast
 * catches up from the journal.
 */
final class BatchFeed implements EventBatchHandler
{
    /** One journaled batch, copied, and when it arrived ({@link System#nanoTime()}): how long it waits shows lag. */
    record Batch(long sequence, byte[] events, long arrivedNanos)
    {
    }

    private static final long OFFER_WAIT_MS = 100;

    private final BlockingQueue<Batch> queue;
    private volatile boolean open = true;

    BatchFeed(final BlockingQueue<Batch> queue)
    {
        this.queue = queue;
    }

    /** Stops waiting for room, so that the consumer thread can end. */
    void close()
    {
        open = false;
    }

    @Override
    public void onBatch(
        final long batchSequence, final long journalIndex, final long sessionId, final DirectBuffer events,
        final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        events.getBytes(offset, copy);
        final Batch batch = new Batch(batchSequence, copy, System.nanoTime());
        try
        {
            while (open && !queue.offer(batch, OFFER_WAIT_MS, TimeUnit.MILLISECONDS))
            {
                // waiting for the projector thread to make room
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
