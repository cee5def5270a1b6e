package org.p2px.observability;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.engine.Engine;
import org.p2px.engine.EngineClient;
import org.p2px.server.EngineLifecycle;
import org.p2px.server.EngineMode;

/**
 * What the metrics read from the engine that runs now: NaN while none runs (before start, after stop). The core's
 * counters, the journal's appends and the snapshots exist only for the engine in this process (single mode); their
 * meters are registered only then ({@link #inProcess}).
 */
@ApplicationScoped
public class RunningEngine
{
    private final EngineLifecycle engines;

    public RunningEngine(final EngineLifecycle engines)
    {
        this.engines = engines;
    }

    /** Whether the configuration runs the engine in this process, rather than as a cluster gateway. */
    boolean inProcess()
    {
        return engines.mode() == EngineMode.SINGLE;
    }

    /** A reading of the engine client, in either mode. */
    double readClient(final ToDoubleFunction<EngineClient> reading)
    {
        final EngineClient client = engines.client();
        return client == null ? Double.NaN : reading.applyAsDouble(client);
    }

    /** A reading of the engine in this process. */
    double read(final ToDoubleFunction<Engine> reading)
    {
        final Engine engine = engines.engine();
        return engine == null ? Double.NaN : reading.applyAsDouble(engine);
    }

    /** The last batch journaled, as {@link EngineLifecycle#journaledSequence()}; NaN while none runs. */
    double journaledSequence()
    {
        final long sequence = engines.journaledSequence();
        return sequence < 0 ? Double.NaN : sequence;
    }

    Engine engine()
    {
        return engines.engine();
    }
}
