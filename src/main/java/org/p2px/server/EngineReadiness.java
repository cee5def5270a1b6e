package org.p2px.server;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.p2px.engine.EngineStatus;

/** Ready only while the engine takes commands: not while recovering, and not after a failed journal append. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck
{
    private final EngineLifecycle lifecycle;

    public EngineReadiness(final EngineLifecycle lifecycle)
    {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call()
    {
        final EngineStatus status = lifecycle.status();
        return HealthCheckResponse.named("engine")
            .status(status == EngineStatus.READY)
            .withData("status", status.name())
            .build();
    }
}
