package org.p2px.server;

/** How the server runs the trading core: {@code p2px.engine.mode}. */
public enum EngineMode
{
    /** The engine in this process, journaling to {@code p2px.engine.data-dir}: the default. */
    SINGLE,
    /**
     * A gateway of a replicated cluster ({@code org.p2px.cluster}): commands go to the cluster's leader, batches are
     * followed in the journal of the member beside this server ({@code p2px.cluster.*}).
     */
    CLUSTER
}
