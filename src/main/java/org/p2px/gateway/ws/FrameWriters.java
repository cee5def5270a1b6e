package org.p2px.gateway.ws;

import java.lang.reflect.Method;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.impl.WebSocketInternal;

/**
 * Writes a connection's text frames straight to its Vert.x WebSocket. WebSockets Next's {@code sendText} wraps each
 * frame in a Mutiny {@code Uni} whose supplier and callbacks SmallRye Context Propagation decorates, capturing every
 * thread context (CDI, JTA) per frame: about a tenth of the event loops' samples at 1,000 trade cycles a second
 * (docs/performance.md). Frames are written on the connection's own event loop (Outbound), where Vert.x wants them.
 * The socket is reached through the package-private {@code WebSocketConnectionBase.webSocket()}; if a Quarkus upgrade
 * removes it, frames go through {@code sendText} again, and {@code FrameWritersTest} fails to say so.
 * <p>
 * Each Vert.x write outside a read is also flushed, one system call per frame. A frame that more follow at once
 * ({@link Outbound.Writer#writeHeld}) is written to the connection's Netty context without a flush instead, and the
 * next ordinary write sends them together. Only frames small enough to need no splitting go that way (Vert.x
 * splits a long message into frames of the negotiated size; a held frame is always one frame).
 */
final class FrameWriters
{
    private static final System.Logger LOG = System.getLogger(FrameWriters.class.getName());
    private static final Method WEB_SOCKET = webSocketAccessor();
    /** At most 3 bytes a character in UTF-8: one frame below 64 KiB, the smallest frame limit of common clients. */
    static final int HELD_FRAME_MAX_CHARS = 16 * 1024;

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
        final ChannelHandlerContext context = socket instanceof WebSocketInternal internal
            ? internal.channelHandlerContext() : null;
        return new DirectWriter(socket, context);
    }

    /** Writes to the Vert.x socket, and held frames to its Netty context (null: never held). */
    private record DirectWriter(WebSocketBase socket, ChannelHandlerContext context) implements Outbound.Writer
    {
        @Override
        public void write(final String text, final Runnable written)
        {
            try
            {
                socket.writeTextMessage(text).onComplete(ignored -> written.run());
            }
            catch (final RuntimeException closed)
            {
                written.run();
            }
        }

        @Override
        public void writeHeld(final String text, final Runnable written)
        {
            if (context == null || text.length() > HELD_FRAME_MAX_CHARS || socket.isClosed())
            {
                write(text, written);
                return;
            }
            final TextWebSocketFrame frame = new TextWebSocketFrame(ByteBufUtil.writeUtf8(context.alloc(), text));
            context.write(frame, context.newPromise().addListener(ignored -> written.run()));
        }

        @Override
        public void flush()
        {
            if (context != null)
            {
                context.flush();
            }
        }
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
