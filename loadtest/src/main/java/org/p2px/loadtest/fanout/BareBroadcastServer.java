package org.p2px.loadtest.fanout;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

/**
 * The floor the fan-out is compared against: a bare Vert.x WebSocket server that writes one prepared text message
 * to every connected socket, with no application in between. Each connection first gets a frame of seq 0 (its
 * "snapshot"); broadcast k carries seq k, padded to the size the p2px updates had. A broadcast is started in
 * process, or by {@code POST /broadcast?seq=k&size=n}, as a p2px change is by its REST request; run it as a
 * process of its own ({@code p2px-loadtest broadcast-server}) when the subscribers' sockets and its own would not fit one process's
 * file limit (10,000 subscribers).
 */
public final class BareBroadcastServer implements AutoCloseable
{
    private final Vertx vertx = Vertx.vertx();
    private final Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    BareBroadcastServer() throws Exception
    {
        this(0);
    }

    public BareBroadcastServer(final int port) throws Exception
    {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
            .setMaxWebSocketFrameSize(1 << 20))
            .requestHandler(request ->
            {
                broadcast(Integer.parseInt(request.getParam("seq")), Integer.parseInt(request.getParam("size")));
                request.response().setStatusCode(201).end();
            })
            .webSocketHandler(socket ->
            {
                sockets.add(socket);
                socket.closeHandler(ignored -> sockets.remove(socket));
                socket.writeTextMessage("{\"channel\":\"bare\",\"seq\":0,\"type\":\"snapshot\",\"data\":{}}");
            })
            .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int port()
    {
        return server.actualPort();
    }

    /** One update of about {@code size} characters, the same text to every socket. */
    void broadcast(final int seq, final int size)
    {
        final String head = "{\"channel\":\"bare\",\"seq\":" + seq + ",\"type\":\"delta\",\"data\":\"";
        final String text = head + "x".repeat(Math.max(0, size - head.length() - 2)) + "\"}";
        for (final ServerWebSocket socket : sockets)
        {
            socket.writeTextMessage(text);
        }
    }

    @Override
    public void close()
    {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
