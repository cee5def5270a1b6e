package org.p2px.observability;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p2px.live.LiveView;
import org.p2px.server.LiveViewLifecycle;

/**
 * How far what follows the journal trails it: the read models (in batches and in time), whether the database
 * answers and the projector's last transaction failed, and the live view (in batches: it applies each batch within
 * microseconds, so a lag that stays shows a stuck view).
 */
@ApplicationScoped
public class ReadModelMetrics implements MeterBinder
{
    private final ReadModelWatch readModels;
    private final RunningEngine engine;
    private final LiveViewLifecycle views;

    public ReadModelMetrics(final ReadModelWatch readModels, final RunningEngine engine, final LiveViewLifecycle views)
    {
        this.readModels = readModels;
        this.engine = engine;
        this.views = views;
    }

    @Override
    public void bindTo(final MeterRegistry registry)
    {
        Gauge.builder("p2px.projector.lag.batches", this, metrics -> metrics.readModels.now().lagBatches())
            .description("Journaled batches not in the read models yet").register(registry);
        TimeGauge.builder("p2px.projector.lag", this, TimeUnit.SECONDS, metrics -> metrics.readModels.now().lagSeconds())
            .description("How long the oldest batch not in the read models has waited at the projector").register(registry);
        Gauge.builder("p2px.projector.failing", this, metrics -> metrics.readModels.now().lastTransactionFailed() ? 1 : 0)
            .description("1 while the projector's last database transaction failed (it retries)").register(registry);
        Gauge.builder("p2px.database.reachable", this, metrics -> metrics.readModels.now().databaseReachable() ? 1 : 0)
            .description("1 while the database answers its periodic check").register(registry);
        Gauge.builder("p2px.live.view.lag.batches", this, ReadModelMetrics::liveViewLag)
            .description("Journaled batches the live view has not applied yet").register(registry);
    }

    private double liveViewLag()
    {
        final LiveView view = views.view();
        return view == null ? Double.NaN
            : Math.max(0, engine.journaledSequence() - view.appliedSequence());
    }
}
