package org.p2px.observability;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p2px.codec.CommandNames;
import org.p2px.codec.ErrorCode;
import org.p2px.engine.EngineStatus;

/**
 * The core thread and its way in: whether the engine takes commands, commands by type, rejections by code, the
 * core's busy time (its duty cycle is the rate of it), how full the command ring buffer is and how often it answered
 * BUSY. Every value is read from counters the engine keeps; nothing here runs on the core thread. A cluster gateway
 * has only the first: the core runs in the cluster's members.
 */
@ApplicationScoped
public class CoreMetrics implements MeterBinder
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final RunningEngine engine;

    public CoreMetrics(final RunningEngine engine)
    {
        this.engine = engine;
    }

    @Override
    public void bindTo(final MeterRegistry registry)
    {
        Gauge.builder("p2px.engine.ready", this,
                metrics -> metrics.engine.readClient(e -> e.status() == EngineStatus.READY ? 1 : 0))
            .description("1 while the engine takes commands, 0 while it recovers or connects, has failed or has stopped")
            .register(registry);
        if (!engine.inProcess())
        {
            return; // a cluster gateway has no core thread or ring buffer of its own
        }
        for (int templateId = 1; templateId <= CommandNames.MAX_TEMPLATE_ID; templateId++)
        {
            final String name = CommandNames.of(templateId);
            if (name != null)
            {
                final int id = templateId;
                commands(registry, name, metrics -> metrics.engine.read(e -> e.counters().commands(id)));
            }
        }
        commands(registry, "unknown", metrics -> metrics.engine.read(e -> e.counters().unknownCommands()));
        for (final ErrorCode code : ErrorCode.values())
        {
            if (code != ErrorCode.NULL_VAL)
            {
                FunctionCounter.builder("p2px.rejections", this, metrics -> metrics.engine.read(e -> e.counters().rejections(code)))
                    .tag("code", code.name())
                    .description("Commands answered with this rejection code")
                    .register(registry);
            }
        }
        FunctionCounter.builder("p2px.core.busy", this,
                metrics -> metrics.engine.read(e -> e.counters().busyNanos() / NANOS_PER_SECOND))
            .baseUnit("seconds")
            .description("Time the core thread spent in duty cycles that found work; its rate is the duty cycle (0 to 1)")
            .register(registry);
        Gauge.builder("p2px.ring.used", this, metrics -> metrics.engine.read(e -> e.publisher().queuedBytes()))
            .baseUnit("bytes").description("Bytes of commands waiting in the ring buffer for the core").register(registry);
        Gauge.builder("p2px.ring.capacity", this, metrics -> metrics.engine.read(e -> e.publisher().capacityBytes()))
            .baseUnit("bytes").description("Size of the command ring buffer").register(registry);
        FunctionCounter.builder("p2px.ring.busy", this, metrics -> metrics.engine.read(e -> e.publisher().busyAnswers()))
            .description("Commands refused BUSY because the ring buffer was full").register(registry);
    }

    private void commands(final MeterRegistry registry, final String type, final ToDoubleFunction<CoreMetrics> count)
    {
        FunctionCounter.builder("p2px.commands", this, count)
            .tag("type", type)
            .description("Commands the core decided (Tick: the engine's own deadline checks)")
            .register(registry);
    }
}
