package org.p2px.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The clock the engine stamps commands with: the system's. It is a bean so that tests can replace it with one
 * they move forward (payment windows are minutes long).
 */
@ApplicationScoped
public class ServerClock
{
    @Produces
    @ApplicationScoped
    EpochClock clock()
    {
        return SystemEpochClock.INSTANCE;
    }
}
