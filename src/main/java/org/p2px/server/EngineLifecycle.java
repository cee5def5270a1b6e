package org.p2px.server;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.agrona.concurrent.EpochClock;
import org.eclipse.microprofile.config.ConfigProvider;
import org.p2px.cluster.ClusterClientSettings;
import org.p2px.cluster.ClusterEngineClient;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineClient;
import org.p2px.engine.EngineConfig;
import org.p2px.engine.EngineStatus;

/**
 * Starts the engine the configuration asks for ({@link EngineMode}) when the application starts and stops it when the
 * application stops, which dev mode also does on every reload: the engine in this process (recovering from the data
 * directory), or the client of a cluster, which the start waits to be connected and to have read the co-located
 * member's journal. Everything above reaches either through {@link #client()}.
 */
@ApplicationScoped
public class EngineLifecycle
{
    private static final System.Logger LOG = System.getLogger(EngineLifecycle.class.getName());

    private final EngineSettings settings;
    private final ClusterGatewaySettings cluster;
    private final RulesSettings rules;
    private final EpochClock clock;
    private volatile Engine engine;
    private volatile ClusterEngineClient clusterClient;

    public EngineLifecycle(final EngineSettings settings, final ClusterGatewaySettings cluster,
        final RulesSettings rules, final EpochClock clock)
    {
        this.settings = settings;
        this.cluster = cluster;
        this.rules = rules;
        this.clock = clock;
    }

    void onStart(@Observes final StartupEvent event) throws InterruptedException
    {
        final EngineConfig config = new EngineConfig(
            Path.of(settings.dataDir()).toAbsolutePath(),
            settings.rollCycle(),
            settings.syncMode(),
            settings.journalRetention(),
            settings.commandBufferBytes(),
            settings.eventBufferBytes(),
            settings.idleStrategy(),
            settings.commandBatchLimit(),
            settings.tickIntervalMs(),
            settings.snapshotEveryBatches(),
            settings.snapshotInterval(),
            settings.snapshotsKept(),
            settings.snapshotNice(),
            settings.verifyOnStart(),
            settings.minFreeDisk().asLongValue(),
            rules.toCoreConfig());
        if (settings.mode() == EngineMode.CLUSTER)
        {
            startClusterClient(config);
        }
        else
        {
            engine = Engine.start(config, clock);
            LOG.log(System.Logger.Level.INFO, "engine started on {0}: {1}", config.dataDirectory(), engine.recoverySummary());
        }
    }

    private void startClusterClient(final EngineConfig config) throws InterruptedException
    {
        final ClusterClientSettings client = cluster.toClientSettings();
        final ClusterEngineClient started = new ClusterEngineClient(client, config);
        if (!started.awaitConnected(cluster.startTimeout().toMillis()))
        {
            started.close();
            throw new IllegalStateException("cluster mode: no session to the cluster at " + client.ingressEndpoints()
                + " within p2px.cluster.start-timeout (" + cluster.startTimeout() + "): are the members running and "
                + "a majority of them up?");
        }
        clusterClient = started;
        LOG.log(System.Logger.Level.INFO, "gateway {0} connected to the cluster (leader member {1}), following {2} "
            + "from batch {3}", client.gatewayId(), started.leaderMemberId(), client.journalDir(), started.batchSequence());
        if (!"postgresql".equals(ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.db-kind", String.class)
            .orElse("")))
        {
            // Several gateways must share one PostgreSQL database (ids, read models); an embedded one is this server's.
            LOG.log(System.Logger.Level.WARNING, "gateway {0} keeps its own embedded database: run no other gateway "
                + "on this cluster (several gateways share one PostgreSQL database)", client.gatewayId());
        }
    }

    void onStop(@Observes final ShutdownEvent event)
    {
        final Engine running = engine;
        final ClusterEngineClient runningClient = clusterClient;
        engine = null;
        clusterClient = null;
        if (running != null)
        {
            running.close();
        }
        if (runningClient != null)
        {
            runningClient.close();
        }
    }

    public EngineMode mode()
    {
        return settings.mode();
    }

    /** The engine callers offer commands to and follow, in either mode; null before start and after stop. */
    public EngineClient client()
    {
        final Engine running = engine;
        return running != null ? running : clusterClient;
    }

    /** The engine in this process (single mode), or null: in cluster mode, and before start and after stop. */
    public Engine engine()
    {
        return engine;
    }

    /** The client of the cluster (cluster mode), or null: in single mode, and before start and after stop. */
    public ClusterEngineClient clusterClient()
    {
        return clusterClient;
    }

    /**
     * The last batch journaled, read without going through the core thread: the engine's counter, or the last batch
     * the cluster client has seen in the co-located member's journal; -1 before start and after stop.
     */
    public long journaledSequence()
    {
        final Engine running = engine;
        if (running != null)
        {
            return running.counters().journaledSequence();
        }
        final ClusterEngineClient runningClient = clusterClient;
        return runningClient == null ? -1 : runningClient.batchSequence();
    }

    public EngineStatus status()
    {
        final EngineClient running = client();
        return running == null ? EngineStatus.STOPPED : running.status();
    }
}
