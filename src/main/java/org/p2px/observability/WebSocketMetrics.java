package org.p2px.observability;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p2px.gateway.ws.Sessions;

/** The WebSocket gateway: open connections, their subscriptions, the pushes queued for them, slow clients closed. */
@ApplicationScoped
public class WebSocketMetrics implements MeterBinder
{
    private final Sessions sessions;

    public WebSocketMetrics(final Sessions sessions)
    {
        this.sessions = sessions;
    }

    @Override
    public void bindTo(final MeterRegistry registry)
    {
        Gauge.builder("p2px.ws.connections", this, metrics -> metrics.sessions.openCount())
            .description("Open WebSocket connections").register(registry);
        Gauge.builder("p2px.ws.subscriptions", this, metrics -> metrics.sessions.subscriptionCount())
            .description("Channel subscriptions over all open connections").register(registry);
        FunctionCounter.builder("p2px.ws.pushes", this, metrics -> metrics.sessions.pushCount())
            .description("Channel pushes queued for a subscriber").register(registry);
        FunctionCounter.builder("p2px.ws.slow.clients.closed", this, metrics -> metrics.sessions.slowClientsClosed())
            .description("Connections closed because the client did not read its frames (outbound queue full)")
            .register(registry);
    }
}
