package org.p2px.gateway.ws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.Caller;

/**
 * One WebSocket connection's state: who signed in, its channel streams, its request queue and its outbound queue.
 * One monitor (this) orders everything that numbers or sends pushes, so a channel's seq and its frames agree.
 */
final class Session
{
    static final UserData.TypedKey<Session> KEY = new UserData.TypedKey<>("p2px.ws.session");

    private static final long BACK_OFF_NANOS = 1_000_000_000L;

    private final WebSocketConnection connection;
    private final EventExecutor eventLoop;
    private final Outbound outbound;
    private final TokenBucket bucket;
    private final SerialRequests requests;
    private final int maxHeld;
    private final Conflation conflation;
    private final Consumer<Session> onOverflow;
    private final Map<String, ChannelStream> streams = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WsLogin login;
    private volatile long lastHeardNanos;
    private int refusals;
    private long lastRefusalNanos;

    Session(final WebSocketConnection connection, final EventExecutor eventLoop, final Outbound outbound,
        final TokenBucket bucket,
        final SerialRequests requests, final int maxHeld, final Conflation conflation,
        final Consumer<Session> onOverflow, final long nowNanos)
    {
        this.connection = connection;
        this.eventLoop = eventLoop;
        this.outbound = outbound;
        this.bucket = bucket;
        this.requests = requests;
        this.maxHeld = maxHeld;
        this.conflation = conflation;
        this.onOverflow = onOverflow;
        this.lastHeardNanos = nowNanos;
        this.lastRefusalNanos = nowNanos - BACK_OFF_NANOS;
    }

    /** The thread that writes this connection's frames. */
    EventExecutor eventLoop()
    {
        return eventLoop;
    }

    String id()
    {
        return connection.id();
    }

    /** The client's address, without its port (as REST gives it), for the audit log. */
    String address()
    {
        final String remote = connection.handshakeRequest().remoteAddress();
        final int port = remote == null ? -1 : remote.lastIndexOf(':');
        return port < 0 ? remote : remote.substring(0, port);
    }

    /** The signed-in caller, or null for an anonymous connection. */
    Caller caller()
    {
        final WsLogin current = login;
        return current == null ? null : current.caller();
    }

    WsLogin login()
    {
        return login;
    }

    /** Signs in, or renews the sign-in of the same user; another user needs another connection. */
    synchronized void signIn(final WsLogin next)
    {
        final WsLogin current = login;
        if (current != null && current.caller().userId() != next.caller().userId())
        {
            throw ApiException.of(GatewayError.FORBIDDEN,
                "This connection is signed in as another user; open a new connection to sign in as someone else.");
        }
        login = next;
    }

    void heard(final long nowNanos)
    {
        lastHeardNanos = nowNanos;
    }

    long lastHeardNanos()
    {
        return lastHeardNanos;
    }

    /**
     * Takes a rate-limit token. Refusals are counted until the client backs off: a request admitted a second or more
     * after the last refusal starts the count again (a client that keeps sending over the limit gets a few requests
     * through as the bucket refills, and must not reset it with those).
     */
    synchronized boolean admit(final long nowNanos)
    {
        if (bucket.tryTake(nowNanos))
        {
            if (nowNanos - lastRefusalNanos >= BACK_OFF_NANOS)
            {
                refusals = 0;
            }
            return true;
        }
        refusals++;
        lastRefusalNanos = nowNanos;
        return false;
    }

    /** Refusals since the client last backed off for a second. */
    synchronized int refusals()
    {
        return refusals;
    }

    /** Queues a request behind this connection's others; {@code nonBlocking}: it may run on the event loop. */
    boolean enqueue(final SerialRequests.Task request, final boolean nonBlocking)
    {
        return requests.offer(request, nonBlocking);
    }

    boolean isClosed()
    {
        return closed.get();
    }

    void send(final String text)
    {
        final boolean accepted;
        synchronized (this)
        {
            accepted = outbound.offer(text);
        }
        if (!accepted)
        {
            onOverflow.accept(this);
        }
    }

    /**
     * Registers a stream that holds pushes back until {@link #startStream}; ALREADY_OPEN if already subscribed
     * or closed, TOO_MANY when the connection has {@code max} subscriptions already.
     */
    synchronized StreamOpening openStream(final String channel, final int max)
    {
        if (closed.get() || streams.containsKey(channel))
        {
            return StreamOpening.ALREADY_OPEN;
        }
        if (streams.size() >= max)
        {
            return StreamOpening.TOO_MANY;
        }
        streams.put(channel, new ChannelStream());
        return StreamOpening.OPENED;
    }

    enum StreamOpening
    {
        OPENED, ALREADY_OPEN, TOO_MANY
    }

    /** Sends the subscribe reply, the snapshot (or catch-up), then what arrived meanwhile (and is not in it), and goes live. */
    void startStream(final String channel, final String reply, final StreamStart start)
    {
        boolean accepted = true;
        synchronized (this)
        {
            final ChannelStream stream = streams.get(channel);
            if (stream == null)
            {
                return;
            }
            accepted &= outbound.offer(reply);
            for (final String frame : stream.start(start))
            {
                accepted &= outbound.offer(frame);
            }
        }
        if (!accepted)
        {
            onOverflow.accept(this);
        }
    }

    /** Restarts a stale stream from a fresh snapshot (no reply: the client did not ask). */
    void restartStream(final String channel, final StreamStart start)
    {
        boolean accepted = true;
        synchronized (this)
        {
            final ChannelStream stream = streams.get(channel);
            if (stream == null || stream.live())
            {
                return;
            }
            for (final String frame : stream.start(start))
            {
                accepted &= outbound.offer(frame);
            }
        }
        if (!accepted)
        {
            onOverflow.accept(this);
        }
    }

    synchronized boolean dropStream(final String channel)
    {
        return streams.remove(channel) != null;
    }

    synchronized List<String> channels()
    {
        return new ArrayList<>(streams.keySet());
    }

    /** How many channels this connection subscribes to. */
    synchronized int streamCount()
    {
        return streams.size();
    }

    /**
     * Numbers and sends a push if this connection subscribed to its channel (holds it back during a snapshot). A
     * public channel's update to a client that has fallen behind is dropped instead, and the stream goes stale:
     * once the client has read what is queued, a fresh snapshot replaces every update it missed.
     *
     * @return true when the push was queued for the client (or held for it until its snapshot is out).
     */
    boolean push(final String channel, final Push push)
    {
        boolean accepted = true;
        boolean conflating = false;
        boolean queued = false;
        synchronized (this)
        {
            final ChannelStream stream = streams.get(channel);
            if (stream == null || (stream.live() && stream.stale()))
            {
                return false;
            }
            if (!stream.live())
            {
                accepted = stream.hold(push, maxHeld);
                queued = accepted;
            }
            else if (push instanceof ChannelFrame && outbound.behind(conflation.messages(), conflation.chars()))
            {
                stream.markStale();
                conflating = true;
            }
            else
            {
                final String frame = stream.frameOf(push);
                accepted = frame == null || outbound.offer(frame);
                queued = frame != null && accepted;
            }
        }
        if (conflating)
        {
            outbound.whenDrained(this::caughtUp);
        }
        if (!accepted)
        {
            onOverflow.accept(this);
        }
        return queued;
    }

    /** The client read everything queued: each stale stream holds pushes again and asks for a fresh snapshot. */
    private void caughtUp()
    {
        final List<String> resync = new ArrayList<>();
        synchronized (this)
        {
            streams.forEach((channel, stream) ->
            {
                if (stream.live() && stream.stale())
                {
                    stream.restartHolding();
                    resync.add(channel);
                }
            });
        }
        resync.forEach(channel -> conflation.resync().accept(this, channel));
    }

    /**
     * When a public channel's subscriber is conflated: at least {@code messages} frames or {@code chars}
     * characters waiting for it; {@code resync} then takes a fresh snapshot for it, off the event loop.
     */
    record Conflation(int messages, long chars, BiConsumer<Session, String> resync)
    {
    }

    /** Stops everything and closes the socket; true the first time only. The caller forgets the session. */
    boolean close(final int code, final String reason)
    {
        if (!closed.compareAndSet(false, true))
        {
            return false;
        }
        requests.stop();
        synchronized (this)
        {
            outbound.stop();
            streams.clear();
        }
        if (!connection.isClosed())
        {
            connection.close(new CloseReason(code, reason)).subscribe().with(done -> { }, failure -> { });
        }
        return true;
    }

    /** The socket closed by itself (client, network): release the queues. */
    void closed()
    {
        closed.set(true);
        requests.stop();
        synchronized (this)
        {
            outbound.stop();
            streams.clear();
        }
    }
}
