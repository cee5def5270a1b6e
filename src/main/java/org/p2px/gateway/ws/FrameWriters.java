package org.p2px.gateway.ws;

import java.lang.reflect.Method;

import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.http.WebSocketBase;

/**
 * Writes a connection's text frames straight to its Vert.x WebSocket. WebSockets Next's {@code sendText} wraps each
 * frame in a Mutiny {@code Uni} whose supplier and callbacks SmallRye Context Propagation decorates, capturing every
 * thread context (CDI, JTA) per frame: about a tenth of the event loops' samples at 1,000 trade cycles a second
 * (docs/performance.md). Frames are written on the connection's own event loop (Outbound), where Vert.x wants them.
 * The socket is reached through the package-private {@code WebSocketConnectionBase.webSocket()}; if a Quarkus upgrade
 * removes it, frames go through {@code sendText} again, and {@code FrameWritersTest} fails to say so.
 */
final class FrameWriters
{
    private static final System.Logger LOG = System.getLogger(FrameWriters.class.getName());
    private static final Method WEB_SOCKET = webSocketAccessor();

    private FrameWriters()
    {
    }

    static Outbound.Writer of(final WebSocketConnection connection)
    {
        final WebSocketBase socket = socketOf(connection);
        if (socket == null)
        {
            return (text, written) -> connection.sendText(text)
                .subscribe().with(done -> written.run(), failure -> written.run());
        }
        return (text, written) ->
        {
            try
            {
                socket.writeTextMessage(text).onComplete(ignored -> written.run());
            }
            catch (final RuntimeException closed)
            {
                written.run();
            }
        };
    }

    /** True when frames go straight to the socket (the accessor exists in this Quarkus version). */
    static boolean direct()
    {
        return WEB_SOCKET != null;
    }

    private static WebSocketBase socketOf(final WebSocketConnection connection)
    {
        if (WEB_SOCKET == null || !(connection instanceof WebSocketConnectionBase))
        {
            return null;
        }
        try
        {
            return (WebSocketBase)WEB_SOCKET.invoke(connection);
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            LOG.log(System.Logger.Level.DEBUG, "frames of this connection go through sendText", ex);
            return null;
        }
    }

    private static Method webSocketAccessor()
    {
        try
        {
            final Method accessor = WebSocketConnectionBase.class.getDeclaredMethod("webSocket");
            accessor.setAccessible(true);
            return accessor;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "WebSocketConnectionBase.webSocket() is not reachable: frames go "
                + "through sendText, which costs more per frame (" + ex + ")");
            return null;
        }
    }
}
