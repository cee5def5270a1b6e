package org.p2px.gateway.ws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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
    private final Outbound outbound;
    private final TokenBucket bucket;
    private final SerialRequests requests;
    private final int maxHeld;
    private final Consumer<Session> onOverflow;
    private final Map<String, ChannelStream> streams = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WsLogin login;
    private volatile long lastHeardNanos;
    private int refusals;
    private long lastRefusalNanos;

    Session(final WebSocketConnection connection, final Outbound outbound, final TokenBucket bucket,
        final SerialRequests requests, final int maxHeld, final Consumer<Session> onOverflow, final long nowNanos)
    {
        this.connection = connection;
        this.outbound = outbound;
        this.bucket = bucket;
        this.requests = requests;
        this.maxHeld = maxHeld;
        this.onOverflow = onOverflow;
        this.lastHeardNanos = nowNanos;
        this.lastRefusalNanos = nowNanos - BACK_OFF_NANOS;
    }

    String id()
    {
        return connection.id();
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

    boolean enqueue(final Runnable request)
    {
        return requests.offer(request);
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

    /** Registers a stream that holds pushes back until {@link #startStream}; false if already subscribed or closed. */
    synchronized boolean openStream(final String channel)
    {
        if (closed.get() || streams.containsKey(channel))
        {
            return false;
        }
        streams.put(channel, new ChannelStream());
        return true;
    }

    /** Sends the subscribe reply, the snapshot (seq 1), then what arrived meanwhile, and goes live. */
    void startStream(final String channel, final String reply, final PushText snapshot)
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
            accepted &= outbound.offer(snapshot.frame(stream.nextSeq()));
            for (final PushText push : stream.goLive())
            {
                accepted &= outbound.offer(push.frame(stream.nextSeq()));
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

    /** Numbers and sends a push if this connection subscribed to its channel (holds it back during a snapshot). */
    void push(final String channel, final PushText push)
    {
        final boolean accepted;
        synchronized (this)
        {
            final ChannelStream stream = streams.get(channel);
            if (stream == null)
            {
                return;
            }
            accepted = stream.live() ? outbound.offer(push.frame(stream.nextSeq())) : stream.hold(push, maxHeld);
        }
        if (!accepted)
        {
            onOverflow.accept(this);
        }
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
