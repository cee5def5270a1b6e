package org.p2px.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;

/**
 * A consumer that records, per correlation id, whether the command was accepted or with which code it was
 * rejected, and every batch sequence it saw, so tests can wait for answers and check order and completeness.
 */
final class ReplyCollector implements EventBatchHandler, EventHandler
{
    /** The answer recorded for an accepted command. */
    static final String ACCEPTED = "ACCEPTED";

    final ConcurrentHashMap<Long, String> answers = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
    private final EventAdapter adapter = new EventAdapter(this);
    private volatile long delayNanosPerBatch;

    void slowDownBy(final long nanosPerBatch)
    {
        delayNanosPerBatch = nanosPerBatch;
    }

    @Override
    public void onBatch(
        final long batchSequence, final long journalIndex, final long sessionId, final DirectBuffer events,
        final int offset, final int length)
    {
        sequences.add(batchSequence);
        adapter.onBatch(events, offset, length);
        if (delayNanosPerBatch > 0)
        {
            final long until = System.nanoTime() + delayNanosPerBatch;
            while (System.nanoTime() < until)
            {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void onNotice(final long sessionId, final DirectBuffer events, final int offset, final int length)
    {
        adapter.onBatch(events, offset, length);
    }

    @Override
    public void onCommandAccepted(final CommandAcceptedDecoder event)
    {
        answers.put(event.correlationId(), ACCEPTED);
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        answers.put(event.correlationId(), event.errorCode().name());
    }

    String await(final long correlationId) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            final String answer = answers.get(correlationId);
            if (answer != null)
            {
                return answer;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no answer for command " + correlationId);
    }

    boolean isRejected(final long correlationId, final ErrorCode code)
    {
        return code.name().equals(answers.get(correlationId));
    }
}
