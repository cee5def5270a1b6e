package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The deadline queue against a plain priority queue: whatever order deadlines arrive in (mostly rising, as in the
 * core, with some out of order, enough to fill many chunks of several runs and the heap), they come out by
 * (deadline, order id), with their kind, and the size is right throughout.
 */
class DeadlineQueueTest
{
    private static final long SEED = 20261124L;

    private record Entry(long deadline, long orderId, byte kind)
    {
    }

    private static final Comparator<Entry> BY_DEADLINE_THEN_ORDER =
        Comparator.comparingLong(Entry::deadline).thenComparingLong(Entry::orderId);

    @Test
    void entriesComeOutInDeadlineThenOrderIdOrderAcrossManyChunks()
    {
        System.out.println("DeadlineQueueTest seed " + SEED);
        final SplittableRandom random = new SplittableRandom(SEED);
        final DeadlineQueue queue = new DeadlineQueue(16);
        final PriorityQueue<Entry> expected = new PriorityQueue<>(BY_DEADLINE_THEN_ORDER);
        long now = 0;
        long orderId = 0;
        for (int step = 0; step < 400_000; step++)
        {
            now += random.nextInt(3);
            if (random.nextInt(100) < 60)
            {
                // A payment window of one of a few lengths, a release window, or now and then anything at all.
                final long deadline = random.nextInt(50) == 0 ? random.nextLong(now + 10_000)
                    : now + (random.nextBoolean() ? 900 : 300 * (1 + random.nextInt(3)));
                final byte kind = random.nextBoolean() ? DeadlineQueue.PAY_BY : DeadlineQueue.RELEASE_BY;
                final Entry entry = new Entry(deadline, ++orderId, kind);
                queue.add(entry.deadline(), entry.orderId(), entry.kind());
                expected.add(entry);
            }
            else
            {
                drainDue(queue, expected, now);
            }
            assertEquals(expected.size(), queue.size());
        }
        assertTrue(orderId > 4 * DeadlineRun.CHUNK_ENTRIES, "enough entries to need many chunks");
        drainDue(queue, expected, Long.MAX_VALUE);
        assertTrue(queue.isEmpty());
    }

    @Test
    void aClearedQueueStartsAfreshAndReusesItsChunks()
    {
        final DeadlineQueue queue = new DeadlineQueue(16);
        for (int i = 0; i < 3 * DeadlineRun.CHUNK_ENTRIES; i++)
        {
            queue.add(i, i, DeadlineQueue.PAY_BY);
        }
        queue.clear();
        assertTrue(queue.isEmpty());
        queue.add(7, 1, DeadlineQueue.RELEASE_BY);
        queue.add(5, 2, DeadlineQueue.PAY_BY);
        assertEquals(5, queue.peekDeadline());
        assertEquals(2, queue.peekOrderId());
        queue.poll();
        assertEquals(7, queue.peekDeadline());
        assertEquals(DeadlineQueue.RELEASE_BY, queue.peekKind());
        queue.poll();
        assertTrue(queue.isEmpty());
    }

    private static void drainDue(final DeadlineQueue queue, final PriorityQueue<Entry> expected, final long now)
    {
        while (!expected.isEmpty() && expected.peek().deadline() <= now)
        {
            final Entry next = expected.poll();
            assertEquals(next.deadline(), queue.peekDeadline());
            assertEquals(next.orderId(), queue.peekOrderId());
            assertEquals(next.kind(), queue.peekKind());
            queue.poll();
        }
        assertTrue(queue.isEmpty() || queue.peekDeadline() > now);
    }
}
