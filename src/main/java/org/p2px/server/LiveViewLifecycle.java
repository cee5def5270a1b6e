package org.p2px.server;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.p2px.engine.EngineClient;
import org.p2px.live.LiveListener;
import org.p2px.live.LiveView;

/**
 * Starts the {@link LiveView} right after the engine (and before anything that sends commands at start-up) with
 * every {@link LiveListener} bean, and stops it before the engine stops; dev mode does both on every reload.
 */
@ApplicationScoped
public class LiveViewLifecycle
{
    private final EngineLifecycle engines;
    private final Instance<LiveListener> listeners;
    private volatile LiveView view;

    public LiveViewLifecycle(final EngineLifecycle engines, final Instance<LiveListener> listeners)
    {
        this.engines = engines;
        this.listeners = listeners;
    }

    /** After {@link EngineLifecycle} (the default priority, APPLICATION + 500). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 550) final StartupEvent event)
    {
        final EngineClient engine = engines.client();
        if (engine != null)
        {
            view = LiveView.start(engine, listeners.stream().toList());
        }
    }

    /** Before {@link EngineLifecycle}. */
    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION + 450) final ShutdownEvent event)
    {
        final LiveView running = view;
        view = null;
        if (running != null)
        {
            running.close();
        }
    }

    /** The running view, or null before start and after stop. */
    public LiveView view()
    {
        return view;
    }
}
