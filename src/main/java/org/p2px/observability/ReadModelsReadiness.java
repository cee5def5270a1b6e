package org.p2px.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code read-models}: down until the projector has read its position from the database (the database was
 * reached); after that up, with a degraded state in its data, whatever the database does. Trading runs on the live
 * view and the journal, not on the database: taking the one engine out of service while the database is away would
 * stop trading that can go on (docs/operations.md, "Health").
 */
@Readiness
@ApplicationScoped
public class ReadModelsReadiness implements HealthCheck
{
    static final String NAME = "read-models";

    private final ReadModelWatch watch;

    public ReadModelsReadiness(final ReadModelWatch watch)
    {
        this.watch = watch;
    }

    @Override
    public HealthCheckResponse call()
    {
        final ReadModelState state = watch.now();
        return HealthCheckResponse.named(NAME)
            .status(state.ready())
            .withData("projectedBatch", state.projectedBatch())
            .withData("journalBatch", state.journalBatch())
            .withData("lagBatches", state.lagBatches())
            .withData("lagSeconds", (long)state.lagSeconds())
            .withData("databaseReachable", state.databaseReachable())
            .withData("lastTransactionFailed", state.lastTransactionFailed())
            .withData("degraded", state.degraded())
            .build();
    }
}
