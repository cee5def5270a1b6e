package org.p2px.gateway.ws;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.p2px.gateway.ClientGone;

/**
 * {@code /ws}: the WebSocket gateway (docs/protocol.md). A thin door: every callback runs on the connection's event
 * loop and only hands over; operations run on worker threads ({@link Requests}).
 */
@WebSocket(path = "/ws", endpointId = WsEndpoint.ID)
public class WsEndpoint
{
    static final String ID = "p2px-ws";

    private static final System.Logger LOG = System.getLogger(WsEndpoint.class.getName());

    private final Sessions sessions;
    private final Requests requests;

    public WsEndpoint(final Sessions sessions, final Requests requests)
    {
        this.sessions = sessions;
        this.requests = requests;
    }

    @OnOpen
    @NonBlocking
    void open(final WebSocketConnection connection)
    {
        final Session session = sessions.open(connection, Vertx.currentContext());
        final WsLogin login = connection.userData().get(UpgradeAuthentication.LOGIN);
        if (login != null)
        {
            sessions.signIn(session, login);
        }
    }

    @OnTextMessage
    @NonBlocking
    void text(final String text, final WebSocketConnection connection)
    {
        sessions.of(connection).ifPresent(session -> requests.onText(session, text));
    }

    @OnBinaryMessage
    @NonBlocking
    void binary(final Buffer data, final WebSocketConnection connection)
    {
        sessions.of(connection).ifPresent(requests::onBinary);
    }

    @OnPongMessage
    @NonBlocking
    void pong(final Buffer data, final WebSocketConnection connection)
    {
        sessions.of(connection).ifPresent(session -> session.heard(System.nanoTime()));
    }

    @OnClose
    @NonBlocking
    void close(final WebSocketConnection connection)
    {
        sessions.of(connection).ifPresent(sessions::closed);
    }

    /** A message over the size limit (Vert.x reports it as a failure), a client that dropped the connection, or a bug. */
    @OnError
    @NonBlocking
    void error(final Throwable failure, final WebSocketConnection connection)
    {
        if (ClientGone.is(failure))
        {
            // Closing is what the client did; the session ends in the close handler.
            LOG.log(System.Logger.Level.DEBUG, () -> "client dropped " + connection.id() + ": " + ClientGone.describe(failure));
            return;
        }
        final boolean tooBig = isTooBig(failure);
        if (!tooBig)
        {
            LOG.log(System.Logger.Level.ERROR, "WebSocket failure on " + connection.id(), failure);
        }
        sessions.of(connection).ifPresent(session -> sessions.close(session,
            tooBig ? CloseCodes.MESSAGE_TOO_BIG : CloseCodes.INTERNAL_ERROR, tooBig ? "message too big" : "internal error"));
    }

    private static boolean isTooBig(final Throwable failure)
    {
        if (failure instanceof CorruptedWebSocketFrameException corrupted)
        {
            return corrupted.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG);
        }
        // Vert.x's frame aggregator has no type of its own for a message over max-message-size.
        return failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size");
    }
}
