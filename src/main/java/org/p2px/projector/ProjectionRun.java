package org.p2px.projector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.core.CoreConfig;
import org.p2px.core.CoreReader;
import org.p2px.engine.BackgroundPriority;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineClient;
import org.p2px.replica.ChangeCollector;
import org.p2px.replica.Changes;
import org.p2px.replica.ReplicaStart;

/**
 * One run of the projector over one engine, on its own thread: starts the replica where the read models stand,
 * subscribes to the engine after the replica's batch, and turns batches into transactions of at most
 * {@link #MAX_BATCHES_PER_TRANSACTION}, each storing the position with the rows. A failure starts over from the
 * database's position; a journal that no longer reaches back that far falls back to the newest snapshot.
 */
final class ProjectionRun implements Runnable
{
    static final int MAX_BATCHES_PER_TRANSACTION = 500;
    private static final int QUEUE_CAPACITY = 4096;
    private static final long POLL_MS = 100;
    /**
     * At most one transaction starts in this many milliseconds: under load, a transaction then carries the batches
     * of a whole interval, and an order opened, paid and released within it is written once, not three times; a
     * quiet server still projects a lone batch at once. It bounds how far the read models trail under load.
     */
    static final long MIN_TRANSACTION_INTERVAL_MS = 50;
    private static final long FIRST_RETRY_WAIT_MS = 500;
    private static final long MAX_RETRY_WAIT_MS = 30_000;
    private static final String SUBSCRIBER = "read-model-projector";
    /** {@link #oldestWaitingNanos} when no batch waits. */
    static final long NOTHING_WAITING = Long.MIN_VALUE;
    private static final System.Logger LOG = System.getLogger(ProjectionRun.class.getName());

    private final EngineClient engine;
    private final ReadModelWriter writer;
    private final List<ProjectionListener> listeners;
    private final LongConsumer published;
    private final int nice;
    private final BlockingQueue<BatchFeed.Batch> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<BatchFeed.Batch> pending = new ArrayList<>(MAX_BATCHES_PER_TRANSACTION);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final Thread thread;
    private volatile boolean running = true;
    /**
     * When the oldest batch that has arrived and is not in the read models yet arrived, or {@link #NOTHING_WAITING}.
     * Kept through a failure and a start-over (the batch is delivered again, later), so the lag it shows keeps growing.
     */
    private volatile long oldestWaitingNanos = NOTHING_WAITING;
    /** Whether the last database transaction (a write, or reading the position to start over) failed. */
    private volatile boolean lastTransactionFailed;

    private ChangeCollector collector;
    private BatchFeed feed;
    private Engine.Subscription subscription;
    /** The last batch the replica has applied, and the last one in the read models. */
    private long replicaSequence;
    private long projected;
    private long lastTransactionNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MIN_TRANSACTION_INTERVAL_MS);

    ProjectionRun(final EngineClient engine, final ReadModelWriter writer, final List<ProjectionListener> listeners,
        final LongConsumer published, final int nice)
    {
        this.engine = engine;
        this.nice = nice;
        this.writer = writer;
        this.listeners = List.copyOf(listeners);
        this.published = published;
        this.thread = new Thread(this, "p2px-projector");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    /**
     * Stops after the transaction in hand (a retrying one gives up); the thread ends the subscription. No
     * interrupt: it could land inside a JDBC call (H2 closes its file on one).
     */
    void stop()
    {
        running = false;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run()
    {
        BackgroundPriority.lowerCurrentThread(nice);
        while (running)
        {
            try
            {
                if (collector == null)
                {
                    begin();
                }
                final BatchFeed.Batch first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first != null)
                {
                    if (oldestWaitingNanos == NOTHING_WAITING)
                    {
                        oldestWaitingNanos = first.arrivedNanos();
                    }
                    waitForInterval();
                    pending.add(first);
                    queue.drainTo(pending, MAX_BATCHES_PER_TRANSACTION - 1);
                    lastTransactionNanos = System.nanoTime();
                    project();
                    final BatchFeed.Batch next = queue.peek();
                    oldestWaitingNanos = next == null ? NOTHING_WAITING : next.arrivedNanos();
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
            catch (final RuntimeException ex)
            {
                if (!running)
                {
                    break;
                }
                LOG.log(System.Logger.Level.ERROR, "projector failed; starting over from the database position", ex);
                lastTransactionFailed = true;
                reset();
                pause(1_000);
            }
            finally
            {
                pending.clear();
            }
        }
        unsubscribe();
    }

    /** Lets batches gather until the interval since the last transaction is over (or the queue is half full). */
    private void waitForInterval() throws InterruptedException
    {
        final long due = lastTransactionNanos + TimeUnit.MILLISECONDS.toNanos(MIN_TRANSACTION_INTERVAL_MS);
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && queue.size() < QUEUE_CAPACITY / 2 && running)
        {
            Thread.sleep(Math.max(1, Math.min(5, TimeUnit.NANOSECONDS.toMillis(wait))));
        }
    }

    /** Reads the position, builds the replica up to it and subscribes after the replica's batch. */
    private void begin()
    {
        final long position = QuarkusTransaction.requiringNew().call(ReadModelWriter::position);
        lastTransactionFailed = false;
        final var config = engine.config();
        final ReplicaStart start = ReplicaStart.at(CoreConfig.genesis(), config.snapshotDirectory(), position);
        LOG.log(System.Logger.Level.INFO, "projector at batch {0}: replica from {1} at batch {2}", position,
            start.fromSnapshot() ? "a snapshot" : "an empty core", start.batchSequence());
        final long journaled = engine.batchSequence();
        if (journaled < position)
        {
            LOG.log(System.Logger.Level.ERROR, "the read models are at batch {0} but the journal ends at batch {1}: " +
                "the database and the journal do not belong together", position, journaled);
        }
        projected = position;
        published.accept(position);
        follow(start);
    }

    private void follow(final ReplicaStart start)
    {
        collector = new ChangeCollector(start.replica());
        replicaSequence = start.batchSequence();
        feed = new BatchFeed(queue);
        try
        {
            subscription = engine.subscribe(SUBSCRIBER, feed, replicaSequence, start.journalIndex());
        }
        catch (final IllegalArgumentException journalPruned)
        {
            fallBack();
        }
    }

    private void project()
    {
        final Changes changes = new Changes();
        for (final BatchFeed.Batch batch : pending)
        {
            if (batch.sequence() <= replicaSequence)
            {
                continue;
            }
            if (batch.sequence() != replicaSequence + 1)
            {
                // The journal starts after the batch the replica needs next: it was pruned.
                fallBack();
                return;
            }
            view.wrap(batch.events());
            if (batch.sequence() <= projected)
            {
                collector.replay(view, 0, batch.events().length);
            }
            else
            {
                collector.apply(batch.sequence(), view, 0, batch.events().length, changes);
            }
            replicaSequence = batch.sequence();
        }
        if (!changes.isEmpty())
        {
            commit(changes);
        }
    }

    private void commit(final Changes changes)
    {
        changes.resolve(collector.reader());
        final Committed committed = writeWithRetry(changes);
        projected = changes.lastSequence;
        published.accept(projected);
        for (final ProjectionListener listener : listeners)
        {
            try
            {
                listener.committed(committed);
            }
            catch (final RuntimeException ex)
            {
                // The rows are committed; a client that missed a push sees the gap in seq and re-subscribes.
                LOG.log(System.Logger.Level.WARNING, "projector listener failed after batch " + projected, ex);
            }
        }
    }

    /** A database that is down is waited for: the changes are already computed and are written as they are. */
    private Committed writeWithRetry(final Changes changes)
    {
        long wait = FIRST_RETRY_WAIT_MS;
        while (true)
        {
            try
            {
                final Committed committed = QuarkusTransaction.requiringNew().call(() -> writer.write(changes, projected));
                lastTransactionFailed = false;
                return committed;
            }
            catch (final ProjectionTakenOver ex)
            {
                // Not retried: these changes start from a position that is not the database's any more.
                throw ex;
            }
            catch (final RuntimeException ex)
            {
                lastTransactionFailed = true;
                if (!running)
                {
                    throw ex;
                }
                final String failed = "projector could not write batches " + changes.firstSequence + " to " +
                    changes.lastSequence + "; retrying in " + wait + " ms";
                if (wait == FIRST_RETRY_WAIT_MS)
                {
                    LOG.log(System.Logger.Level.ERROR, failed, ex);
                }
                else
                {
                    // The stack trace was logged at the first failure; a database down for an hour needs no more.
                    LOG.log(System.Logger.Level.ERROR, failed + ": " + rootMessage(ex));
                }
                pause(wait);
                wait = Math.min(wait * 2, MAX_RETRY_WAIT_MS);
            }
        }
    }

    private static String rootMessage(final Throwable failure)
    {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The journal no longer holds the batches after the read models' position: rebuild the read models from the
     * newest snapshot's whole state and follow from there. Orders that finished in between keep their last rows.
     */
    private void fallBack()
    {
        unsubscribe();
        final var config = engine.config();
        final ReplicaStart newest = ReplicaStart.newest(CoreConfig.genesis(), config.snapshotDirectory())
            .orElseThrow(() -> new IllegalStateException("the journal does not reach back to batch " +
                (projected + 1) + " and there is no snapshot to start from"));
        LOG.log(System.Logger.Level.WARNING, "the journal no longer holds batch {0}: read models rewritten from " +
            "the whole state of the snapshot at batch {1}; orders that finished in between keep their last rows",
            projected + 1, newest.batchSequence());
        QuarkusTransaction.requiringNew().run(() ->
            ReadModelWriter.writeFullState(new CoreReader(newest.replica()), newest.batchSequence()));
        projected = newest.batchSequence();
        published.accept(projected);
        follow(newest);
    }

    private void reset()
    {
        unsubscribe();
        collector = null;
    }

    private void unsubscribe()
    {
        if (feed != null)
        {
            feed.close();
            feed = null;
        }
        if (subscription != null)
        {
            subscription.close();
            subscription = null;
        }
        queue.clear();
    }

    /** When the oldest batch waiting for the read models arrived ({@link System#nanoTime()}), or {@link #NOTHING_WAITING}. */
    long oldestWaitingNanos()
    {
        return oldestWaitingNanos;
    }

    boolean lastTransactionFailed()
    {
        return lastTransactionFailed;
    }

    /** Waits, but no longer than the run keeps running. */
    private void pause(final long millis)
    {
        final long end = System.currentTimeMillis() + millis;
        try
        {
            while (running && System.currentTimeMillis() < end)
            {
                Thread.sleep(POLL_MS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
