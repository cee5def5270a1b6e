package org.p2px.loadtest;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * One client connection to {@code /ws}: requests with ids, each answered through a future completed with the
 * receipt time, and pushes handed to a listener. It never throws at the load: a closed connection answers every
 * request still pending (and every later one) with a refusal of its own code, counted like the server's.
 */
final class WsConnection
{
    /** A reply: ok with its result, or refused with a code; {@code nanos} is when it was received. */
    record Reply(boolean ok, Object result, String code, long nanos)
    {
        JsonObject object()
        {
            return (JsonObject)result;
        }
    }

    /** A push of a channel, received at {@code nanos}. */
    record Push(String channel, long seq, String type, Object data, long nanos)
    {
        JsonObject object()
        {
            return (JsonObject)data;
        }
    }

    private static final String BOOK_PUSH = "{\"channel\":\"book.";

    private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Consumer<Push> onPush;
    private final Consumer<String> onBadFrame;
    private volatile WebSocket socket;
    private volatile String closedCode;

    private WsConnection(final Consumer<Push> onPush, final Consumer<String> onBadFrame)
    {
        this.onPush = onPush;
        this.onBadFrame = onBadFrame;
    }

    /** Opens a connection, signed in with a bearer token on the upgrade when one is given. */
    static CompletableFuture<WsConnection> open(final WebSocketClient client, final java.net.URI server,
        final String token, final Consumer<Push> onPush, final Consumer<String> onBadFrame)
    {
        final WsConnection connection = new WsConnection(onPush, onBadFrame);
        final WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(server.getHost())
            .setPort(server.getPort()).setURI("/ws").setTimeout(30_000);
        if (token != null)
        {
            options.addHeader("Authorization", "Bearer " + token);
        }
        return client.connect(options).map(socket ->
        {
            connection.socket = socket;
            socket.textMessageHandler(connection::onText);
            socket.closeHandler(ignored -> connection.closed("CLOSED_" + socket.closeStatusCode()));
            socket.exceptionHandler(e -> connection.closed("CONNECTION_FAILED"));
            return connection;
        }).toCompletionStage().toCompletableFuture();
    }

    CompletableFuture<Reply> request(final String op, final JsonObject args)
    {
        final long id = ids.incrementAndGet();
        final CompletableFuture<Reply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        final JsonObject frame = new JsonObject().put("id", Long.toString(id)).put("op", op);
        if (args != null)
        {
            frame.put("args", args);
        }
        if (closedCode != null)
        {
            answerLocally(id, closedCode);
        }
        else
        {
            socket.writeTextMessage(frame.encode()).onFailure(e -> answerLocally(id, "SEND_FAILED"));
        }
        return reply;
    }

    /** A request whose refusal is a failure of the setup, not a measurement. */
    Object call(final String op, final JsonObject args)
    {
        final Reply reply = request(op, args).orTimeout(30, TimeUnit.SECONDS).join();
        if (!reply.ok())
        {
            throw new ApiError(reply.code(), op + " " + args);
        }
        return reply.result();
    }

    void close()
    {
        final WebSocket s = socket;
        if (s != null && !s.isClosed())
        {
            s.close((short)1000, "load test done");
        }
    }

    boolean isOpen()
    {
        return closedCode == null;
    }

    private void onText(final String text)
    {
        final long nanos = System.nanoTime();
        if (text.startsWith(BOOK_PUSH))
        {
            // Market data is counted, not read: parsing every watcher's deltas would cost the generator more
            // than the server spends sending them.
            onPush.accept(new Push("book.", -1, null, null, nanos));
            return;
        }
        final JsonObject frame;
        try
        {
            frame = new JsonObject(text);
        }
        catch (final RuntimeException e)
        {
            onBadFrame.accept("not JSON: " + abbreviate(text));
            return;
        }
        final String channel = frame.getString("channel");
        if (channel != null)
        {
            onPush.accept(new Push(channel, frame.getLong("seq", -1L), frame.getString("type"), frame.getValue("data"),
                nanos));
            return;
        }
        final String id = frame.getString("id");
        final CompletableFuture<Reply> reply = id == null ? null : pending.remove(parseId(id));
        if (reply == null)
        {
            onBadFrame.accept("a reply to no request: " + abbreviate(text));
            return;
        }
        final boolean ok = Boolean.TRUE.equals(frame.getBoolean("ok"));
        final JsonObject error = frame.getJsonObject("error");
        reply.complete(new Reply(ok, frame.getValue("result"), ok ? null
            : error == null ? "NO_CODE" : error.getString("code"), nanos));
    }

    private static long parseId(final String id)
    {
        try
        {
            return Long.parseLong(id);
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }

    private void closed(final String code)
    {
        if (closedCode == null)
        {
            closedCode = code;
        }
        pending.keySet().forEach(id -> answerLocally(id, closedCode));
    }

    private void answerLocally(final long id, final String code)
    {
        final CompletableFuture<Reply> reply = pending.remove(id);
        if (reply != null)
        {
            reply.complete(new Reply(false, null, code, System.nanoTime()));
        }
    }

    private static String abbreviate(final String text)
    {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
