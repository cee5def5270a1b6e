package org.p2px.engine;

/** Where the engine is in its life; only READY takes commands. */
public enum EngineStatus
{
    /** Loading the newest snapshot and replaying the journal. */
    RECOVERING,
    /** Taking commands. */
    READY,
    /** A journal append failed: no commands are taken until an operator restarts it. */
    FAILED,
    /** Shut down. */
    STOPPED
}
