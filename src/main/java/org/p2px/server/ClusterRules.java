package org.p2px.server;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import org.p2px.core.CoreConfig;
import org.p2px.core.RulesCodec;

/**
 * In cluster mode, puts the configured trading rules ({@code p2px.rules.*}) in force as the engine in this process
 * does at start: a SetRules of the system's own (actor 0) when the configured rules the cluster's journal last recorded
 * differ. Every gateway of a cluster must then carry the same rules; an admin's change through the API lasts until a
 * gateway with other configured rules starts.
 */
@ApplicationScoped
public class ClusterRules
{
    private static final System.Logger LOG = System.getLogger(ClusterRules.class.getName());

    private final EngineLifecycle engines;
    private final RulesSettings rules;
    private final CoreCommands core;

    public ClusterRules(final EngineLifecycle engines, final RulesSettings rules, final CoreCommands core)
    {
        this.engines = engines;
        this.rules = rules;
        this.core = core;
    }

    /** After {@link LiveViewLifecycle} (APPLICATION + 550), before anything else sends commands at start-up. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 560) final StartupEvent event)
    {
        if (engines.mode() != EngineMode.CLUSTER)
        {
            return;
        }
        final CoreConfig configured = rules.toCoreConfig();
        if (!RulesCodec.same(core.read(state -> state.configuredRules()), configured))
        {
            core.send(new SetRulesCommand(0, configured));
            LOG.log(System.Logger.Level.INFO, "trading rules from the configuration sent to the cluster");
        }
    }
}
