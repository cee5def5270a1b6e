package org.p2px.engine;

/** Where the engine is in its life; only READY takes commands. */
public enum EngineStatus
{
    /** Loading the newest snapshot and replaying the journal. */
    RECOVERING,
    /**
     * A cluster gateway without a session to the cluster (not reached yet, or lost): commands are refused until it
     * connects again.
     */
    CONNECTING,
    /** Taking commands. */
    READY,
    /**
     * The journal's disk has less free space than the engine's minimum: commands are refused, untouched, until
     * space returns (then READY again, without a restart).
     */
    NO_SPACE,
    /** A journal append failed: no commands are taken until an operator restarts it. */
    FAILED,
    /** Shut down. */
    STOPPED
}
