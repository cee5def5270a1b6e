// p2px load test: simulated takers and merchant bots trade over the WebSocket against a server on 127.0.0.1.
// One file, JDK only (Java 17+), no build:  java loadtest/LoadTest.java [--smoke] [options]
// What it measures and how to read the report: loadtest/README.md. Protocol: docs/api.md and docs/protocol.md.

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

public final class LoadTest
{
    public static void main(final String[] argv) throws Exception
    {
        final Options options;
        try
        {
            options = Options.parse(argv);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println(e.getMessage() + "\n\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help)
        {
            System.out.println(Options.USAGE);
            return;
        }
        final Scenario scenario = new Scenario(options);
        try
        {
            scenario.setUp();
            scenario.run();
            if (options.ping)
            {
                scenario.pingBaseline();
            }
            scenario.stopLoad();
            scenario.checkConservation();
        }
        catch (final Exception e)
        {
            // A server that is not there, refuses the admin or a WebSocket upgrade: no load was measured.
            System.err.println("load test stopped: " + (e instanceof ApiError ? e.getMessage() : e.toString()));
            scenario.close();
            System.exit(3);
        }
        scenario.close();
        scenario.report.print(System.out);
        System.exit(scenario.report.passed() ? 0 : 1);
    }

    static void log(final String line)
    {
        System.out.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), line);
    }

    /** The command line, checked once; every count and time is bounded so that a typo cannot flood a machine. */
    static final class Options
    {
        static final String USAGE = """
            usage: java loadtest/LoadTest.java [--smoke] [options]
              --server URL           the server, only on 127.0.0.1 (default http://127.0.0.1:8080)
              --admin-user NAME      an admin account (default admin, the dev-mode default)
              --admin-password PW    its password (default admin; or env P2PX_ADMIN_PASSWORD)
              --merchants N          merchant bots, one SELL ad each (default 5, at most 500)
              --takers N             takers (default 20, at most 2000)
              --rate R               offered trade cycles per second (default 20, at most 5000)
              --duration S           seconds of offered load (default 30, at most 600)
              --timeout S            seconds a cycle may take before it counts as lost (default 30, at most 120)
              --amount FIAT          EUR per order (default 100.00)
              --no-ping              skip the baseline: ping over the same connections at the trade run's request rate
              --smoke                the CI form: 2 merchants, 4 takers, rate 5, 10 s, no baseline (other options override it)
            exit status: 0 passed; 1 a cycle lost or conservation failed; 2 bad options; 3 setup failed""";

        /** The server allows 20 requests/s per connection: stay well under it, to measure the server, not the limit. */
        static final double MAX_REQUESTS_PER_CONNECTION = 15.0;

        private static final Set<String> VALUED = Set.of("server", "admin-user", "admin-password", "merchants",
            "takers", "rate", "duration", "timeout", "amount");

        boolean help;
        boolean ping = true;
        URI server;
        String adminUser;
        String adminPassword;
        int merchants;
        int takers;
        double rate;
        int duration;
        int timeout;
        String amount;

        static Options parse(final String[] argv)
        {
            final Map<String, String> given = new HashMap<>();
            final Options o = new Options();
            boolean smoke = false;
            for (int i = 0; i < argv.length; i++)
            {
                final String arg = argv[i];
                if (arg.equals("--help") || arg.equals("-h"))
                {
                    o.help = true;
                    return o;
                }
                if (arg.equals("--smoke"))
                {
                    smoke = true;
                    continue;
                }
                if (arg.equals("--no-ping"))
                {
                    o.ping = false;
                    continue;
                }
                if (!arg.startsWith("--"))
                {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
                final int eq = arg.indexOf('=');
                final String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (!VALUED.contains(name))
                {
                    throw new IllegalArgumentException("unknown option: --" + name);
                }
                if (eq < 0 && i + 1 >= argv.length)
                {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                given.put(name, eq < 0 ? argv[++i] : arg.substring(eq + 1));
            }
            o.server = localServer(given.getOrDefault("server", "http://127.0.0.1:8080"));
            o.adminUser = given.getOrDefault("admin-user", "admin");
            o.adminPassword = given.getOrDefault("admin-password",
                System.getenv().getOrDefault("P2PX_ADMIN_PASSWORD", "admin"));
            o.merchants = intIn(given, "merchants", smoke ? 2 : 5, 1, 500);
            o.takers = intIn(given, "takers", smoke ? 4 : 20, 1, 2000);
            o.rate = doubleIn(given, "rate", smoke ? 5 : 20, 0.1, 5000);
            o.ping &= !smoke;
            o.duration = intIn(given, "duration", smoke ? 10 : 30, 1, 600);
            o.timeout = intIn(given, "timeout", 30, 1, 120);
            o.amount = given.getOrDefault("amount", "100.00");
            if (!o.amount.matches("\\d{1,7}(\\.\\d{1,2})?") || new BigDecimal(o.amount).compareTo(BigDecimal.TEN) < 0)
            {
                throw new IllegalArgumentException("--amount is EUR with at most 2 decimals, from 10 to 9999999");
            }
            // A taker sends two requests per cycle (take, paid), a merchant one (release).
            final double perTaker = 2 * o.rate / o.takers;
            final double perMerchant = o.rate / o.merchants;
            if (perTaker > MAX_REQUESTS_PER_CONNECTION || perMerchant > MAX_REQUESTS_PER_CONNECTION)
            {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--rate %.1f gives %.1f requests/s per taker and %.1f per merchant connection; keep both under %.0f"
                        + " (the server allows 20/s per connection): add takers or merchants",
                    o.rate, perTaker, perMerchant, MAX_REQUESTS_PER_CONNECTION));
            }
            return o;
        }

        /** Only ever the loopback address: this tool opens many accounts and floods the server it is pointed at. */
        private static URI localServer(final String text)
        {
            final URI uri;
            try
            {
                uri = URI.create(text.replaceAll("/+$", ""));
            }
            catch (final IllegalArgumentException e)
            {
                throw new IllegalArgumentException("--server is not a URL: " + text);
            }
            if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost()) || uri.getPort() < 1
                || !(uri.getPath() == null || uri.getPath().isEmpty()) || uri.getQuery() != null)
            {
                throw new IllegalArgumentException("--server must be http://127.0.0.1:<port>, got " + text
                    + " (the load test runs against the local machine only)");
            }
            return uri;
        }

        private static int intIn(final Map<String, String> given, final String name, final int dflt, final int min,
            final int max)
        {
            return (int)doubleIn(given, name, dflt, min, max, true);
        }

        private static double doubleIn(final Map<String, String> given, final String name, final double dflt,
            final double min, final double max)
        {
            return doubleIn(given, name, dflt, min, max, false);
        }

        private static double doubleIn(final Map<String, String> given, final String name, final double dflt,
            final double min, final double max, final boolean whole)
        {
            if (!given.containsKey(name))
            {
                return dflt;
            }
            try
            {
                final double value = Double.parseDouble(given.get(name));
                if (value >= min && value <= max && (!whole || value == Math.rint(value)))
                {
                    return value;
                }
            }
            catch (final NumberFormatException ignored)
            {
                // falls through to the message below
            }
            throw new IllegalArgumentException("--" + name + " must be " + (whole ? "a whole number " : "")
                + "from " + fmt(min) + " to " + fmt(max));
        }

        private static String fmt(final double v)
        {
            return v == Math.rint(v) ? String.valueOf((long)v) : String.valueOf(v);
        }

        double requestsPerTaker()
        {
            return 2 * rate / takers;
        }
    }

    /** A refusal from the server over REST, or a server that cannot be reached: stops the setup. */
    static final class ApiError extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        final String code;

        ApiError(final String code, final String message)
        {
            super(code + ": " + message);
            this.code = code;
        }
    }

    /**
     * Just enough JSON for this protocol: objects become LinkedHashMap, arrays ArrayList, numbers BigDecimal (amounts
     * must not pass through double), plus String, Boolean and null.
     */
    static final class Json
    {
        private final String s;
        private int i;

        private Json(final String s)
        {
            this.s = s;
        }

        static Object parse(final String text)
        {
            final Json p = new Json(text);
            try
            {
                final Object value = p.value();
                p.skipSpace();
                if (p.i != text.length())
                {
                    throw new IllegalArgumentException("trailing characters at " + p.i);
                }
                return value;
            }
            catch (final StringIndexOutOfBoundsException e)
            {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
        }

        /** Builds an object from alternating keys and values, in that order. */
        static Map<String, Object> obj(final Object... keysAndValues)
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            for (int k = 0; k < keysAndValues.length; k += 2)
            {
                map.put((String)keysAndValues[k], keysAndValues[k + 1]);
            }
            return map;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(final Object value)
        {
            return value instanceof Map ? (Map<String, Object>)value : Map.of();
        }

        static String text(final Object object, final String key)
        {
            final Object v = map(object).get(key);
            return v == null ? null : v.toString();
        }

        static long number(final Object object, final String key)
        {
            final Object v = map(object).get(key);
            return v instanceof BigDecimal ? ((BigDecimal)v).longValueExact() : -1;
        }

        static String write(final Object value)
        {
            final StringBuilder out = new StringBuilder();
            write(out, value);
            return out.toString();
        }

        private static void write(final StringBuilder out, final Object v)
        {
            if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long)
            {
                out.append(v);
            }
            else if (v instanceof BigDecimal)
            {
                out.append(((BigDecimal)v).toPlainString());
            }
            else if (v instanceof Map)
            {
                out.append('{');
                String sep = "";
                for (final Map.Entry<String, Object> e : map(v).entrySet())
                {
                    out.append(sep);
                    quote(out, e.getKey());
                    out.append(':');
                    write(out, e.getValue());
                    sep = ",";
                }
                out.append('}');
            }
            else if (v instanceof List)
            {
                out.append('[');
                String sep = "";
                for (final Object item : (List<?>)v)
                {
                    out.append(sep);
                    write(out, item);
                    sep = ",";
                }
                out.append(']');
            }
            else
            {
                quote(out, v.toString());
            }
        }

        private static void quote(final StringBuilder out, final String text)
        {
            out.append('"');
            for (int k = 0; k < text.length(); k++)
            {
                final char c = text.charAt(k);
                switch (c)
                {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int)c) : String.valueOf(c));
                }
            }
            out.append('"');
        }

        private Object value()
        {
            skipSpace();
            final char c = s.charAt(i);
            if (c == '{')
            {
                return object();
            }
            if (c == '[')
            {
                return array();
            }
            if (c == '"')
            {
                return string();
            }
            if (s.startsWith("true", i) || s.startsWith("null", i))
            {
                i += 4;
                return c == 't' ? Boolean.TRUE : null;
            }
            if (s.startsWith("false", i))
            {
                i += 5;
                return Boolean.FALSE;
            }
            final int start = i;
            while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0)
            {
                i++;
            }
            if (start == i)
            {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
            return new BigDecimal(s.substring(start, i));
        }

        private Map<String, Object> object()
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            i++;
            skipSpace();
            if (s.charAt(i) == '}')
            {
                i++;
                return map;
            }
            while (true)
            {
                skipSpace();
                final String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (s.charAt(i) == ',')
                {
                    i++;
                    continue;
                }
                expect('}');
                return map;
            }
        }

        private List<Object> array()
        {
            final List<Object> list = new ArrayList<>();
            i++;
            skipSpace();
            if (s.charAt(i) == ']')
            {
                i++;
                return list;
            }
            while (true)
            {
                list.add(value());
                skipSpace();
                if (s.charAt(i) == ',')
                {
                    i++;
                    continue;
                }
                expect(']');
                return list;
            }
        }

        private String string()
        {
            expect('"');
            final StringBuilder out = new StringBuilder();
            while (true)
            {
                final char c = s.charAt(i++);
                if (c == '"')
                {
                    return out.toString();
                }
                if (c != '\\')
                {
                    out.append(c);
                    continue;
                }
                final char e = s.charAt(i++);
                switch (e)
                {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' ->
                    {
                        out.append((char)Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void expect(final char c)
        {
            if (s.charAt(i) != c)
            {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void skipSpace()
        {
            while (i < s.length() && Character.isWhitespace(s.charAt(i)))
            {
                i++;
            }
        }
    }

    /** Blocking JSON calls for the setup and the final check; the load itself goes over the WebSocket. */
    static final class Rest
    {
        private final HttpClient http;
        private final URI base;

        Rest(final HttpClient http, final URI base)
        {
            this.http = http;
            this.base = base;
        }

        /** The answer's JSON; any status from 400 up becomes an ApiError carrying the server's code. */
        Object call(final String method, final String path, final String token, final Object body)
        {
            final HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.write(body)));
            if (body != null)
            {
                request.header("Content-Type", "application/json");
            }
            if (token != null)
            {
                request.header("Authorization", "Bearer " + token);
            }
            final HttpResponse<String> response;
            try
            {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (final java.io.IOException e)
            {
                throw new ApiError("UNREACHABLE", method + " " + base.resolve(path) + ": " + e
                    + " (is the server running at --server?)");
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new ApiError("INTERRUPTED", method + " " + path);
            }
            final Object json = response.body().isBlank() ? null : Json.parse(response.body());
            if (response.statusCode() >= 400)
            {
                final String code = Json.text(json, "code");
                throw new ApiError(code == null ? "HTTP_" + response.statusCode() : code,
                    method + " " + path + " answered " + response.statusCode() + " " + Json.text(json, "message"));
            }
            return json;
        }
    }

    /**
     * One signed-in WebSocket connection: requests get futures completed by their replies (matched by id), pushes go
     * to a handler. Times are taken as the frame arrives, before any handler runs, so handlers cannot inflate them.
     */
    static final class Ws implements WebSocket.Listener
    {
        record Reply(boolean ok, Object result, String code, long nanos)
        {
        }

        record Push(String channel, String type, Map<String, Object> data, long nanos)
        {
        }

        private final ConcurrentHashMap<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        private final Consumer<Push> onPush;
        private final Consumer<String> onBadFrame;
        private WebSocket socket;
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
        private volatile String closedCode;
        private final AtomicBoolean closing = new AtomicBoolean();

        private Ws(final Consumer<Push> onPush, final Consumer<String> onBadFrame)
        {
            this.onPush = onPush;
            this.onBadFrame = onBadFrame;
        }

        static Ws open(final HttpClient http, final URI server, final String token, final Consumer<Push> onPush,
            final Consumer<String> onBadFrame)
        {
            final Ws ws = new Ws(onPush, onBadFrame);
            final WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (token != null)
            {
                builder.header("Authorization", "Bearer " + token);
            }
            ws.socket = builder
                .buildAsync(URI.create("ws://" + server.getAuthority() + "/ws"), ws)
                .join();
            return ws;
        }

        /** Never fails: a closed connection answers with a synthetic refusal, counted like any other. */
        CompletableFuture<Reply> request(final String op, final Map<String, Object> args)
        {
            final String id = Long.toString(ids.incrementAndGet());
            final CompletableFuture<Reply> reply = new CompletableFuture<>();
            pending.put(id, reply);
            final String frame = Json.write(Json.obj("id", id, "op", op, "args", args));
            synchronized (this)
            {
                // The JDK WebSocket refuses a send while the previous one is still in flight: chain them.
                lastSend = lastSend.handle((r, e) -> null)
                    .thenCompose(ignored -> socket.sendText(frame, true))
                    .whenComplete((r, e) ->
                    {
                        if (e != null)
                        {
                            answerLocally(id, "SEND_FAILED");
                        }
                    });
            }
            if (closedCode != null)
            {
                answerLocally(id, closedCode);
            }
            return reply;
        }

        /** Idempotent: the run closes every connection once its load ends, and again on the way out. */
        void close()
        {
            if (closedCode == null && !closing.getAndSet(true))
            {
                synchronized (this)
                {
                    lastSend = lastSend.handle((r, e) -> null)
                        .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "load test done"));
                }
            }
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                final long nanos = System.nanoTime();
                final String text = partial.toString();
                partial.setLength(0);
                try
                {
                    dispatch(Json.map(Json.parse(text)), nanos);
                }
                catch (final RuntimeException e)
                {
                    onBadFrame.accept(e + " in " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
                }
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(final Map<String, Object> frame, final long nanos)
        {
            if (frame.containsKey("channel"))
            {
                onPush.accept(new Push(Json.text(frame, "channel"), Json.text(frame, "type"),
                    Json.map(frame.get("data")), nanos));
                return;
            }
            final CompletableFuture<Reply> reply = pending.remove(String.valueOf(frame.get("id")));
            if (reply == null)
            {
                onBadFrame.accept("a reply to no request: " + Json.write(frame));
                return;
            }
            final boolean ok = Boolean.TRUE.equals(frame.get("ok"));
            final String code = ok ? null : Json.text(frame.get("error"), "code");
            reply.complete(new Reply(ok, frame.get("result"), code, nanos));
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed("CLOSED_" + statusCode);
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            closed("CONNECTION_ERROR");
        }

        private void closed(final String code)
        {
            closedCode = code;
            for (final String id : List.copyOf(pending.keySet()))
            {
                answerLocally(id, code);
            }
        }

        private void answerLocally(final String id, final String code)
        {
            final CompletableFuture<Reply> reply = pending.remove(id);
            if (reply != null)
            {
                reply.complete(new Reply(false, null, code, System.nanoTime()));
            }
        }
    }

    /**
     * Latencies in microseconds, in log buckets: values below 16 exactly, above that 16 linear sub-buckets per power of
     * two, so a reported percentile is at most 1/16 (6.25%) above the true value. Lock-free, safe from any thread.
     */
    static final class Histogram
    {
        private static final int SUB_BITS = 4;
        private static final int SUB = 1 << SUB_BITS;
        private final AtomicLongArray counts = new AtomicLongArray(SUB + (64 - SUB_BITS) * SUB);
        private final LongAdder total = new LongAdder();
        private final AtomicLong max = new AtomicLong();

        void recordNanos(final long nanos)
        {
            final long micros = Math.max(0, nanos / 1000);
            counts.incrementAndGet(index(micros));
            total.increment();
            max.accumulateAndGet(micros, Math::max);
        }

        long count()
        {
            return total.sum();
        }

        long maxMicros()
        {
            return max.get();
        }

        /** The smallest bucket bound below which at least {@code fraction} of the values lie (never above the max). */
        long percentileMicros(final double fraction)
        {
            final long n = count();
            if (n == 0)
            {
                return 0;
            }
            final long rank = Math.max(1, (long)Math.ceil(fraction * n));
            long seen = 0;
            for (int b = 0; b < counts.length(); b++)
            {
                seen += counts.get(b);
                if (seen >= rank)
                {
                    return Math.min(upperBound(b), max.get());
                }
            }
            return max.get();
        }

        static int index(final long v)
        {
            if (v < SUB)
            {
                return (int)v;
            }
            final int exp = 63 - Long.numberOfLeadingZeros(v);
            final int sub = (int)(v >>> (exp - SUB_BITS)) & (SUB - 1);
            return SUB + (exp - SUB_BITS) * SUB + sub;
        }

        static long upperBound(final int index)
        {
            if (index < SUB)
            {
                return index;
            }
            final int shift = (index - SUB) / SUB;
            final long low = (long)(SUB + (index - SUB) % SUB) << shift;
            return low + (1L << shift) - 1;
        }
    }

    /** One trade cycle: take, paid, release, completed. Its fields are written by reply and push handlers. */
    static final class Cycle
    {
        final int index;
        final User taker;
        final User merchant;
        final long intendedNanos;
        volatile long orderId = -1;
        volatile String refusedWith;
        volatile String lastProblem;
        private boolean completed;
        private long completedNanos;
        private BigDecimal[] amounts;

        Cycle(final int index, final User taker, final User merchant, final long intendedNanos)
        {
            this.index = index;
            this.taker = taker;
            this.merchant = merchant;
            this.intendedNanos = intendedNanos;
        }

        /** True the first time only: the orders channel may deliver the same completed order twice. */
        synchronized boolean complete(final Map<String, Object> order, final long atNanos)
        {
            if (completed)
            {
                return false;
            }
            completed = true;
            completedNanos = atNanos;
            amounts = Scenario.amounts(order);
            return true;
        }

        synchronized BigDecimal[] amounts()
        {
            return amounts;
        }

        synchronized boolean isCompleted()
        {
            return completed;
        }

        synchronized boolean completedWithin(final long timeoutNanos)
        {
            return completed && completedNanos - intendedNanos <= timeoutNanos;
        }

        boolean isDone()
        {
            return isCompleted() || refusedWith != null;
        }
    }

    /** A simulated person: a taker, or a merchant with one SELL ad. */
    static final class User
    {
        final String name;
        final String password;
        long id;
        String token;
        Ws ws;
        long adId;
        String keyId;
        String secret;
        BigDecimal deposit = BigDecimal.ZERO;
        final Set<Long> releasing = ConcurrentHashMap.newKeySet();

        User(final String name, final String password)
        {
            this.name = name;
            this.password = password;
        }
    }

    /** Sets up a market of its own with merchants and takers over REST, then offers trade cycles over the WebSocket. */
    static final class Scenario
    {
        private static final Set<String> RETRYABLE =
            Set.of("RATE_LIMITED", "BUSY", "SERVICE_UNAVAILABLE", "ENGINE_TIMEOUT");
        private static final String PRICE = "0.9000";
        private static final SecureRandom RANDOM = new SecureRandom();

        final Report report = new Report();
        private final Options o;
        private final HttpClient http;
        private final Rest rest;
        private final String runId = randomBase36().substring(6);
        private final String asset = "LT" + runId.toUpperCase(Locale.ROOT);
        private final String market = asset + "-EUR";
        private final List<User> merchants = new ArrayList<>();
        private final List<User> takers = new ArrayList<>();
        private final ConcurrentHashMap<Long, Cycle> cyclesByOrder = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r ->
        {
            final Thread t = new Thread(r, "lt-timers");
            t.setDaemon(true);
            return t;
        });
        private Cycle[] cycles = new Cycle[0];
        private String adminToken;

        Scenario(final Options o)
        {
            this.o = o;
            // HTTP/1.1: the WebSocket needs it, and it is what bots speak to this server (see docs/api.md).
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
            this.rest = new Rest(http, o.server);
        }

        void setUp() throws Exception
        {
            log("server " + o.server + ", market " + market + ", " + o.merchants + " merchants, " + o.takers
                + " takers");
            adminToken = Json.text(rest.call("POST", "/api/v1/auth/signin", null,
                Json.obj("username", o.adminUser, "password", o.adminPassword)), "accessToken");
            try
            {
                rest.call("POST", "/api/v1/admin/assets", adminToken,
                    Json.obj("code", "EUR", "scale", 2, "fiat", true));
            }
            catch (final ApiError e)
            {
                if (!"ASSET_CODE_TAKEN".equals(e.code))
                {
                    throw e;
                }
            }
            rest.call("POST", "/api/v1/admin/assets", adminToken, Json.obj("code", asset, "scale", 6, "fiat", false));
            // Fees on both sides, so that the conservation check also covers the fee arithmetic.
            rest.call("POST", "/api/v1/admin/markets", adminToken, Json.obj("asset", asset, "fiat", "EUR",
                "priceScale", 4, "priceTick", "0.0001", "minOrderFiat", "10", "makerFeeBps", 10, "takerFeeBps", 5,
                "paymentMethods", List.of("SEPA")));
            rest.call("PUT", "/api/v1/admin/markets/" + market + "/index-price", adminToken, Json.obj("price", PRICE));

            // Sign-ups hash passwords with bcrypt: a few in parallel, not all at once.
            final ExecutorService pool = Executors.newFixedThreadPool(4);
            final List<Future<?>> work = new ArrayList<>();
            for (int m = 0; m < o.merchants; m++)
            {
                final User merchant = newUser("m" + m);
                merchants.add(merchant);
                work.add(pool.submit(() -> setUpMerchant(merchant)));
            }
            for (int t = 0; t < o.takers; t++)
            {
                final User taker = newUser("t" + t);
                takers.add(taker);
                work.add(pool.submit(() -> signUp(taker)));
            }
            try
            {
                for (final Future<?> f : work)
                {
                    f.get();
                }
            }
            catch (final java.util.concurrent.ExecutionException e)
            {
                throw e.getCause() instanceof ApiError ? (ApiError)e.getCause()
                    : new ApiError("SETUP", e.getCause().toString());
            }
            finally
            {
                pool.shutdown();
            }
            log("signed up " + o.merchants + " merchants with ads and " + o.takers + " takers; opening WebSockets");
            for (final User merchant : merchants)
            {
                merchant.ws = Ws.open(http, o.server, null, push -> onMerchantPush(merchant, push),
                    report::badFrame);
                final long timestamp = System.currentTimeMillis();
                final Ws.Reply login = merchant.ws.request("auth.apikey", Json.obj("keyId", merchant.keyId,
                    "timestamp", String.valueOf(timestamp),
                    "signature", hmacSha256Hex(merchant.secret, timestamp + "\nGET\n/ws\n\n"))).get(30, TimeUnit.SECONDS);
                if (!login.ok())
                {
                    throw new ApiError(login.code(), "API-key sign-in for " + merchant.name);
                }
            }
            for (final User taker : takers)
            {
                taker.ws = Ws.open(http, o.server, taker.token, push -> onTakerPush(taker, push), report::badFrame);
            }
            final List<User> everyone = new ArrayList<>(merchants);
            everyone.addAll(takers);
            for (final User user : everyone)
            {
                final Ws.Reply reply = user.ws.request("subscribe", Json.obj("channel", "orders"))
                    .get(30, TimeUnit.SECONDS);
                if (!reply.ok())
                {
                    throw new ApiError(reply.code(), "subscribe orders for " + user.name);
                }
            }
        }

        private User newUser(final String role)
        {
            return new User("lt_" + runId + "_" + role, "lt-pass-" + randomBase36());
        }

        /** Twelve random base-36 characters: bit 61 set, so the text never comes out shorter. */
        private static String randomBase36()
        {
            return Long.toString((RANDOM.nextLong() >>> 3) | (1L << 61), 36).substring(0, 12);
        }

        private void signUp(final User user)
        {
            final Object session = rest.call("POST", "/api/v1/auth/signup", null,
                Json.obj("username", user.name, "password", user.password));
            user.token = Json.text(session, "accessToken");
            user.id = Json.number(Json.map(session).get("user"), "id");
        }

        private void setUpMerchant(final User m)
        {
            signUp(m);
            rest.call("PUT", "/api/v1/admin/users/" + m.id + "/role", adminToken, Json.obj("role", "MERCHANT"));
            // A new role shows in the next token; sign in again rather than rely on the core alone.
            m.token = Json.text(rest.call("POST", "/api/v1/auth/signin", null,
                Json.obj("username", m.name, "password", m.password)), "accessToken");
            // Twice what this merchant's share of the cycles needs, so that a run never ends for want of stock.
            final BigDecimal perOrder = new BigDecimal(o.amount).divide(new BigDecimal(PRICE), 6, RoundingMode.UP);
            final long cyclesEach = (long)Math.ceil(o.rate * o.duration / o.merchants) + 1;
            m.deposit = perOrder.multiply(BigDecimal.valueOf(2 * cyclesEach)).setScale(0, RoundingMode.UP)
                .max(BigDecimal.valueOf(10_000));
            rest.call("POST", "/api/v1/admin/deposits", adminToken,
                Json.obj("userId", m.id, "asset", asset, "amount", m.deposit));
            // Merchants run bots: an API key with RELEASE releases without a person's fund password (and its bcrypt).
            final Object key = rest.call("POST", "/api/v1/account/api-keys", m.token,
                Json.obj("label", "loadtest", "permissions", List.of("READ", "TRADE", "RELEASE")));
            m.keyId = Json.text(key, "keyId");
            m.secret = Json.text(key, "secret");
            // The ad reserves its quantity plus the 10 bps maker fee: leave room for the fee.
            final BigDecimal quantity = m.deposit.multiply(new BigDecimal("0.99")).setScale(6, RoundingMode.DOWN);
            final Object ad = rest.call("POST", "/api/v1/ads", m.token, Json.obj("market", market, "side", "SELL",
                "quantity", quantity, "terms", Json.obj("priceType", "FIXED", "price", PRICE, "minFiat", "10",
                    "maxFiat", "1000000", "paymentMethods", List.of("SEPA"), "paymentWindowMinutes", 15)));
            m.adId = Json.number(ad, "id");
        }

        /** Open loop: cycle i is due at t0 + i/rate whatever happened to the cycles before it. */
        void run() throws InterruptedException
        {
            final int total = (int)Math.round(o.rate * o.duration);
            cycles = new Cycle[total];
            final long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            report.start(o, market, t0);
            log(String.format(Locale.ROOT, "offering %d cycles at %.1f/s for %d s (%.1f requests/s per taker, %.1f per"
                + " merchant)", total, o.rate, o.duration, o.requestsPerTaker(), o.rate / o.merchants));
            final Thread scheduler = new Thread(() ->
            {
                for (int i = 0; i < total; i++)
                {
                    final long intended = t0 + (long)(i * 1e9 / o.rate);
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0)
                    {
                        LockSupport.parkNanos(wait);
                    }
                    startCycle(i, intended);
                }
            }, "lt-scheduler");
            scheduler.start();
            final var progress = timers.scheduleAtFixedRate(this::logProgress, 5, 5, TimeUnit.SECONDS);
            scheduler.join();
            // Every cycle gets its full timeout from its intended start, so the last one bounds the wait.
            final long deadline = t0 + (long)((total - 1) * 1e9 / o.rate) + TimeUnit.SECONDS.toNanos(o.timeout);
            while (System.nanoTime() < deadline && !allDone())
            {
                Thread.sleep(20);
            }
            progress.cancel(false);
            logProgress();
            report.finish(cycles, TimeUnit.SECONDS.toNanos(o.timeout));
        }

        /**
         * The baseline of the same run: {@code ping} over the same connections, open loop, at the trade run's request
         * rate (take, paid and release: three requests a cycle) for as long; latency from each intended send time.
         */
        void pingBaseline() throws InterruptedException
        {
            final double rate = 3 * o.rate;
            final int total = (int)Math.round(rate * o.duration);
            final List<User> users = new ArrayList<>(takers);
            users.addAll(merchants);
            final Histogram pings = new Histogram();
            final LongAdder failed = new LongAdder();
            final CountDownLatch answered = new CountDownLatch(total);
            log(String.format(Locale.ROOT, "baseline: %d pings at %.1f/s over the same %d connections", total, rate,
                users.size()));
            final long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            for (int i = 0; i < total; i++)
            {
                final long intended = t0 + (long)(i * 1e9 / rate);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0)
                {
                    LockSupport.parkNanos(wait);
                }
                users.get(i % users.size()).ws.request("ping", Map.of()).thenAccept(reply ->
                {
                    if (reply.ok())
                    {
                        pings.recordNanos(reply.nanos() - intended);
                    }
                    else
                    {
                        failed.increment();
                    }
                    answered.countDown();
                });
            }
            answered.await(o.timeout, TimeUnit.SECONDS);
            report.baseline(pings, failed.sum() + answered.getCount());
        }

        private boolean allDone()
        {
            for (final Cycle c : cycles)
            {
                if (c == null || !c.isDone())
                {
                    return false;
                }
            }
            return true;
        }

        private void logProgress()
        {
            int started = 0;
            int completed = 0;
            int refused = 0;
            for (final Cycle c : cycles)
            {
                if (c != null)
                {
                    started++;
                    completed += c.isCompleted() ? 1 : 0;
                    refused += c.refusedWith != null ? 1 : 0;
                }
            }
            log("started " + started + ", completed " + completed + ", refused " + refused);
        }

        private void startCycle(final int i, final long intended)
        {
            // Takers in turn; merchants shifted once per round of takers, so every pair trades, not a fixed few.
            final User taker = takers.get(i % takers.size());
            final User merchant = merchants.get((i + i / takers.size()) % merchants.size());
            final Cycle c = new Cycle(i, taker, merchant, intended);
            cycles[i] = c;
            taker.ws.request("order.take", Json.obj("adId", merchant.adId, "amount", o.amount, "paymentMethod", "SEPA",
                    "clientOrderId", (long)i + 1))
                .thenAccept(reply -> onTaken(c, reply));
        }

        private void onTaken(final Cycle c, final Ws.Reply reply)
        {
            report.latency("order.take", reply.nanos() - c.intendedNanos);
            if (!reply.ok())
            {
                // A refused take is offered load the server turned away: counted, and the cycle ends here.
                report.error("order.take", reply.code());
                c.refusedWith = reply.code();
                return;
            }
            c.orderId = Json.number(reply.result(), "id");
            cyclesByOrder.put(c.orderId, c);
            sendPaid(c, System.nanoTime());
        }

        private void sendPaid(final Cycle c, final long sentNanos)
        {
            c.taker.ws.request("order.paid", Json.obj("orderId", c.orderId)).thenAccept(reply ->
            {
                report.latency("order.paid", reply.nanos() - sentNanos);
                if (!reply.ok())
                {
                    report.error("order.paid", reply.code());
                    retryOrGiveUp(c, "order.paid", reply.code(), () -> sendPaid(c, System.nanoTime()));
                }
            });
        }

        /** A merchant bot: releases each of its orders once, when the PAID push for it arrives. */
        private void onMerchantPush(final User m, final Ws.Push push)
        {
            if ("order".equals(push.type()) && "PAID".equals(Json.text(push.data(), "state"))
                && Json.number(push.data(), "sellerId") == m.id && m.releasing.add(Json.number(push.data(), "id")))
            {
                sendRelease(m, Json.number(push.data(), "id"), push.nanos());
            }
        }

        private void sendRelease(final User m, final long orderId, final long sentNanos)
        {
            m.ws.request("order.release", Json.obj("orderId", orderId))
                .thenAccept(reply ->
                {
                    report.latency("order.release", reply.nanos() - sentNanos);
                    if (!reply.ok())
                    {
                        report.error("order.release", reply.code());
                        final Cycle c = cyclesByOrder.get(orderId);
                        if (c != null)
                        {
                            retryOrGiveUp(c, "order.release", reply.code(),
                                () -> sendRelease(m, orderId, System.nanoTime()));
                        }
                    }
                });
        }

        /** The cycle ends when the taker's own connection sees the order COMPLETED, not when the release returns. */
        private void onTakerPush(final User t, final Ws.Push push)
        {
            if ("order".equals(push.type()) && "COMPLETED".equals(Json.text(push.data(), "state"))
                && Json.number(push.data(), "buyerId") == t.id)
            {
                final Cycle c = cyclesByOrder.get(Json.number(push.data(), "id"));
                if (c != null && c.complete(push.data(), push.nanos()))
                {
                    report.completed(push.nanos() - c.intendedNanos, push.nanos());
                }
            }
        }

        /** A bot backs off and retries a refusal that says "later" (after 1 s for RATE_LIMITED, as the server asks). */
        private void retryOrGiveUp(final Cycle c, final String op, final String code, final Runnable again)
        {
            final long backoffMs = "RATE_LIMITED".equals(code) ? 1000 : 100;
            final long deadline = c.intendedNanos + TimeUnit.SECONDS.toNanos(o.timeout);
            c.lastProblem = op + " " + code;
            if (RETRYABLE.contains(code) && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs) < deadline)
            {
                try
                {
                    timers.schedule(again, backoffMs, TimeUnit.MILLISECONDS);
                }
                catch (final RejectedExecutionException ended)
                {
                    // The load has stopped: this cycle is already counted as it stands.
                }
            }
        }

        /**
         * Ends the load before the balances are read: no more retries, and the connections closed, so that no release
         * still queued on a merchant's connection is sent afterwards.
         */
        void stopLoad()
        {
            timers.shutdownNow();
            forEachUser(u ->
            {
                if (u.ws != null)
                {
                    u.ws.close();
                }
            });
        }

        /**
         * Every completed order must show in the balances: the takers hold what they received (quantity minus buyer
         * fee) and the merchants are short of what they released (quantity plus seller fee). "Completed" is the
         * server's word: a cycle whose push did not come in time is looked up over REST, since it may have completed
         * after its timeout (it still counts as lost). Balances come from the read models, a moment behind the core,
         * so this asks again for a few seconds before it concludes.
         */
        void checkConservation() throws InterruptedException
        {
            final Map<Long, Object> completedLate = new HashMap<>();
            BigDecimal expectTakers = BigDecimal.ZERO;
            BigDecimal expectReleased = BigDecimal.ZERO;
            BigDecimal takersHold = BigDecimal.ZERO;
            BigDecimal released = BigDecimal.ZERO;
            for (int attempt = 0; attempt < 20; attempt++)
            {
                expectTakers = BigDecimal.ZERO;
                expectReleased = BigDecimal.ZERO;
                for (final Cycle c : cycles)
                {
                    if (c == null || c.orderId < 0)
                    {
                        continue;
                    }
                    if (!c.isCompleted() && !completedLate.containsKey(c.orderId))
                    {
                        final Object order = rest.call("GET", "/api/v1/orders/" + c.orderId, c.taker.token, null);
                        if ("COMPLETED".equals(Json.text(order, "state")))
                        {
                            completedLate.put(c.orderId, order);
                        }
                    }
                    final BigDecimal[] q = c.isCompleted() ? c.amounts() : amounts(completedLate.get(c.orderId));
                    if (q != null)
                    {
                        expectTakers = expectTakers.add(q[0].subtract(q[1]));
                        expectReleased = expectReleased.add(q[0].add(q[2]));
                    }
                }
                takersHold = holdings(takers);
                released = deposits().subtract(holdings(merchants));
                if (takersHold.compareTo(expectTakers) == 0 && released.compareTo(expectReleased) == 0)
                {
                    break;
                }
                Thread.sleep(500);
            }
            report.conservation(asset, expectTakers, takersHold, expectReleased, released, completedLate.size());
        }

        /** Quantity, buyer fee and seller fee of an order view; null for none. */
        static BigDecimal[] amounts(final Object order)
        {
            return order == null ? null : new BigDecimal[]{ new BigDecimal(Json.text(order, "quantity")),
                new BigDecimal(Json.text(order, "buyerFee")), new BigDecimal(Json.text(order, "sellerFee")) };
        }

        private BigDecimal deposits()
        {
            return merchants.stream().map(m -> m.deposit).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private BigDecimal holdings(final List<User> users)
        {
            BigDecimal sum = BigDecimal.ZERO;
            for (final User u : users)
            {
                final Object balances = rest.call("GET", "/api/v1/me/balances", u.token, null);
                for (final Object line : (List<?>)balances)
                {
                    if (asset.equals(Json.text(line, "asset")))
                    {
                        sum = sum.add(new BigDecimal(Json.text(line, "available")))
                            .add(new BigDecimal(Json.text(line, "locked")));
                    }
                }
            }
            return sum;
        }

        private void forEachUser(final Consumer<User> action)
        {
            merchants.forEach(action);
            takers.forEach(action);
        }

        /** Closes the ads (their reservation goes back) and anything still open; best effort, after the check. */
        void close()
        {
            stopLoad();
            for (final User m : merchants)
            {
                if (m.adId > 0)
                {
                    try
                    {
                        rest.call("DELETE", "/api/v1/ads/" + m.adId, m.token, null);
                    }
                    catch (final ApiError e)
                    {
                        log("could not close ad " + m.adId + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    /** Collects latencies and refusals as they happen, then prints the summary and decides pass or fail. */
    static final class Report
    {
        private static final List<String> OPS = List.of("order.take", "order.paid", "order.release", "cycle");
        private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final List<String> badFrames = new ArrayList<>();
        private final AtomicLong lastCompletedNanos = new AtomicLong();
        private final List<String> lostSamples = new ArrayList<>();
        private Options options;
        private String market;
        private long t0;
        private int offered;
        private int completed;
        private int completedLate;
        private int refused;
        private int lost;
        private String conservation = "not run";
        private Histogram pings;
        private long pingsFailed;
        private boolean conserved;
        private volatile boolean frozen;

        void start(final Options o, final String marketSymbol, final long startNanos)
        {
            options = o;
            market = marketSymbol;
            t0 = startNanos;
        }

        void latency(final String op, final long nanos)
        {
            if (frozen)
            {
                return;
            }
            latencies.computeIfAbsent(op, k -> new Histogram()).recordNanos(nanos);
        }

        void error(final String op, final String code)
        {
            if (frozen)
            {
                return;
            }
            errors.computeIfAbsent(op + " " + code, k -> new LongAdder()).increment();
        }

        void completed(final long cycleNanos, final long atNanos)
        {
            if (frozen)
            {
                return;
            }
            latency("cycle", cycleNanos);
            lastCompletedNanos.accumulateAndGet(atNanos, Math::max);
        }

        synchronized void badFrame(final String what)
        {
            if (badFrames.size() < 5)
            {
                badFrames.add(what);
            }
            errors.computeIfAbsent("frame UNREADABLE", k -> new LongAdder()).increment();
        }

        /** Counts the cycles at the timeout; what happens after it (late completions, closing) is not measured. */
        void finish(final Cycle[] cycles, final long timeoutNanos)
        {
            frozen = true;
            offered = cycles.length;
            for (final Cycle c : cycles)
            {
                completedLate += c != null && c.isCompleted() && !c.completedWithin(timeoutNanos) ? 1 : 0;
                if (c == null || (!c.completedWithin(timeoutNanos) && c.refusedWith == null))
                {
                    // Not refused, yet not completed in time: the trade is stuck or slow, or a push went missing.
                    lost++;
                    if (c != null && lostSamples.size() < 5)
                    {
                        lostSamples.add("cycle " + c.index + " " + c.taker.name + " -> " + c.merchant.name + " order "
                            + (c.orderId < 0 ? "(no take reply)" : c.orderId)
                            + (c.isCompleted() ? ", completed after its timeout" : "")
                            + (c.lastProblem == null ? "" : ", last refusal " + c.lastProblem));
                    }
                }
                else if (c.completedWithin(timeoutNanos))
                {
                    completed++;
                }
                else
                {
                    refused++;
                }
            }
        }

        void conservation(final String asset, final BigDecimal expectTakers, final BigDecimal takersHold,
            final BigDecimal expectReleased, final BigDecimal released, final int completedLate)
        {
            conserved = takersHold.compareTo(expectTakers) == 0 && released.compareTo(expectReleased) == 0;
            conservation = String.format(Locale.ROOT, "%s%n  takers hold %s %s (completed orders: %s after buyer fees)"
                    + "%n  merchants released %s %s (completed orders: %s with seller fees); fees %s"
                    + "%n  of which found COMPLETED over REST only, their push not seen by the end of the wait: %d",
                conserved ? "OK" : "FAILED", takersHold.toPlainString(), asset, expectTakers.toPlainString(),
                released.toPlainString(), asset, expectReleased.toPlainString(),
                released.subtract(takersHold).toPlainString(), completedLate);
        }

        void baseline(final Histogram histogram, final long failedOrUnanswered)
        {
            pings = histogram;
            pingsFailed = failedOrUnanswered;
        }

        boolean passed()
        {
            return lost == 0 && conserved;
        }

        void print(final PrintStream out)
        {
            // The offered window, or longer if completions ran past it: achieved never gains from the cycles' tail.
            final double seconds = Math.max(options.duration, (lastCompletedNanos.get() - t0) / 1e9);
            out.println();
            out.printf(Locale.ROOT, "p2px load test against %s, market %s: %d merchants, %d takers, %d s%n",
                options.server, market, options.merchants, options.takers, options.duration);
            out.printf(Locale.ROOT, "cycles: offered %d, completed %d, refused %d, lost %d (of which %d completed"
                + " after their %d s timeout)%n", offered, completed, refused, lost, completedLate, options.timeout);
            out.printf(Locale.ROOT, "rate: offered %.2f cycles/s, achieved %.2f cycles/s%n", options.rate,
                (completed + completedLate) / seconds);
            out.println();
            out.printf(Locale.ROOT, "%-16s %8s %9s %9s %9s %9s %9s   (ms)%n", "latency", "count", "p50", "p90", "p99",
                "p99.9", "max");
            for (final String op : OPS)
            {
                final Histogram h = latencies.get(op);
                if (h != null)
                {
                    printRow(out, op, h);
                }
            }
            if (pings != null)
            {
                printRow(out, "ping (baseline)", pings);
                final Histogram take = latencies.get("order.take");
                if (take != null && pings.count() > 0)
                {
                    out.printf(Locale.ROOT, "order.take vs ping at the same request rate: p50 %.1fx, p99 %.1fx"
                            + " (%d pings failed or unanswered)%n",
                        ratio(take.percentileMicros(0.50), pings.percentileMicros(0.50)),
                        ratio(take.percentileMicros(0.99), pings.percentileMicros(0.99)), pingsFailed);
                }
            }
            out.println();
            if (errors.isEmpty())
            {
                out.println("errors: none");
            }
            else
            {
                out.println("errors (op code: count):");
                new TreeMap<>(errors).forEach((k, v) -> out.println("  " + k + ": " + v.sum()));
            }
            badFrames.forEach(f -> out.println("  unreadable frame: " + f));
            lostSamples.forEach(s -> out.println("  lost: " + s));
            out.println("conservation: " + conservation);
            out.println(passed() ? "PASSED" : "FAILED");
        }
    }

    private static void printRow(final PrintStream out, final String op, final Histogram h)
    {
        out.printf(Locale.ROOT, "%-16s %8d %9.2f %9.2f %9.2f %9.2f %9.2f%n", op, h.count(),
            h.percentileMicros(0.50) / 1e3, h.percentileMicros(0.90) / 1e3, h.percentileMicros(0.99) / 1e3,
            h.percentileMicros(0.999) / 1e3, h.maxMicros() / 1e3);
    }

    private static double ratio(final long value, final long baseline)
    {
        return baseline == 0 ? Double.NaN : (double)value / baseline;
    }

    /** Lowercase hex HMAC-SHA256: the API-key signature of docs/api.md. */
    static String hmacSha256Hex(final String secret, final String text)
    {
        try
        {
            final javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        catch (final java.security.GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
