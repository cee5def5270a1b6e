package org.p2px.engine;

import org.agrona.concurrent.Agent;

/** What hands one consumer the engine's batches in order: the broadcast with journal catch-up, or the journal alone. */
interface BatchFeed extends Agent
{
    @Override
    int doWork();

    /** The sequence of the last batch handed to the consumer. */
    long lastSequence();

    /** How many times the feed fell behind and read the journal instead. */
    long catchUps();
}
