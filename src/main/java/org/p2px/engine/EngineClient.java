package org.p2px.engine;

/**
 * The one way the gateways, the live view and the projector reach the engine: offer a command, and follow the
 * stream of journaled batches from a position. The in-process {@link Engine} implements it; a replicated engine
 * can stand behind it without the callers changing.
 */
public interface EngineClient
{
    /** Subscribe from the current position: only batches that come after. */
    long CURRENT = -1;

    /**
     * Writes a command, tagged with its session, in place onto the engine's input. Never blocks: a full input is
     * {@link OfferResult#BUSY}, a stopped or failed engine {@link OfferResult#UNAVAILABLE}.
     */
    OfferResult offer(long sessionId, CommandWriter writer);

    /** The same, in a slot of {@code maxLength} bytes: for a command longer than the usual slot (SetRules). */
    OfferResult offer(long sessionId, int maxLength, CommandWriter writer);

    /**
     * A consumer of every batch after {@code afterSequence}, polled on the caller's thread; {@code afterIndex} is
     * that batch's journal index when known ({@link org.p2px.journal.JournalReader#START} for none), {@link #CURRENT}
     * in both for only what comes next.
     *
     * @throws IllegalArgumentException when the journal no longer holds that batch (pruned).
     */
    EventPoller poller(String name, EventBatchHandler handler, long afterSequence, long afterIndex);

    /** The same, on a thread of its own. */
    Engine.Subscription subscribe(String name, EventBatchHandler handler, long afterSequence, long afterIndex);

    /**
     * Ends {@code waiter}'s park whenever a batch or a notice is published, for a consumer that answers callers
     * and should not wait for its backoff to run out (the live view). Rung on the engine's thread: cheap, bounded.
     */
    void wakeOnPublication(WakeableIdleStrategy waiter);

    /** Undoes {@link #wakeOnPublication}. */
    void stopWaking(WakeableIdleStrategy waiter);

    /** The last batch journaled. */
    long batchSequence();

    EngineConfig config();

    EngineStatus status();
}
