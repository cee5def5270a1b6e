package org.p2px.loadtest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * What the machine allows: a bare Vert.x WebSocket server (the stack p2px is built on, with nothing behind it)
 * that answers each request frame with an empty success, driven by the same generator, connections and rate as
 * the server's {@code ping}. Its own Vert.x instance with two event loops, in this process.
 */
final class EchoBaseline implements AutoCloseable
{
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final HttpServer server;

    EchoBaseline() throws Exception
    {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .webSocketHandler(socket -> socket.textMessageHandler(text ->
            {
                // {"id":"N","op":...}: answer {"id":"N","ok":true,"result":{}} as a server would.
                final int from = text.indexOf("\"id\":\"") + 6;
                final int to = text.indexOf('"', from);
                socket.writeTextMessage("{\"id\":\"" + text.substring(from, to) + "\",\"ok\":true,\"result\":{}}");
            }))
            .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Opens {@code connections} clients on {@code client} and offers {@code rate} requests/s for {@code seconds}. */
    void run(final Vertx clientVertx, final int connections, final double rate, final double seconds,
        final Latencies into) throws InterruptedException
    {
        final WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(connections + 10));
        final URI uri = URI.create("http://127.0.0.1:" + server.actualPort());
        final List<WsConnection> open = new ArrayList<>();
        for (int i = 0; i < connections; i++)
        {
            open.add(WsConnection.open(client, uri, null, push -> { }, bad -> into.refused("echo", "BAD_FRAME")).join());
        }
        PingLoad.run(open, rate, seconds, "echo", into, 60);
        open.forEach(WsConnection::close);
        client.close();
    }

    @Override
    public void close()
    {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
