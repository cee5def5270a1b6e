package org.p2px.server;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.agrona.concurrent.EpochClock;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineConfig;
import org.p2px.engine.EngineStatus;

/**
 * Starts the engine when the application starts (recovering from the data directory) and stops it when the
 * application stops, which dev mode also does on every reload.
 */
@ApplicationScoped
public class EngineLifecycle
{
    private static final System.Logger LOG = System.getLogger(EngineLifecycle.class.getName());

    private final EngineSettings settings;
    private final RulesSettings rules;
    private volatile Engine engine;

    private final EpochClock clock;

    public EngineLifecycle(final EngineSettings settings, final RulesSettings rules, final EpochClock clock)
    {
        this.settings = settings;
        this.rules = rules;
        this.clock = clock;
    }

    void onStart(@Observes final StartupEvent event)
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
            settings.verifyOnStart(),
            settings.minFreeDisk().asLongValue(),
            rules.toCoreConfig());
        engine = Engine.start(config, clock);
        LOG.log(System.Logger.Level.INFO, "engine started on {0}: {1}", config.dataDirectory(), engine.recoverySummary());
    }

    void onStop(@Observes final ShutdownEvent event)
    {
        final Engine running = engine;
        engine = null;
        if (running != null)
        {
            running.close();
        }
    }

    /** The running engine, or null before start and after stop. */
    public Engine engine()
    {
        return engine;
    }

    public EngineStatus status()
    {
        final Engine running = engine;
        return running == null ? EngineStatus.STOPPED : running.status();
    }
}
