package org.p2px.engine;

import org.agrona.concurrent.AgentRunner;

/** Whether an agent's thread still runs: Agrona ends it on a clean close, and on an {@link Error} thrown by the agent. */
public final class AgentThreads
{
    private AgentThreads()
    {
    }

    public static boolean running(final AgentRunner runner)
    {
        final Thread thread = runner == null ? null : runner.thread();
        return thread != null && thread != AgentRunner.TOMBSTONE && thread.isAlive();
    }
}
