package org.p2px.engine;

/** What became of a command offered to the engine. */
public enum OfferResult
{
    /** Queued for the core; its result will come back as an event batch for the session. */
    ACCEPTED,
    /** The inbound buffer is full: back-pressure; retry later. Maps to the BUSY error code. */
    BUSY,
    /** The engine is not taking commands (recovering, failed or stopped). Maps to SERVICE_UNAVAILABLE. */
    UNAVAILABLE
}
