package org.p2px.server;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineStatus;
import org.p2px.live.LiveView;

/**
 * Alive unless a thread the engine cannot work without has ended while it runs: the core thread or the live view's.
 * Agrona ends an agent's thread on an {@link Error} (out of memory, say); the engine would still say READY and
 * answer nothing, and only a restart (recovery from the journal) brings it back. A failed journal append is not
 * this: the engine stays up, refuses commands and waits for an operator (readiness shows it).
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck
{
    private final EngineLifecycle engines;
    private final LiveViewLifecycle views;

    public EngineLiveness(final EngineLifecycle engines, final LiveViewLifecycle views)
    {
        this.engines = engines;
        this.views = views;
    }

    @Override
    public HealthCheckResponse call()
    {
        final Engine engine = engines.engine();
        final LiveView view = views.view();
        final boolean stopped = engine == null || engine.status() == EngineStatus.STOPPED;
        final boolean core = stopped || engine.coreThreadRunning();
        final boolean liveView = stopped || view == null || view.threadRunning();
        return HealthCheckResponse.named("engine-threads")
            .status(core && liveView)
            .withData("core", core)
            .withData("liveView", liveView)
            .build();
    }
}
