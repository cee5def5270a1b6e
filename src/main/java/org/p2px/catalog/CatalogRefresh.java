package org.p2px.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import org.p2px.server.EngineLifecycle;
import org.p2px.server.EngineMode;

/**
 * In cluster mode several gateways may share one database, and an asset or market another one defines must become
 * known here too: the catalogue is read again every {@link #EVERY_MILLIS} (two small tables), on a worker thread. A
 * code not known yet is refused until then; an id (which comes from the journal) is read at once ({@link Catalog}).
 */
@ApplicationScoped
public class CatalogRefresh
{
    static final long EVERY_MILLIS = 2_000;
    private static final System.Logger LOG = System.getLogger(CatalogRefresh.class.getName());

    private final Vertx vertx;
    private long timer = -1;

    public CatalogRefresh(final Vertx vertx)
    {
        this.vertx = vertx;
    }

    void start(@Observes final StartupEvent event, final EngineLifecycle engines, final Catalog catalog)
    {
        if (engines.mode() == EngineMode.CLUSTER)
        {
            timer = vertx.setPeriodic(EVERY_MILLIS, id -> vertx.executeBlocking(() ->
            {
                catalog.refresh();
                return null;
            }, false).onFailure(ex -> LOG.log(System.Logger.Level.WARNING, "catalogue refresh failed: " + ex)));
        }
    }

    void stop(@Observes final ShutdownEvent event)
    {
        if (timer >= 0)
        {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
