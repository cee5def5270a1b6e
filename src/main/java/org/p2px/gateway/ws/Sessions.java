package org.p2px.gateway.ws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

/**
 * Every open session, indexed by signed-in user and by public channel, so that a push finds its receivers without
 * scanning every connection. Private channels are reached through the user index; the session itself knows which
 * channels it subscribed to. It counts, for the metrics, the pushes it queued and the slow clients it closed.
 */
@Singleton
public class Sessions
{
    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    private final WsSettings settings;
    private final Instance<SnapshotPushes> snapshots;
    private final Set<Session> all = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<Long, Set<Session>> byUser = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<Session>> byChannel = new ConcurrentHashMap<>();
    private final LongAdder pushes = new LongAdder();
    private final LongAdder slowClientsClosed = new LongAdder();

    public Sessions(final WsSettings settings, final Instance<SnapshotPushes> snapshots)
    {
        this.settings = settings;
        this.snapshots = snapshots;
    }

    /** A new connection's session; its frames are written on {@code eventLoop}, the connection's context. */
    Session open(final WebSocketConnection connection, final Context eventLoop)
    {
        final EventExecutor loop = ((ContextInternal)eventLoop).nettyEventLoop();
        final Outbound outbound = new Outbound(task -> eventLoop.runOnContext(ignored -> task.run()), loop::inEventLoop,
            FrameWriters.of(connection),
            settings.outbound().maxMessages(), settings.outbound().maxBytes());
        final long now = System.nanoTime();
        final Session session = new Session(connection, loop, outbound,
            new TokenBucket(settings.rateLimit().perSecond(), settings.rateLimit().burst(), now),
            new SerialRequests(workers(), loop, loop::inEventLoop, settings.maxPendingRequests()), settings.outbound().maxMessages(),
            new Session.Conflation(settings.outbound().conflateMessages(), settings.outbound().conflateBytes(),
                this::resync),
            this::overflowed, now);
        connection.userData().put(Session.KEY, session);
        all.add(session);
        return session;
    }

    Optional<Session> of(final WebSocketConnection connection)
    {
        return Optional.ofNullable(connection.userData().get(Session.KEY));
    }

    Collection<Session> all()
    {
        return List.copyOf(all);
    }

    void signIn(final Session session, final WsLogin login)
    {
        session.signIn(login);
        final long userId = login.caller().userId();
        byUser.compute(userId, (id, sessions) -> added(sessions, session));
        if (session.isClosed())
        {
            // Closed while signing in: forget() may have run before the line above.
            byUser.computeIfPresent(userId, (id, sessions) -> removed(sessions, session));
        }
    }

    /** Opens the session's stream for {@code channel} (holding pushes back) and indexes it. */
    Session.StreamOpening subscribe(final Session session, final String channel)
    {
        final Session.StreamOpening opening = session.openStream(channel, settings.maxSubscriptions());
        if (opening == Session.StreamOpening.OPENED && (Channels.isPublic(channel) || Channels.isStaff(channel)))
        {
            byChannel.compute(channel, (name, sessions) -> added(sessions, session));
        }
        return opening;
    }

    boolean unsubscribe(final Session session, final String channel)
    {
        byChannel.computeIfPresent(channel, (name, sessions) -> removed(sessions, session));
        return session.dropStream(channel);
    }

    /**
     * To every subscriber of the channel: one task per event loop, which offers the frame to each of its
     * connections in turn, so each is written at once from its own loop (no task per connection).
     */
    void toChannel(final String channel, final Push push)
    {
        final Set<Session> sessions = byChannel.get(channel);
        if (sessions == null)
        {
            return;
        }
        final Map<EventExecutor, List<Session>> byLoop = new HashMap<>();
        sessions.forEach(session -> byLoop.computeIfAbsent(session.eventLoop(), loop -> new ArrayList<>()).add(session));
        byLoop.forEach((loop, onLoop) -> loop.execute(() -> onLoop.forEach(session -> push(session, channel, push))));
    }

    void toUser(final long userId, final String channel, final PushText push)
    {
        final Set<Session> sessions = byUser.get(userId);
        if (sessions != null)
        {
            sessions.forEach(session -> push(session, channel, push));
        }
    }

    private void push(final Session session, final String channel, final Push push)
    {
        if (session.push(channel, push))
        {
            pushes.increment();
        }
    }

    boolean hasSubscribers(final String channel)
    {
        return byChannel.containsKey(channel);
    }

    boolean isOnline(final long userId)
    {
        return byUser.containsKey(userId);
    }

    /** Closes every connection of {@code userId} signed in with API key {@code keyId}. */
    void closeSignedInWith(final long userId, final String keyId, final int code, final String reason)
    {
        final Set<Session> sessions = byUser.get(userId);
        if (sessions != null)
        {
            List.copyOf(sessions).stream()
                .filter(session -> session.login() != null && keyId.equals(session.login().caller().apiKeyId()))
                .forEach(session -> close(session, code, reason));
        }
    }

    /** Closes the connection with {@code code} and frees its state at once, whatever the client does next. */
    void close(final Session session, final int code, final String reason)
    {
        if (session.close(code, reason))
        {
            LOG.log(System.Logger.Level.DEBUG, "closed WebSocket {0}: {1} {2}", session.id(), code, reason);
        }
        forget(session);
    }

    /** The socket is gone: drop every reference to the session. */
    void closed(final Session session)
    {
        session.closed();
        forget(session);
    }

    /** Open connections (for the metrics). */
    public int openCount()
    {
        return all.size();
    }

    /** Channel subscriptions over all open connections, counted now (for the metrics: a walk over every session). */
    public long subscriptionCount()
    {
        return all.stream().mapToLong(Session::streamCount).sum();
    }

    /** Channel pushes queued for (or held for) a subscriber so far. */
    public long pushCount()
    {
        return pushes.sum();
    }

    /** Connections closed because their client did not read its frames and the outbound queue filled up. */
    public long slowClientsClosed()
    {
        return slowClientsClosed.sum();
    }

    /** How many signed-in connections the user has open. */
    int openCount(final long userId)
    {
        final Set<Session> sessions = byUser.get(userId);
        return sessions == null ? 0 : sessions.size();
    }

    /** A fresh snapshot for a conflated subscriber, taken on a worker (the view may be a moment away). */
    private void resync(final Session session, final String channel)
    {
        workers().execute(() ->
        {
            try
            {
                session.restartStream(channel, StreamStart.snapshot(snapshots.get().snapshot(channel, session.caller())));
            }
            catch (final RuntimeException ex)
            {
                LOG.log(System.Logger.Level.WARNING, "no fresh snapshot of " + channel + " for WebSocket " + session.id(), ex);
                close(session, CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and re-subscribe");
            }
        });
    }

    private void overflowed(final Session session)
    {
        LOG.log(System.Logger.Level.INFO, "WebSocket {0} does not read its frames; closing it", session.id());
        slowClientsClosed.increment();
        close(session, CloseCodes.TRY_AGAIN_LATER, "too slow: outbound queue full; reconnect and re-subscribe");
    }

    private void forget(final Session session)
    {
        all.remove(session);
        final WsLogin login = session.login();
        if (login != null)
        {
            byUser.computeIfPresent(login.caller().userId(), (id, sessions) -> removed(sessions, session));
        }
        byChannel.keySet().forEach(channel -> byChannel.computeIfPresent(channel, (name, sessions) -> removed(sessions, session)));
    }

    private static Set<Session> added(final Set<Session> sessions, final Session session)
    {
        final Set<Session> result = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
        result.add(session);
        return result;
    }

    /** The set without the session, or null (which removes the map entry) once it is empty. */
    private static Set<Session> removed(final Set<Session> sessions, final Session session)
    {
        sessions.remove(session);
        return sessions.isEmpty() ? null : sessions;
    }

    /** Mutiny's worker pool, read when used: this singleton may be built before Mutiny's start-up step sets it. */
    private static Executor workers()
    {
        return Infrastructure.getDefaultWorkerPool();
    }
}
