package org.p2px.gateway.ws;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.Caller;

/**
 * The registry of operations: the connection's own ({@code ping}, {@code auth.*}, {@code subscribe},
 * {@code unsubscribe}) and every {@link WsOperation} bean, alone or in a {@link WsOperationGroup}. Two operations with one name stop the start.
 */
@Singleton
public class WsOperations
{
    private final Map<String, SessionOperation> builtIn = new TreeMap<>();
    private final Map<String, WsOperation> plugged = new TreeMap<>();

    public WsOperations(final Instance<SessionOperation> builtIn, final Instance<WsOperation> plugged,
        final Instance<WsOperationGroup> groups)
    {
        builtIn.forEach(operation -> register(this.builtIn, operation.name(), operation));
        plugged.forEach(operation -> register(this.plugged, operation.name(), operation));
        groups.forEach(group -> group.operations().forEach(operation -> register(this.plugged, operation.name(), operation)));
        this.plugged.keySet().stream().filter(this.builtIn::containsKey).findFirst().ifPresent(name ->
        {
            throw new IllegalStateException("WebSocket operation " + name + " is built in and cannot be replaced");
        });
    }

    /** Every operation name, sorted. */
    public Set<String> names()
    {
        final Set<String> names = new TreeSet<>(builtIn.keySet());
        names.addAll(plugged.keySet());
        return names;
    }

    /** Whether this session's call of {@code op} may run on its event loop (a signed-in trading command). */
    boolean nonBlocking(final Session session, final String op)
    {
        final WsOperation operation = plugged.get(op);
        final Caller caller = session.caller();
        return operation != null && caller != null && operation.nonBlocking(caller);
    }

    /** On the event loop, for an operation {@link #nonBlocking} allowed: the reply to come. */
    CompletionStage<?> invokeNonBlocking(final Session session, final String op, final JsonNode args,
        final Executor loop, final Executor workers)
    {
        return plugged.get(op).invokeNonBlocking(session.caller(), args, loop, workers);
    }

    Object invoke(final Session session, final String op, final JsonNode args)
    {
        final SessionOperation own = builtIn.get(op);
        if (own != null)
        {
            return own.invoke(session, args);
        }
        final WsOperation operation = plugged.get(op);
        if (operation == null)
        {
            throw ApiException.of(GatewayError.UNKNOWN_OP, "No operation '" + op + "'.");
        }
        final Caller caller = session.caller();
        if (caller == null && !operation.anonymous())
        {
            throw ApiException.of(GatewayError.UNAUTHENTICATED,
                "Sign in first (auth.login or auth.apikey, or a token when connecting) to use " + op + ".");
        }
        return operation.invoke(caller, args);
    }

    private static <T> void register(final Map<String, T> into, final String name, final T operation)
    {
        final T previous = into.putIfAbsent(name, operation);
        if (previous != null)
        {
            throw new IllegalStateException("two WebSocket operations named " + name + ": " + previous.getClass().getName()
                + " and " + operation.getClass().getName());
        }
    }
}
