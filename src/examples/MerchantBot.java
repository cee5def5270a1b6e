// p2px example merchant bot: posts one ad, follows its orders over the WebSocket, releases when told.
// One file, JDK only (Java 17+):  java src/examples/MerchantBot.java --key <keyId> --secret <secret>
// Copy it and change it: see src/examples/README.md. Protocol: docs/api.md and docs/protocol.md.

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class MerchantBot
{
    static final String USAGE = """
        usage: java src/examples/MerchantBot.java --key <keyId> --secret <secret> [options]
          --server URL        p2px server (default http://localhost:8080)
          --key ID            API key id     (or env P2PX_KEY)    needs READ, TRADE, RELEASE
          --secret SECRET     API key secret (or env P2PX_SECRET; keeps it out of ps and shell history)
          --market SYMBOL     default USDT-EUR
          --side SELL|BUY     the ad's side (default SELL; the bot releases only as seller)
          --quantity N        asset quantity of the ad (default 500)
          --margin-bps N      FLOATING price: index x (1 + N/10000) (default 30)
          --price P           FIXED price instead of floating (e.g. 0.9300)
          --min F --max F     per-order limits in fiat (default 20 and 1000)
          --methods A,B       payment methods (default SEPA,WISE)
          --auto-release      release PAID orders WITHOUT checking the bank: demo/testnet only!
          --watch-book        keep a local copy of book.<market> from its deltas, check every checksum
          --self-test         check the JSON reader/writer and the HMAC signer, then exit
        commands on stdin: release N | chat N text... | orders | balances | help | quit""";

    static final Set<String> FLAGS = Set.of("help", "auto-release", "watch-book", "self-test");
    static final Set<String> VALUED = Set.of("server", "key", "secret", "market", "side", "quantity", "margin-bps",
        "price", "min", "max", "methods");

    public static void main(final String[] argv) throws Exception
    {
        final Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < argv.length; i++)
        {
            String name = argv[i];
            if (!name.startsWith("--")) die("unexpected argument: " + name);
            name = name.substring(2);
            final int eq = name.indexOf('=');
            if (eq >= 0) opts.put(name.substring(0, eq), name.substring(eq + 1));
            else if (FLAGS.contains(name)) opts.put(name, "true");
            else if (VALUED.contains(name) && i + 1 < argv.length) opts.put(name, argv[++i]);
            else die("unknown option or missing value: --" + name);
        }
        if (opts.containsKey("help")) { System.out.println(USAGE); return; }
        if (opts.containsKey("self-test")) { SelfTest.run(); return; }
        try { new Bot(Options.of(opts)).run(); }
        catch (ApiError | IOException e)
        {
            System.err.println("cannot start: "
                + (e instanceof ApiError ? e.getMessage() : e + " (is the server running at that --server?)"));
            System.exit(1);
        }
    }

    static void die(final String message)
    {
        System.err.println(message + "\n" + USAGE);
        System.exit(2);
    }

    static synchronized void log(final String line)
    {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    /** The command line, checked once. Money stays in the strings the user typed; BigDecimal only to validate. */
    record Options(String server, String key, String secret, String market, String side, String quantity,
        Integer marginBps, String price, String min, String max, List<String> methods, boolean autoRelease,
        boolean watchBook)
    {
        static Options of(final Map<String, String> o)
        {
            final String key = o.getOrDefault("key", System.getenv("P2PX_KEY"));
            final String secret = o.getOrDefault("secret", System.getenv("P2PX_SECRET"));
            if (key == null || secret == null) die("--key and --secret are required");
            if (o.containsKey("price") && o.containsKey("margin-bps")) die("give --price (FIXED) or --margin-bps (FLOATING), not both");
            final String side = o.getOrDefault("side", "SELL").toUpperCase(Locale.ROOT);
            if (!side.equals("SELL") && !side.equals("BUY")) die("--side is SELL or BUY");
            final String price = o.get("price");
            for (final String n : new String[]{ "quantity", "price", "min", "max" })
            {
                try { if (o.containsKey(n)) new BigDecimal(o.get(n)); }
                catch (NumberFormatException e) { die("--" + n + " is not a number"); }
            }
            Integer margin = null;
            try { margin = price == null ? Integer.valueOf(o.getOrDefault("margin-bps", "30")) : null; }
            catch (NumberFormatException e) { die("--margin-bps is a whole number of basis points"); }
            return new Options(o.getOrDefault("server", "http://localhost:8080").replaceAll("/+$", ""), key, secret,
                o.getOrDefault("market", "USDT-EUR"), side, o.getOrDefault("quantity", "500"), margin, price,
                o.getOrDefault("min", "20"), o.getOrDefault("max", "1000"),
                List.of(o.getOrDefault("methods", "SEPA,WISE").split(",")), o.containsKey("auto-release"),
                o.containsKey("watch-book"));
        }

        String asset() { return market.split("-")[0]; }

        String fiat() { return market.split("-")[1]; }
    }

    /** A refusal from the server: its stable code (match on this) and its message (show this to people). */
    static final class ApiError extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        final String code;

        ApiError(final String code, final String message)
        {
            super(code + ": " + message);
            this.code = code;
        }

        static ApiError of(final Object body, final String fallback)
        {
            final Map<String, Object> m = body instanceof Map ? Json.obj(body) : Map.of();
            return new ApiError(m.containsKey("code") ? Json.str(m.get("code")) : fallback, Json.str(m.get("message")));
        }
    }

    /**
     * Just enough JSON: objects become LinkedHashMap, arrays ArrayList, numbers BigDecimal (never double: prices and
     * amounts must not pick up binary rounding), plus String, Boolean and null.
     */
    static final class Json
    {
        private final String s;
        private int i;

        private Json(final String s) { this.s = s; }

        static Object parse(final String text)
        {
            final Json p = new Json(text);
            try
            {
                final Object v = p.value();
                p.ws();
                if (p.i != text.length()) throw p.error("trailing characters");
                return v;
            }
            catch (IndexOutOfBoundsException e) { throw p.error("unexpected end"); }
        }

        private Object value()
        {
            ws();
            final char c = s.charAt(i);
            switch (c)
            {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': return literal("true", Boolean.TRUE);
                case 'f': return literal("false", Boolean.FALSE);
                case 'n': return literal("null", null);
                default: return number();
            }
        }

        private Map<String, Object> object()
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            i++;
            ws();
            if (s.charAt(i) == '}') { i++; return map; }
            while (true)
            {
                ws();
                if (s.charAt(i) != '"') throw error("expected a key");
                final String key = string();
                ws();
                expect(':');
                map.put(key, value());
                ws();
                if (s.charAt(i) == ',') { i++; continue; }
                expect('}');
                return map;
            }
        }

        private List<Object> array()
        {
            final List<Object> list = new ArrayList<>();
            i++;
            ws();
            if (s.charAt(i) == ']') { i++; return list; }
            while (true)
            {
                list.add(value());
                ws();
                if (s.charAt(i) == ',') { i++; continue; }
                expect(']');
                return list;
            }
        }

        private String string()
        {
            final StringBuilder b = new StringBuilder();
            i++;
            while (true)
            {
                final char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw error("control character in string");
                if (c != '\\') { b.append(c); continue; }
                final char e = s.charAt(i++);
                switch (e)
                {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Object literal(final String word, final Object v)
        {
            if (!s.startsWith(word, i)) throw error("unexpected token");
            i += word.length();
            return v;
        }

        private BigDecimal number()
        {
            final int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            try { return new BigDecimal(s.substring(start, i)); }
            catch (NumberFormatException e) { i = start; throw error("unexpected token"); }
        }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

        private void expect(final char c) { if (s.charAt(i++) != c) { i--; throw error("expected '" + c + "'"); } }

        private IllegalArgumentException error(final String what) { return new IllegalArgumentException("bad JSON at " + i + ": " + what); }

        static String write(final Object v)
        {
            final StringBuilder b = new StringBuilder();
            write(b, v);
            return b.toString();
        }

        private static void write(final StringBuilder b, final Object v)
        {
            if (v == null) b.append("null");
            else if (v instanceof String str) quote(b, str);
            else if (v instanceof Double || v instanceof Float)
                throw new IllegalArgumentException("no floating point on the wire: use a String or BigDecimal");
            else if (v instanceof BigDecimal d) b.append(d.toPlainString());
            else if (v instanceof Number || v instanceof Boolean) b.append(v);
            else if (v instanceof Map<?, ?> m)
            {
                b.append('{');
                String sep = "";
                for (final Map.Entry<?, ?> e : m.entrySet())
                {
                    b.append(sep);
                    quote(b, String.valueOf(e.getKey()));
                    b.append(':');
                    write(b, e.getValue());
                    sep = ",";
                }
                b.append('}');
            }
            else if (v instanceof Collection<?> c)
            {
                b.append('[');
                String sep = "";
                for (final Object e : c) { b.append(sep); write(b, e); sep = ","; }
                b.append(']');
            }
            else throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }

        private static void quote(final StringBuilder b, final String s)
        {
            b.append('"');
            for (final char c : s.toCharArray())
            {
                switch (c)
                {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
                }
            }
            b.append('"');
        }

        /** An object from key, value pairs; null values are left out, so optional fields are simply omitted. */
        static Map<String, Object> of(final Object... kv)
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            for (int k = 0; k < kv.length; k += 2) if (kv[k + 1] != null) m.put((String) kv[k], kv[k + 1]);
            return m;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> obj(final Object v) { return v instanceof Map ? (Map<String, Object>) v : new LinkedHashMap<>(); }

        @SuppressWarnings("unchecked")
        static List<Object> list(final Object v) { return v instanceof List ? (List<Object>) v : List.of(); }

        static String str(final Object v) { return v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString(); }

        static long num(final Object v) { return v instanceof BigDecimal d ? d.longValueExact() : v == null ? -1 : Long.parseLong(v.toString()); }
    }

    /** HMAC-SHA256 request signing, as docs/api.md "Signing a request" describes. */
    static final class Signer
    {
        private static final java.util.concurrent.atomic.AtomicLong LAST_TIMESTAMP = new java.util.concurrent.atomic.AtomicLong();

        /**
         * Epoch ms, never the same twice: the server refuses a second request with the same key, timestamp and
         * content as a replay (SIGNATURE_ALREADY_USED), and two requests can fall in one millisecond.
         */
        static String timestamp()
        {
            return Long.toString(LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
        }

        /** Five lines, no trailing newline: timestamp, METHOD, path (no host, no query), raw query, exact body. */
        static String canonical(final String ts, final String method, final String path, final String query, final String body)
        {
            return ts + "\n" + method + "\n" + path + "\n" + query + "\n" + body;
        }

        static String hmacHex(final String secret, final String text)
        {
            try
            {
                final Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            }
            catch (java.security.GeneralSecurityException e) { throw new IllegalStateException(e); }
        }
    }

    /** Signed REST calls. Answers are parsed JSON; a status >= 400 throws ApiError with the server's code. */
    static final class RestClient
    {
        private final HttpClient http;
        private final Options o;

        RestClient(final HttpClient http, final Options o) { this.http = http; this.o = o; }

        Object call(final String method, final String path, final String query, final Object body) throws IOException, InterruptedException
        {
            // Sign exactly the bytes we send: serialise once, then use the same string for the signature and the body.
            final String text = body == null ? "" : Json.write(body);
            final String ts = Signer.timestamp();
            final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(o.server() + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(15))
                .header("X-P2PX-APIKEY", o.key())
                .header("X-P2PX-TIMESTAMP", ts)
                .header("X-P2PX-SIGNATURE", Signer.hmacHex(o.secret(), Signer.canonical(ts, method, path, query, text)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            if (body != null) b.header("Content-Type", "application/json");
            final HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            final Object parsed = r.body().isBlank() ? null : Json.parse(r.body());
            if (r.statusCode() >= 400) throw ApiError.of(parsed, "HTTP_" + r.statusCode());
            return parsed;
        }
    }

    /**
     * One WebSocket connection (a new one per reconnect). Requests are matched to replies by id; pushes go to
     * {@code onPush}, which must not block: this listener thread also delivers the replies that callers wait for.
     */
    static final class WsClient implements WebSocket.Listener
    {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        private final BiConsumer<WsClient, Map<String, Object>> onPush;
        private volatile WebSocket socket;
        private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

        private WsClient(final BiConsumer<WsClient, Map<String, Object>> onPush) { this.onPush = onPush; }

        static WsClient connect(final HttpClient http, final URI uri, final BiConsumer<WsClient, Map<String, Object>> onPush) throws Exception
        {
            final WsClient c = new WsClient(onPush);
            c.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, c).get(15, TimeUnit.SECONDS);
            return c;
        }

        /** Sends {"id","op","args"}; the future completes with "result", or fails with ApiError or a lost connection. */
        CompletableFuture<Object> call(final String op, final Map<String, Object> args)
        {
            final String id = "b-" + ids.incrementAndGet();
            final CompletableFuture<Object> reply = new CompletableFuture<>();
            pending.put(id, reply);
            final String text = Json.write(Json.of("id", id, "op", op, "args", args));
            synchronized (this)
            {
                // The JDK WebSocket refuses a send while the previous one is in flight: chain them.
                sends = sends.handle((x, e) -> null).thenCompose(x -> socket.sendText(text, true))
                    .whenComplete((x, e) -> { if (e != null) reply.completeExceptionally(e); });
            }
            return reply.orTimeout(15, TimeUnit.SECONDS).whenComplete((x, e) -> pending.remove(id));
        }

        /** Blocking call, for threads other than the listener's. */
        Object request(final String op, final Map<String, Object> args) throws InterruptedException
        {
            try { return call(op, args).get(); }
            catch (ExecutionException e)
            {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(op + " failed: " + e.getCause(), e.getCause());
            }
        }

        void abort(final String why) { if (socket != null) socket.abort(); finish(why); }

        @Override public void onOpen(final WebSocket ws) { socket = ws; ws.request(1); }

        @Override
        public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
        {
            partial.append(data);  // a large message may arrive in parts
            if (last)
            {
                final String text = partial.toString();
                partial.setLength(0);
                try { dispatch(Json.obj(Json.parse(text))); }
                catch (RuntimeException e) { log("bad frame from server (" + e.getMessage() + "): " + text); }
            }
            ws.request(1);
            return null;
        }

        private void dispatch(final Map<String, Object> m)
        {
            if (m.containsKey("channel")) { onPush.accept(this, m); return; }
            final CompletableFuture<Object> reply = pending.get(Json.str(m.get("id")));
            if (reply == null) return;  // a reply that came after its timeout
            if (Boolean.TRUE.equals(m.get("ok"))) reply.complete(m.get("result"));
            else reply.completeExceptionally(ApiError.of(m.get("error"), "WS_ERROR"));
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket ws, final int code, final String reason)
        {
            finish("closed " + code + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override public void onError(final WebSocket ws, final Throwable error) { finish(String.valueOf(error)); }

        private void finish(final String why)
        {
            closed.complete(why);
            pending.values().forEach(f -> f.completeExceptionally(new IOException("connection lost: " + why)));
        }
    }

    /** The bot: one ad, its orders, the operator's commands. Push handling runs on one thread ({@code events}). */
    static final class Bot
    {
        private final Options o;
        // HTTP/1.1: the server reads a signed request's body before authenticating it, which its cleartext HTTP/2
        // (h2c upgrade, the JDK client's default for http://) does not allow.
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        private final RestClient rest;
        private final ExecutorService events = Executors.newSingleThreadExecutor(daemon("events"));
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ping"));
        private final AtomicBoolean adClosed = new AtomicBoolean();
        private volatile boolean running = true;
        private volatile WsClient ws;
        private volatile long me = -1;
        private long adId;
        // Below: touched on the events thread only, so no locks.
        private final Map<Long, String> states = new HashMap<>();
        private final Map<String, Long> seqs = new HashMap<>();
        private final Set<String> resyncing = new HashSet<>();
        private final Set<Long> releasing = new HashSet<>();
        private final LocalBook book = new LocalBook();
        private boolean firstSnapshot = true;

        Bot(final Options o) { this.o = o; this.rest = new RestClient(http, o); }

        void run() throws Exception
        {
            final BigDecimal available = printBalances();
            if (o.side().equals("SELL") && available.compareTo(new BigDecimal(o.quantity())) < 0)
                log("warning: a SELL ad reserves its quantity plus the maker fee, and only " + available + " " + o.asset() + " is available");
            try { postAd(); }
            catch (ApiError e) { log("could not post the ad: " + e.getMessage()); System.exit(1); }
            // Never leave an ad online with nobody watching it: close it on Ctrl-C too.
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeAd));
            if (o.autoRelease()) log("!!! --auto-release is ON: PAID orders are released WITHOUT checking that the money arrived. Demo only !!!");
            timer.scheduleAtFixedRate(this::ping, 20, 20, TimeUnit.SECONDS);
            final Thread loop = new Thread(this::connectionLoop, "ws");
            loop.setDaemon(true);
            loop.start();
            readCommands();
            running = false;
            closeAd();
            System.exit(0);
        }

        private BigDecimal printBalances() throws Exception
        {
            BigDecimal available = BigDecimal.ZERO;
            for (final Object b : Json.list(rest.call("GET", "/api/v1/me/balances", "", null)))
            {
                final Map<String, Object> m = Json.obj(b);
                log("balance " + Json.str(m.get("asset")) + ": available " + Json.str(m.get("available")) + ", locked " + Json.str(m.get("locked")));
                if (o.asset().equals(m.get("asset"))) available = new BigDecimal(Json.str(m.get("available")));
            }
            return available;
        }

        private void postAd() throws Exception
        {
            final Map<String, Object> terms = Json.of("priceType", o.price() != null ? "FIXED" : "FLOATING", "price", o.price(),
                "marginBps", o.marginBps(), "minFiat", o.min(), "maxFiat", o.max(), "paymentMethods", o.methods(),
                "autoReply", "Hi, this is an automated merchant. Pay the exact amount, then mark the order paid.");
            final Map<String, Object> ad = Json.obj(rest.call("POST", "/api/v1/ads", "",
                Json.of("market", o.market(), "side", o.side(), "quantity", o.quantity(), "terms", terms)));
            adId = Json.num(ad.get("id"));
            me = Json.num(ad.get("ownerId"));
            log("posted ad #" + adId + " " + Json.str(ad.get("status")) + ": " + Json.str(ad.get("side")) + " " + Json.str(ad.get("remaining"))
                + " " + o.asset() + " @ " + Json.str(ad.get("price")) + " " + o.fiat() + " (" + Json.str(ad.get("priceType"))
                + (ad.get("marginBps") != null ? " " + Json.str(ad.get("marginBps")) + " bps" : "") + "), "
                + Json.str(ad.get("minFiat")) + "-" + Json.str(ad.get("maxFiat")) + " " + o.fiat() + " via " + Json.str(ad.get("paymentMethods")));
        }

        private void closeAd()
        {
            if (adId == 0 || !adClosed.compareAndSet(false, true)) return;
            try { rest.call("DELETE", "/api/v1/ads/" + adId, "", null); log("closed ad #" + adId); }
            catch (Exception e) { log("could not close ad #" + adId + " (" + e.getMessage() + "): close it yourself"); }
        }

        /** Connect, sign in, subscribe, wait for the drop, back off, again. Backoff doubles to 60 s, with jitter. */
        private void connectionLoop()
        {
            final URI uri = URI.create(o.server().replaceFirst("^http", "ws") + "/ws");
            long backoff = 1;
            while (running)
            {
                WsClient c = null;
                try
                {
                    c = WsClient.connect(http, uri, (from, push) -> events.execute(() -> onPush(from, push)));
                    // A private channel's seq starts over on a new connection; a public one's is the exchange's own,
                    // so the book's is kept to resume from (on this gateway or any other).
                    final Long bookSeq = events.submit(() ->
                    {
                        seqs.keySet().removeIf(channel -> !channel.startsWith("book."));
                        resyncing.clear();
                        return seqs.get("book." + o.market());
                    }).get();
                    ws = c;
                    final String ts = Signer.timestamp();
                    final Map<String, Object> who = Json.obj(c.request("auth.apikey", Json.of("keyId", o.key(), "timestamp", ts,
                        "signature", Signer.hmacHex(o.secret(), Signer.canonical(ts, "GET", "/ws", "", "")))));
                    me = Json.num(who.get("userId"));
                    if (!Json.list(who.get("permissions")).contains("RELEASE")) log("warning: this API key has no RELEASE permission");
                    log("connected to " + uri + " as user " + me);
                    c.request("subscribe", Json.of("channel", "orders"));
                    c.request("subscribe", Json.of("channel", "chat"));
                    if (o.watchBook()) subscribeBook(c, bookSeq);
                    backoff = 1;
                    log("connection lost: " + c.closed.get());
                }
                catch (Exception e) { log("WebSocket: " + e.getMessage()); }
                ws = null;
                if (c != null) c.abort("reconnecting");
                if (!running) return;
                final long wait = backoff * 1000 + ThreadLocalRandom.current().nextLong(500);
                log("reconnecting in " + wait / 1000 + " s");
                try { Thread.sleep(wait); } catch (InterruptedException e) { return; }
                backoff = Math.min(backoff * 2, 60);
            }
        }

        /** Resumes the book from the copy's seq when there is one: the server sends what it missed, or a snapshot. */
        private void subscribeBook(final WsClient c, final Long since) throws Exception
        {
            final String channel = "book." + o.market();
            final Map<String, Object> result = Json.obj(c.request("subscribe", since == null ? Json.of("channel", channel)
                : Json.of("channel", channel, "since", since)));
            if (Boolean.TRUE.equals(result.get("resumed"))) log("book " + o.market() + " resumed from seq " + since);
        }

        /** Every 20 s: keeps the connection from the server's idle timeout and finds a dead one (no reply: reconnect). */
        private void ping()
        {
            final WsClient c = ws;
            if (c == null) return;
            c.call("ping", Map.of()).whenComplete((r, e) ->
            {
                if (e != null) { c.abort("ping failed"); return; }
                final long skew = Json.num(Json.obj(r).get("pong")) - System.currentTimeMillis();
                if (Math.abs(skew) > 2000) log("warning: clock differs from the server's by " + skew + " ms; signatures allow 5 s");
            });
        }

        /**
         * On the events thread. Checks seq continuity per channel (a private channel's seq counts up by one; a public
         * channel's update applies to a copy at its prev or later, and one at or below the copy's seq is old), then
         * hands the push on.
         */
        private void onPush(final WsClient from, final Map<String, Object> push)
        {
            if (from != ws) return;  // late push of a connection already replaced
            final String channel = Json.str(push.get("channel"));
            final String type = Json.str(push.get("type"));
            final long seq = Json.num(push.get("seq"));
            final Long last = seqs.get(channel);
            final boolean publicUpdate = push.containsKey("prev");
            if (type.equals("snapshot")) resyncing.remove(channel);
            else if (resyncing.contains(channel)) return;  // the coming snapshot carries this state anyway
            else if (last != null && publicUpdate && seq <= last) return;  // already in the copy
            else if (last == null || (publicUpdate ? Json.num(push.get("prev")) > last : seq != last + 1))
            {
                // A gap: something was lost. Re-subscribing gives a fresh snapshot; if that fails, reconnect.
                log("gap on " + channel + " (at " + (last == null ? "no snapshot" : "seq " + last) + ", got " + seq + "): re-subscribing");
                resubscribe(from, channel);
                return;
            }
            seqs.put(channel, seq);
            final Map<String, Object> data = Json.obj(push.get("data"));
            if (channel.startsWith("book."))
            {
                onBook(from, channel, type, data);
                return;
            }
            if (channel.equals("orders") && type.equals("snapshot"))
            {
                for (final Object order : Json.list(data.get("orders"))) onOrder(from, Json.obj(order), firstSnapshot);
                firstSnapshot = false;
            }
            else if (channel.equals("orders") && type.equals("order")) onOrder(from, data, false);
            else if (channel.equals("chat") && type.equals("message") && Json.num(data.get("authorId")) != me)
                log("chat #" + Json.str(data.get("orderId")) + " " + (data.get("authorName") == null ? "system" : Json.str(data.get("authorName")))
                    + ": " + Json.str(data.get("text")));
        }

        /** Re-subscribing gives a fresh snapshot; if that fails, reconnect. */
        private void resubscribe(final WsClient from, final String channel)
        {
            resyncing.add(channel);
            seqs.remove(channel);  // the copy is not to be resumed after a reconnect: a snapshot replaces it
            from.call("unsubscribe", Json.of("channel", channel))
                .thenCompose(x -> from.call("subscribe", Json.of("channel", channel)))
                .whenComplete((x, e) -> { if (e != null) from.abort("re-subscribe failed: " + e.getMessage()); });
        }

        /** On the events thread. Applies the snapshot or delta, proves the copy with the checksum, logs a new best. */
        private void onBook(final WsClient from, final String channel, final String type, final Map<String, Object> data)
        {
            final String before = book.best();
            if (type.equals("snapshot")) book.snapshot(data);
            else book.apply(data);
            if (book.checksum() != Json.num(data.get("checksum")))
            {
                log("book checksum differs from the server's (" + book.checksum() + " vs " + Json.str(data.get("checksum")) + "): re-subscribing");
                resubscribe(from, channel);
                return;
            }
            final String after = book.best();
            if (type.equals("snapshot") || !after.equals(before)) log("book " + o.market() + ": " + after + " (checksum ok)");
        }

        /** On the events thread. Acts on state changes only: a snapshot or a repeated push may bring a state we know. */
        private void onOrder(final WsClient from, final Map<String, Object> order, final boolean openedBeforeStart)
        {
            final long id = Json.num(order.get("id"));
            final String state = Json.str(order.get("state"));
            final String before = states.put(id, state);
            if (state.equals(before)) return;
            final boolean selling = Json.num(order.get("sellerId")) == me;
            log(describe(order));
            if (before == null && state.equals("PENDING_PAYMENT") && !openedBeforeStart)
            {
                final String text = "Hello! Please pay " + Json.str(order.get("fiatAmount")) + " " + fiat(order) + " by "
                    + Json.str(order.get("paymentMethod")) + " before " + Json.str(order.get("payBy")) + ", then mark the order paid.";
                from.call("chat.send", Json.of("orderId", id, "text", text))
                    .whenComplete((x, e) -> { if (e != null) log("greeting on order " + id + " failed: " + e.getMessage()); });
            }
            if (state.equals("PAID") && selling)
            {
                if (!o.autoRelease())
                    log(">>> order " + id + " is PAID: check your bank for " + Json.str(order.get("fiatAmount")) + " " + fiat(order)
                        + ", then type: release " + id);
                else if (releasing.add(id))
                {
                    log("auto-releasing order " + id + " (demo mode: the payment was NOT checked)");
                    from.call("order.release", Json.of("orderId", id)).whenComplete((r, e) -> log(e == null
                        ? "order " + id + " released: " + Json.str(Json.obj(r).get("state"))
                        : "auto-release of order " + id + " failed: " + e.getMessage() + "; type: release " + id));
                }
            }
        }

        private static String fiat(final Map<String, Object> order)
        {
            final String[] parts = Json.str(order.get("market")).split("-");
            return parts.length == 2 ? parts[1] : "";
        }

        private String describe(final Map<String, Object> order)
        {
            final String state = Json.str(order.get("state"));
            final Object deadline = state.equals("PENDING_PAYMENT") ? order.get("payBy") : state.equals("PAID") ? order.get("releaseBy") : null;
            return "order " + Json.str(order.get("id")) + " " + state + ": " + (Json.num(order.get("sellerId")) == me ? "SELL " : "BUY ")
                + Json.str(order.get("quantity")) + " " + Json.str(order.get("market")).split("-")[0] + " for "
                + Json.str(order.get("fiatAmount")) + " " + fiat(order) + " @ " + Json.str(order.get("price")) + " via "
                + Json.str(order.get("paymentMethod")) + (deadline == null ? "" : (state.equals("PAID") ? " release by " : " pay by ") + deadline);
        }

        /** The operator's console. A closed stdin (run in the background) keeps the bot running until Ctrl-C. */
        private void readCommands() throws Exception
        {
            final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null)
            {
                final String[] w = line.trim().split("\\s+", 3);
                try
                {
                    switch (w[0])
                    {
                        case "" -> { }
                        case "quit", "exit" -> { return; }
                        case "release" -> log("order " + w[1] + " released: " + Json.str(Json.obj(socket().request("order.release",
                            Json.of("orderId", Long.parseLong(w[1])))).get("state")));
                        case "chat" ->
                        {
                            socket().request("chat.send", Json.of("orderId", Long.parseLong(w[1]), "text", w[2]));
                            log("sent");
                        }
                        case "orders" ->
                        {
                            final Object r = socket().request("orders.mine", Map.of());
                            final List<Object> items = r instanceof List ? Json.list(r) : Json.list(Json.obj(r).get("items"));
                            if (items.isEmpty()) log("no orders");
                            for (final Object order : items) log("  " + describe(Json.obj(order)));
                        }
                        case "balances" -> printBalances();
                        default -> log("commands: release N | chat N text... | orders | balances | quit");
                    }
                }
                catch (ArrayIndexOutOfBoundsException | NumberFormatException e) { log("usage: release N | chat N text..."); }
                catch (RuntimeException e) { log("failed: " + e.getMessage()); }
            }
            log("stdin closed: running until Ctrl-C (the ad is closed on exit)");
            new CountDownLatch(1).await();
        }

        private WsClient socket()
        {
            final WsClient c = ws;
            if (c == null) throw new IllegalStateException("not connected right now; try again in a moment");
            return c;
        }

        private static ThreadFactory daemon(final String name)
        {
            return r -> { final Thread t = new Thread(r, name); t.setDaemon(true); return t; };
        }
    }

    /** --self-test: the JSON round trip and HMAC vectors computed with openssl (see README). */
    /**
     * A copy of a book channel's window (docs/protocol.md, "Keeping a local book"): a snapshot replaces it; a delta
     * removes the ads it names, then inserts its upserts at their positions; the checksum proves it.
     */
    static final class LocalBook
    {
        final Map<String, List<Map<String, Object>>> sides = Map.of("BUY", new ArrayList<>(), "SELL", new ArrayList<>());

        void snapshot(final Map<String, Object> data)
        {
            for (final String side : List.of("BUY", "SELL"))
            {
                sides.get(side).clear();
                Json.list(data.get(side.toLowerCase(Locale.ROOT))).forEach(ad -> sides.get(side).add(Json.obj(ad)));
            }
        }

        /** One batch's delta: for each side it changed, the removals, then the upserts at their positions. */
        void apply(final Map<String, Object> delta)
        {
            for (final Object c : Json.list(delta.get("changes")))
            {
                final Map<String, Object> change = Json.obj(c);
                final List<Map<String, Object>> side = sides.get(Json.str(change.get("side")));
                final Set<Long> gone = new HashSet<>();
                Json.list(change.get("removes")).forEach(r -> gone.add(Json.num(Json.obj(r).get("id"))));
                Json.list(change.get("upserts")).forEach(u -> gone.add(Json.num(Json.obj(Json.obj(u).get("ad")).get("id"))));
                side.removeIf(ad -> gone.contains(Json.num(ad.get("id"))));
                for (final Object u : Json.list(change.get("upserts")))
                    side.add((int) Math.min(Json.num(Json.obj(u).get("position")), side.size()), Json.obj(Json.obj(u).get("ad")));
            }
        }

        /** CRC-32 of "BUY", "|id:price:remaining" per BUY ad, "SELL", the same per SELL ad. */
        long checksum()
        {
            final StringBuilder text = new StringBuilder();
            for (final String side : List.of("BUY", "SELL"))
            {
                text.append(side);
                for (final Map<String, Object> ad : sides.get(side))
                    text.append('|').append(Json.str(ad.get("id"))).append(':').append(Json.str(ad.get("price")))
                        .append(':').append(Json.str(ad.get("remaining")));
            }
            final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return crc.getValue();
        }

        String best()
        {
            return "best bid " + top("BUY") + ", best ask " + top("SELL") + " (" + sides.get("BUY").size() + " + "
                + sides.get("SELL").size() + " ads)";
        }

        private String top(final String side)
        {
            return sides.get(side).isEmpty() ? "none" : Json.str(sides.get(side).get(0).get("price"));
        }
    }

    static final class SelfTest
    {
        static void run()
        {
            final String text = "{\"s\":\"a\\\"b\\\\c\\n\\u00e9/\",\"n\":[1,-2.50,0.1,123456789012345678901234.000001],"
                + "\"t\":true,\"f\":false,\"z\":null,\"o\":{},\"a\":[]}";
            final Map<String, Object> m = Json.obj(Json.parse(text));
            check("a\"b\\c\né/".equals(m.get("s")), "string escapes");
            check(new BigDecimal("-2.50").equals(Json.list(m.get("n")).get(1)), "decimal keeps its scale");
            check(Boolean.TRUE.equals(m.get("t")) && Boolean.FALSE.equals(m.get("f")) && m.containsKey("z") && m.get("z") == null, "literals");
            final String out = Json.write(m);
            check(out.equals("{\"s\":\"a\\\"b\\\\c\\né/\",\"n\":[1,-2.50,0.1,123456789012345678901234.000001],"
                + "\"t\":true,\"f\":false,\"z\":null,\"o\":{},\"a\":[]}"), "write: " + out);
            check(Json.parse(out).equals(m), "round trip");
            check(((BigDecimal) Json.parse(" 3e2 ")).compareTo(new BigDecimal(300)) == 0, "exponent");
            check(Json.write(Json.of("c", "\u0001", "skip", null)).equals("{\"c\":\"\\u0001\"}"), "control char, null omitted");
            for (final String bad : new String[]{ "", "{", "[1,]", "\"abc", "tru", "{\"a\" 1}", "1 2", "{a:1}", "-", "\"\\x\"" })
            {
                try { Json.parse(bad); check(false, "accepted bad JSON: " + bad); }
                catch (IllegalArgumentException expected) { }
            }
            try { Json.write(Map.of("x", 0.1)); check(false, "wrote a double"); }
            catch (IllegalArgumentException expected) { }
            // printf '%s\n%s\n%s\n%s\n%s' 1700000000000 POST /api/v1/ads "" '{"market":"USDT-EUR","quantity":"500"}' | openssl dgst -sha256 -hmac test-secret
            check(Signer.hmacHex("test-secret", Signer.canonical("1700000000000", "POST", "/api/v1/ads", "",
                Json.write(Json.of("market", "USDT-EUR", "quantity", "500"))))
                .equals("dfe8e5c787a1c6c79cdc2a36c211b7968046dd65348ca5d0745b76a0ac007017"), "REST signature");
            // printf '%s\n%s\n%s\n%s\n%s' 1700000000000 GET /ws "" "" | openssl dgst -sha256 -hmac test-secret
            check(Signer.hmacHex("test-secret", Signer.canonical("1700000000000", "GET", "/ws", "", ""))
                .equals("72fd4c508f68d7d9373e5d0e532f9e4c4eabc4dfbaacaae4c8fd42b8ba8d79d3"), "WebSocket sign-in signature");
            // docs/protocol.md's example: SELL ads 7 (0.9200, 50.000000) and 9 (0.9300, 10.000000), no BUY ads.
            final LocalBook book = new LocalBook();
            book.snapshot(Json.obj(Json.parse("{\"buy\":[],\"sell\":[{\"id\":7,\"price\":\"0.9200\",\"remaining\":\"50.000000\"}]}")));
            book.apply(Json.obj(Json.parse("{\"side\":\"SELL\",\"upserts\":[{\"position\":1,\"ad\":{\"id\":9,\"price\":\"0.9300\","
                + "\"remaining\":\"10.000000\"}}],\"removes\":[]}")));
            check(book.checksum() == 4_264_280_015L, "book checksum " + book.checksum());
            System.out.println("self-test OK");
        }

        private static void check(final boolean ok, final String what)
        {
            if (!ok) { System.err.println("self-test FAILED: " + what); System.exit(1); }
        }
    }
}
