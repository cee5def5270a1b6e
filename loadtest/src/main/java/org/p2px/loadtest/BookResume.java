package org.p2px.loadtest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code book-resume --server A --then B}: a client of gateway A that keeps a copy of the book of the next market
 * created (a trade run's), checking every delta's chain and checksum, while a second connection watches the same
 * book on gateway B. When A goes away (killed), the client subscribes on B with {@code since} its copy's seq: B
 * must resume it (no snapshot), and the copy must end equal to a fresh snapshot of B. Proves that a public
 * channel's seq means the same on every gateway of one cluster. Exit 0 when it did, 1 when not.
 */
final class BookResume
{
    private static final String MARKETS = "/api/v1/markets";
    private static final long QUIET_MS = 2_000;

    private final URI first;
    private final URI second;
    private final long deadline;
    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client = vertx.createWebSocketClient();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<JsonObject>> sides = Map.of("BUY", new ArrayList<>(), "SELL", new ArrayList<>());
    private long seq = -1;
    private int deltas;

    private BookResume(final URI first, final URI second, final int seconds)
    {
        this.first = first;
        this.second = second;
        this.deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(seconds);
    }

    static int run(final Options options) throws Exception
    {
        final URI first = options.server("http://127.0.0.1:8080");
        final URI second = URI.create(options.text("then", ""));
        if (!"http".equals(second.getScheme()) || !"127.0.0.1".equals(second.getHost()) || second.getPort() < 0)
        {
            throw new Options.BadOption("--then must be http://127.0.0.1:PORT, the other gateway");
        }
        final int seconds = options.integer("seconds", 120, 5, 3_600);
        options.checkAllRead();
        final BookResume run = new BookResume(first, second, seconds);
        try
        {
            return run.follow();
        }
        finally
        {
            run.vertx.close();
        }
    }

    private int follow() throws Exception
    {
        final Rest rest = new Rest(vertx, first, 1);
        final Set<String> before = symbols(rest);
        String market = null;
        while (market == null && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(100);
            market = symbols(rest).stream().filter(symbol -> !before.contains(symbol)).findFirst().orElse(null);
        }
        if (market == null)
        {
            return fail("no market was created on " + first);
        }
        final String channel = "book." + market;
        Console.log("book-resume: following " + channel + " on " + first + ", watched on " + second + " too");
        final Connection watcher = Connection.open(client, second);
        // Gateway B learns of a market another gateway created when it next reads the catalogue (every few seconds).
        while (watcher.subscribe(channel, null) == null)
        {
            if (System.currentTimeMillis() > deadline)
            {
                return fail(second + " never knew " + channel);
            }
            Thread.sleep(200);
        }
        final Connection onFirst = Connection.open(client, first);
        if (onFirst.subscribe(channel, null) == null)
        {
            return fail(first + " refused " + channel);
        }
        JsonObject frame;
        while ((frame = onFirst.next(deadline)) != null)
        {
            apply(frame);
        }
        if (onFirst.isOpen())
        {
            return fail(first + " did not go away within the run");
        }
        Console.log("book-resume: " + first + " went away after " + deltas + " deltas; the copy is at seq " + seq);
        if (deltas == 0)
        {
            return fail("no delta came from " + first + ": nothing to resume");
        }
        final Connection onSecond = Connection.open(client, second);
        final JsonObject result = onSecond.subscribe(channel, seq);
        final boolean resumed = result != null && result.getBoolean("resumed", false);
        if (!resumed)
        {
            problems.add(second + " did not resume the copy from seq " + seq + ": " + result);
        }
        final long quietUntil = System.currentTimeMillis() + QUIET_MS;
        while ((frame = onSecond.next(quietUntil)) != null)
        {
            apply(frame);
        }
        final Connection check = Connection.open(client, second);
        if (check.subscribe(channel, null) == null)
        {
            return fail(second + " refused " + channel);
        }
        final JsonObject snapshot = check.next(deadline);
        if (snapshot == null || checksum() != snapshot.getJsonObject("data").getLong("checksum"))
        {
            problems.add("the resumed copy (seq " + seq + ", checksum " + checksum() + ") differs from a fresh snapshot "
                + "of " + second + ": " + (snapshot == null ? "none" : snapshot.getLong("seq") + " "
                + snapshot.getJsonObject("data").getLong("checksum")));
        }
        List.of(watcher, onSecond, check).forEach(Connection::close);
        Console.log("book-resume: resumed on " + second + ": " + resumed + "; " + deltas + " deltas applied in all; "
            + (problems.isEmpty() ? "the copy equals the gateway's window" : problems.size() + " problems"));
        problems.forEach(problem -> Console.log("book-resume: " + problem));
        return problems.isEmpty() ? 0 : 1;
    }

    private int fail(final String why)
    {
        Console.log("book-resume: " + why);
        return 1;
    }

    private static Set<String> symbols(final Rest rest)
    {
        final Set<String> symbols = new HashSet<>();
        final Object markets = rest.call("GET", MARKETS, null, null);
        ((JsonArray)markets).forEach(market -> symbols.add(((JsonObject)market).getString("symbol")));
        return symbols;
    }

    /** As docs/protocol.md, "Keeping a local book": chained by prev, each checksum compared. */
    private void apply(final JsonObject frame)
    {
        final JsonObject data = frame.getJsonObject("data");
        final long frameSeq = frame.getLong("seq");
        if ("snapshot".equals(frame.getString("type")))
        {
            if (seq >= 0)
            {
                problems.add("a snapshot in the middle, at seq " + frameSeq);
            }
            for (final String side : List.of("BUY", "SELL"))
            {
                sides.get(side).clear();
                data.getJsonArray(side.toLowerCase(java.util.Locale.ROOT)).forEach(ad -> sides.get(side).add((JsonObject)ad));
            }
        }
        else if (frameSeq <= seq)
        {
            return;
        }
        else if (frame.getLong("prev") > seq)
        {
            problems.add("gap: seq " + frameSeq + " (prev " + frame.getLong("prev") + ") after " + seq);
        }
        else
        {
            deltas++;
            data.getJsonArray("changes").forEach(change -> applySide((JsonObject)change));
        }
        seq = frameSeq;
        if (checksum() != data.getLong("checksum"))
        {
            problems.add("checksum differs at seq " + frameSeq);
        }
    }

    private void applySide(final JsonObject change)
    {
        final List<JsonObject> side = sides.get(change.getString("side"));
        final Set<Long> gone = new HashSet<>();
        change.getJsonArray("removes").forEach(removal -> gone.add(((JsonObject)removal).getLong("id")));
        change.getJsonArray("upserts").forEach(upsert -> gone.add(((JsonObject)upsert).getJsonObject("ad").getLong("id")));
        side.removeIf(ad -> gone.contains(ad.getLong("id")));
        change.getJsonArray("upserts").forEach(entry ->
        {
            final JsonObject upsert = (JsonObject)entry;
            side.add(Math.min(upsert.getInteger("position"), side.size()), upsert.getJsonObject("ad"));
        });
    }

    private long checksum()
    {
        final StringBuilder text = new StringBuilder();
        for (final String side : List.of("BUY", "SELL"))
        {
            text.append(side);
            for (final JsonObject ad : sides.get(side))
            {
                text.append('|').append(ad.getLong("id")).append(':').append(ad.getString("price")).append(':')
                    .append(ad.getString("remaining"));
            }
        }
        final CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** One WebSocket: replies answered in order, one channel's pushes queued. */
    private static final class Connection
    {
        private static final JsonObject CLOSED = new JsonObject();
        private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        private final WebSocket socket;
        private volatile boolean open = true;

        private Connection(final WebSocket socket)
        {
            this.socket = socket;
            socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
            socket.closeHandler(ignored ->
            {
                open = false;
                frames.add(CLOSED);
            });
        }

        static Connection open(final WebSocketClient client, final URI server) throws Exception
        {
            return new Connection(client.connect(new WebSocketConnectOptions().setHost(server.getHost())
                .setPort(server.getPort()).setURI("/ws").setTimeout(10_000)).toCompletionStage().toCompletableFuture()
                .get(15, TimeUnit.SECONDS));
        }

        /** Subscribes (from {@code since} when given) and answers the reply's result, or null when refused. */
        JsonObject subscribe(final String channel, final Long since) throws InterruptedException
        {
            final JsonObject args = new JsonObject().put("channel", channel);
            if (since != null)
            {
                args.put("since", since);
            }
            socket.writeTextMessage(new JsonObject().put("id", "s").put("op", "subscribe").put("args", args).encode());
            final JsonObject reply = frames.poll(15, TimeUnit.SECONDS);
            if (reply == null || reply == CLOSED)
            {
                throw new ApiError("SUBSCRIBE", "no answer to subscribe " + channel);
            }
            return Boolean.TRUE.equals(reply.getBoolean("ok")) ? reply.getJsonObject("result") : null;
        }

        /** The next push, or null once the connection closed or {@code until} (epoch ms) passed. */
        JsonObject next(final long until) throws InterruptedException
        {
            final JsonObject frame = frames.poll(Math.max(0, until - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            return frame == null || frame == CLOSED ? null : frame;
        }

        boolean isOpen()
        {
            return open;
        }

        void close()
        {
            if (open)
            {
                socket.close();
            }
        }
    }
}
