package org.p2px.gateway.rest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.p2px.api.GatewayError;

/**
 * At most {@code p2px.http.max-connections-per-address} open connections (HTTP and WebSocket) per client address:
 * one client cannot hold the server's sockets and event-loop time with thousands of idle or slow connections. A
 * connection is counted at its first request (a raw connection that never sends one is closed by the idle
 * timeout); the one over the cap is answered {@code 429 TOO_MANY_CONNECTIONS} and closed. The client's address is
 * the forwarded one when Quarkus is told to trust a proxy's headers ({@code quarkus.http.proxy.*}); loopback is
 * not counted by default (a local reverse proxy, the operator's tools).
 */
@ApplicationScoped
public class ConnectionsPerAddress
{
    private final HttpSettings settings;
    private final Map<String, AtomicInteger> openByAddress = new ConcurrentHashMap<>();
    private final Set<HttpConnection> seen = ConcurrentHashMap.newKeySet();

    public ConnectionsPerAddress(final HttpSettings settings)
    {
        this.settings = settings;
    }

    void install(@Observes final Router router)
    {
        if (settings.maxConnectionsPerAddress() > 0)
        {
            router.route().order(Integer.MIN_VALUE).handler(this::admit);
        }
    }

    /** How many connections an address holds now (what the cap counts). */
    public int openFrom(final String address)
    {
        final AtomicInteger open = openByAddress.get(address);
        return open == null ? 0 : open.get();
    }

    private void admit(final RoutingContext context)
    {
        final HttpConnection connection = context.request().connection();
        if (connection == null || !seen.add(connection))
        {
            context.next();
            return;
        }
        final SocketAddress remote = context.request().remoteAddress();
        final String address = remote == null ? "unknown" : remote.hostAddress();
        if (settings.exemptLoopback() && isLoopback(address))
        {
            connection.closeHandler(closed -> seen.remove(connection));
            context.next();
            return;
        }
        final AtomicInteger open = openByAddress.computeIfAbsent(address, ignored -> new AtomicInteger());
        if (open.incrementAndGet() > settings.maxConnectionsPerAddress())
        {
            release(address, open);
            seen.remove(connection);
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            RequestBodies.refuse(context, GatewayError.TOO_MANY_CONNECTIONS).onComplete(done -> connection.close());
            return;
        }
        connection.closeHandler(closed ->
        {
            seen.remove(connection);
            release(address, open);
        });
        context.next();
    }

    private void release(final String address, final AtomicInteger open)
    {
        if (open.decrementAndGet() <= 0)
        {
            openByAddress.remove(address, open);
        }
    }

    private static boolean isLoopback(final String address)
    {
        return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
    }
}
