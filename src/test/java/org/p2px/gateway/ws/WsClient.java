package org.p2px.gateway.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real WebSocket client for the tests (the JDK's). Frames are queued as JSON; a client opened "paused" reads
 * nothing (no demand) until {@link #resume()}, like a client that stopped reading its socket.
 */
public final class WsClient implements AutoCloseable
{
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** How the connection closed: the code and reason the server sent. */
    record Closed(int code, String reason)
    {
    }

    private final WebSocket socket;
    private final Listener listener;
    private final FrameChecker checker;

    private WsClient(final WebSocket socket, final Listener listener)
    {
        this.socket = socket;
        this.listener = listener;
        this.checker = listener.checker;
    }

    static WsClient open(final URI uri)
    {
        return open(uri, Map.of(), List.of(), false);
    }

    public static WsClient open(final URI uri, final Map<String, String> headers, final List<String> subprotocols,
        final boolean paused)
    {
        final Listener listener = new Listener(paused);
        final WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty())
        {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        return new WsClient(builder.buildAsync(wsUri(uri), listener).join(), listener);
    }

    static URI wsUri(final URI http)
    {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** For a test that publishes made-up push data: only the pushes' envelope is checked against asyncapi.yaml. */
    WsClient receivingSyntheticPushes()
    {
        checker.expectSyntheticPushes();
        return this;
    }

    String subprotocol()
    {
        return socket.getSubprotocol();
    }

    void send(final String text)
    {
        checker.sent(text);
        socket.sendText(text, true).join();
    }

    void sendBinary(final byte[] data)
    {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** Sends a request and returns its reply (pushes met on the way are kept). */
    public JsonNode request(final String id, final String op, final Object args)
    {
        send(json(Map.of("id", id, "op", op, "args", args)));
        return reply(id);
    }

    /** The next reply with this id; other frames stay queued for later. */
    JsonNode reply(final String id)
    {
        return take(frame -> frame.has("ok") && id.equals(frame.path("id").asText(null)));
    }

    /** The next push on the channel. */
    public JsonNode push(final String channel)
    {
        return take(frame -> channel.equals(frame.path("channel").asText(null)));
    }

    /** The next frame of any kind. */
    JsonNode next()
    {
        return take(frame -> true);
    }

    /** A frame on the channel arriving within {@code millis}, or null. */
    JsonNode pushWithin(final String channel, final long millis)
    {
        return listener.poll(frame -> channel.equals(frame.path("channel").asText(null)), millis);
    }

    /** A push on the channel that arrived before the last frame taken (a reply, say), or null. */
    JsonNode pushedBefore(final String channel)
    {
        return listener.claimEarlier(frame -> channel.equals(frame.path("channel").asText(null)));
    }

    int received()
    {
        return listener.received();
    }

    void resume()
    {
        listener.resume(socket);
    }

    /** For a paused client: read {@code frames} more frames, then stop reading again. */
    void read(final int frames)
    {
        socket.request(frames);
    }

    /** Sends a text message in two frames. */
    void sendInTwoFrames(final String first, final String second)
    {
        checker.sent(first + second);
        socket.sendText(first, false).join();
        socket.sendText(second, true).join();
    }

    Closed closed()
    {
        return listener.closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed()
    {
        return listener.closed.isDone();
    }

    @Override
    public void close()
    {
        if (!socket.isOutputClosed())
        {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
        if (!checker.violations().isEmpty())
        {
            throw new AssertionError("frames not as asyncapi.yaml describes them:\n"
                + String.join("\n", checker.violations()));
        }
    }

    static String json(final Object value)
    {
        try
        {
            return JSON.writeValueAsString(value);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private JsonNode take(final java.util.function.Predicate<JsonNode> wanted)
    {
        final JsonNode frame = listener.poll(wanted, WAIT.toMillis());
        if (frame == null)
        {
            throw new AssertionError("no such frame within " + WAIT + "; unclaimed: " + listener.unclaimed());
        }
        return frame;
    }

    private static final class Listener implements WebSocket.Listener
    {
        private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final List<JsonNode> unclaimed = new ArrayList<>();
        private final CompletableFuture<Closed> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final FrameChecker checker = new FrameChecker();
        private final boolean paused;
        private volatile int received;

        private Listener(final boolean paused)
        {
            this.paused = paused;
        }

        @Override
        public void onOpen(final WebSocket webSocket)
        {
            if (!paused)
            {
                webSocket.request(Long.MAX_VALUE);
            }
        }

        void resume(final WebSocket webSocket)
        {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                try
                {
                    final JsonNode frame = JSON.readTree(partial.toString());
                    checker.received(frame);
                    frames.add(frame);
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException("not JSON: " + partial, ex);
                }
                partial.setLength(0);
                received++;
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }

        int received()
        {
            return received;
        }

        synchronized JsonNode poll(final java.util.function.Predicate<JsonNode> wanted, final long millis)
        {
            for (int i = 0; i < unclaimed.size(); i++)
            {
                if (wanted.test(unclaimed.get(i)))
                {
                    return unclaimed.remove(i);
                }
            }
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            try
            {
                while (true)
                {
                    final long left = deadline - System.nanoTime();
                    final JsonNode frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                    if (frame == null)
                    {
                        return null;
                    }
                    if (wanted.test(frame))
                    {
                        return frame;
                    }
                    unclaimed.add(frame);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** Only among the frames already passed over: those that arrived before the last one taken. */
        synchronized JsonNode claimEarlier(final java.util.function.Predicate<JsonNode> wanted)
        {
            for (int i = 0; i < unclaimed.size(); i++)
            {
                if (wanted.test(unclaimed.get(i)))
                {
                    return unclaimed.remove(i);
                }
            }
            return null;
        }

        synchronized List<JsonNode> unclaimed()
        {
            final List<JsonNode> all = new ArrayList<>(unclaimed);
            all.addAll(frames);
            return all;
        }
    }
}
