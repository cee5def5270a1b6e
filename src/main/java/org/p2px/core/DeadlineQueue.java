package org.p2px.core;

import java.util.Arrays;

/**
 * Order deadlines, ordered by (deadline, order id) so that firing is deterministic. Entries are never removed
 * early: when one comes due, the caller checks that the order is still in the state the deadline was set for,
 * and drops it otherwise. That keeps every order transition O(1).
 *
 * <p>Deadlines arrive almost sorted: each is the time of a command (which never runs backwards) plus one of a
 * few windows, the release window or an ad's payment window. So they are kept in up to {@value #MAX_RUNS}
 * sorted FIFO runs: a deadline joins the first run whose last entry is not after it, and the least head of all
 * runs comes out first. That costs a scan of a few runs per add and per poll, where a binary heap costs log n
 * steps of unpredictable branches (a quarter of a trade's time in the benchmarks). A deadline that fits no run
 * goes to a binary min-heap, whose top takes part in the same choice, so the order is exact whatever arrives.
 * Runs are chained chunks of primitive arrays ({@link DeadlineRun}), recycled as they are read, so a run grows
 * without copying; the heap is primitive arrays grown by doubling. A warm queue allocates nothing.
 */
final class DeadlineQueue
{
    /** The payment deadline of a PENDING_PAYMENT order. */
    static final byte PAY_BY = 1;
    /** The release deadline of a PAID order. */
    static final byte RELEASE_BY = 2;

    static final int MAX_RUNS = 8;
    private static final int HEAP = MAX_RUNS;
    private static final int UNKNOWN = -1;

    private final DeadlineRun.Chunks chunks = new DeadlineRun.Chunks();
    private final DeadlineRun[] runs = new DeadlineRun[MAX_RUNS];
    private int runCount;
    private int total;
    /** The run (or {@link #HEAP}) holding the least entry, or {@link #UNKNOWN} until looked for. */
    private int least = UNKNOWN;

    // The heap of deadlines that fit no run.
    private long[] deadlines;
    private long[] orderIds;
    private byte[] kinds;
    private int size;

    DeadlineQueue(final int initialCapacity)
    {
        deadlines = new long[initialCapacity];
        orderIds = new long[initialCapacity];
        kinds = new byte[initialCapacity];
    }

    void add(final long deadline, final long orderId, final byte kind)
    {
        total++;
        least = UNKNOWN;
        for (int run = 0; run < MAX_RUNS; run++)
        {
            if (run == runCount)
            {
                runs[run] = new DeadlineRun(chunks);
                runCount++;
            }
            final DeadlineRun candidate = runs[run];
            if (candidate.isEmpty() || !less(deadline, orderId, candidate.lastDeadline(), candidate.lastOrderId()))
            {
                candidate.append(deadline, orderId, kind);
                return;
            }
        }
        heapAdd(deadline, orderId, kind);
    }

    private void heapAdd(final long deadline, final long orderId, final byte kind)
    {
        if (size == deadlines.length)
        {
            final int capacity = size * 2;
            deadlines = Arrays.copyOf(deadlines, capacity);
            orderIds = Arrays.copyOf(orderIds, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
        }
        int child = size++;
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (!less(deadline, orderId, deadlines[parent], orderIds[parent]))
            {
                break;
            }
            set(child, deadlines[parent], orderIds[parent], kinds[parent]);
            child = parent;
        }
        set(child, deadline, orderId, kind);
    }

    boolean isEmpty()
    {
        return total == 0;
    }

    int size()
    {
        return total;
    }

    long peekDeadline()
    {
        final int from = least();
        return from == HEAP ? deadlines[0] : runs[from].headDeadline();
    }

    long peekOrderId()
    {
        final int from = least();
        return from == HEAP ? orderIds[0] : runs[from].headOrderId();
    }

    byte peekKind()
    {
        final int from = least();
        return from == HEAP ? kinds[0] : runs[from].headKind();
    }

    /** Removes the least entry; the queue must not be empty. */
    void poll()
    {
        final int from = least();
        total--;
        least = UNKNOWN;
        if (from == HEAP)
        {
            heapPoll();
        }
        else
        {
            runs[from].removeHead();
        }
    }

    private void heapPoll()
    {
        size--;
        if (size == 0)
        {
            return;
        }
        final long deadline = deadlines[size];
        final long orderId = orderIds[size];
        final byte kind = kinds[size];
        int parent = 0;
        while (true)
        {
            int child = 2 * parent + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && less(deadlines[child + 1], orderIds[child + 1], deadlines[child], orderIds[child]))
            {
                child++;
            }
            if (!less(deadlines[child], orderIds[child], deadline, orderId))
            {
                break;
            }
            set(parent, deadlines[child], orderIds[child], kinds[child]);
            parent = child;
        }
        set(parent, deadline, orderId, kind);
    }

    void clear()
    {
        size = 0;
        total = 0;
        least = UNKNOWN;
        for (int run = 0; run < runCount; run++)
        {
            runs[run].clear();
        }
    }

    private int least()
    {
        if (least == UNKNOWN)
        {
            int from = size > 0 ? HEAP : UNKNOWN;
            long bestDeadline = size > 0 ? deadlines[0] : 0;
            long bestOrderId = size > 0 ? orderIds[0] : 0;
            for (int run = 0; run < runCount; run++)
            {
                final DeadlineRun candidate = runs[run];
                if (!candidate.isEmpty() &&
                    (from == UNKNOWN || less(candidate.headDeadline(), candidate.headOrderId(), bestDeadline, bestOrderId)))
                {
                    from = run;
                    bestDeadline = candidate.headDeadline();
                    bestOrderId = candidate.headOrderId();
                }
            }
            least = from;
        }
        return least;
    }

    private void set(final int index, final long deadline, final long orderId, final byte kind)
    {
        deadlines[index] = deadline;
        orderIds[index] = orderId;
        kinds[index] = kind;
    }

    private static boolean less(final long deadline, final long orderId, final long otherDeadline, final long otherOrderId)
    {
        return deadline < otherDeadline || (deadline == otherDeadline && orderId < otherOrderId);
    }
}
