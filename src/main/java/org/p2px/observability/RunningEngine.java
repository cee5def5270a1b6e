package org.p2px.observability;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.engine.Engine;
import org.p2px.server.EngineLifecycle;

/** What the metrics read from the engine that runs now: NaN while none runs (before start, after stop). */
@ApplicationScoped
public class RunningEngine
{
    private final EngineLifecycle engines;

    public RunningEngine(final EngineLifecycle engines)
    {
        this.engines = engines;
    }

    double read(final ToDoubleFunction<Engine> reading)
    {
        final Engine engine = engines.engine();
        return engine == null ? Double.NaN : reading.applyAsDouble(engine);
    }

    Engine engine()
    {
        return engines.engine();
    }
}
