package org.p2px.server;

import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.p2px.cluster.ClusterEngineClient;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineStatus;

/**
 * Ready only while the engine takes commands. In single mode: not while recovering, not after a failed journal
 * append, and only while its journal directory can be written. In cluster mode: while a session to the cluster is
 * open and the co-located member's journal, which the live view and the projector follow, can be read.
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
        final EngineStatus status = lifecycle.status();
        final HealthCheckResponseBuilder response = HealthCheckResponse.named("engine")
            .withData("mode", lifecycle.mode().name())
            .withData("status", status.name());
        final ClusterEngineClient cluster = lifecycle.clusterClient();
        if (cluster != null)
        {
            final boolean following = Files.isReadable(cluster.journalDirectory());
            return response.status(status == EngineStatus.READY && following)
                .withData("leaderMember", cluster.leaderMemberId())
                .withData("journalReadable", following)
                .build();
        }
        final Engine engine = lifecycle.engine();
        final boolean writable = engine != null && Files.isWritable(engine.config().journalDirectory());
        return response.status(status == EngineStatus.READY && writable)
            .withData("journalWritable", writable)
            .build();
    }
}
