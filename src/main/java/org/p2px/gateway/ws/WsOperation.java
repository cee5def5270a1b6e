package org.p2px.gateway.ws;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import org.p2px.gateway.Caller;

/**
 * An operation callable over the WebSocket, found by {@link #name()} in a request's {@code op}. Implement it as an
 * {@code @ApplicationScoped} bean and {@link WsOperations} picks it up. It runs on a worker thread with a request
 * context active, so it may block (the trading core, the database); one connection's operations run one at a time
 * in arrival order. The result is serialised with the application's ObjectMapper into the reply's {@code result};
 * an {@link org.p2px.api.ApiException} becomes the reply's error with its code and message.
 *
 * <pre>
 * &#64;ApplicationScoped
 * class TakeOrderOp implements WsOperation {
 *     public String name() { return "order.take"; }
 *     public Object invoke(Caller caller, JsonNode args) {
 *         caller.require(ApiPermission.TRADE);
 *         TakeBody request = wsArgs.read(args, TakeBody.class);
 *         return trading.take(caller, request);
 *     }
 * }
 * </pre>
 */
public interface WsOperation
{
    /** The {@code op}, e.g. {@code "order.take"}; lower-case words joined by dots. */
    String name();

    /** Whether an anonymous connection may call it (public queries); otherwise it gets UNAUTHENTICATED. */
    default boolean anonymous()
    {
        return false;
    }

    /**
     * @param caller who signed in on this connection; null only when {@link #anonymous()} and nobody did
     * @param args   the request's {@code args}, always a JSON object (empty when the request had none)
     */
    Object invoke(Caller caller, JsonNode args);

    /**
     * Whether this caller's call may run on the connection's event loop through {@link #invokeNonBlocking}: it then
     * must not block and gets no request context. Trading commands answered from the live view do; a call that
     * reads the database or hashes a password does not.
     */
    default boolean nonBlocking(final Caller caller)
    {
        return false;
    }

    /**
     * The call on the event loop: checks and sends at once and returns the reply to come, built on {@code loop}
     * (or on {@code workers} when building it could block).
     */
    default CompletionStage<?> invokeNonBlocking(final Caller caller, final JsonNode args, final Executor loop,
        final Executor workers)
    {
        throw new UnsupportedOperationException(name() + " runs on a worker");
    }
}
