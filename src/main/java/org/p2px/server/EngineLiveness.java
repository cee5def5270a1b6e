package org.p2px.server;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.p2px.cluster.ClusterEngineClient;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineStatus;
import org.p2px.live.LiveView;

/**
 * Alive unless a thread the engine cannot work without has ended while it runs: the core thread (single mode) or the
 * cluster client's (cluster mode), and the live view's. Agrona ends an agent's thread on an {@link Error} (out of
 * memory, say); the engine would still say READY and answer nothing, and only a restart (recovery from the journal)
 * brings it back. A failed journal append or a lost cluster session is not this: readiness shows those.
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
        final ClusterEngineClient cluster = engines.clusterClient();
        final LiveView view = views.view();
        final boolean stopped = engines.status() == EngineStatus.STOPPED;
        final boolean engineThread = stopped || (engine != null ? engine.coreThreadRunning() : cluster.threadRunning());
        final boolean liveView = stopped || view == null || view.threadRunning();
        return HealthCheckResponse.named("engine-threads")
            .status(engineThread && liveView)
            .withData(engine != null || cluster == null ? "core" : "clusterClient", engineThread)
            .withData("liveView", liveView)
            .build();
    }
}
