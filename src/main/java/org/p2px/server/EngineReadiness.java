package org.p2px.server;

import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineStatus;

/**
 * Ready only while the engine takes commands (not while recovering, and not after a failed journal append) and its
 * journal directory can be written.
 */
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
        final Engine engine = lifecycle.engine();
        final EngineStatus status = lifecycle.status();
        final boolean writable = engine != null && Files.isWritable(engine.config().journalDirectory());
        return HealthCheckResponse.named("engine")
            .status(status == EngineStatus.READY && writable)
            .withData("status", status.name())
            .withData("journalWritable", writable)
            .build();
    }
}
