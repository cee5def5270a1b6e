package org.p2px.engine;

/**
 * A consumer of the engine's output that runs on the caller's thread instead of one of its own: for a gateway
 * whose event loop both offers commands and reads their answers, so that one thread does both. It gives the
 * same guarantees as {@link Engine#subscribe}: every batch after the start, once, in order, reading the journal
 * after falling behind the broadcast. Poll it from one thread only, and close it before the engine.
 */
public final class EventPoller implements AutoCloseable
{
    private final BatchFeed agent;

    EventPoller(final BatchFeed agent)
    {
        this.agent = agent;
    }

    /**
     * Hands the handler what has arrived since the last poll (up to the poll limit).
     *
     * @return how much work was done: 0 when there was nothing, for the caller's idle strategy.
     */
    public int poll()
    {
        return agent.doWork();
    }

    /** The sequence of the last batch handed to the handler. */
    public long lastSequence()
    {
        return agent.lastSequence();
    }

    /** How many times the poller fell behind the broadcast and read the journal instead. */
    public long catchUps()
    {
        return agent.catchUps();
    }

    @Override
    public void close()
    {
        agent.onClose();
    }
}
