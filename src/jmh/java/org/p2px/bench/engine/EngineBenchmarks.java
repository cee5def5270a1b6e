package org.p2px.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.CommandAdapter;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.CommandRejectedDecoder;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineConfig;
import org.p2px.engine.EventBatchHandler;
import org.p2px.engine.EventPoller;
import org.p2px.engine.IdleStrategyKind;
import org.p2px.engine.OfferResult;
import org.p2px.journal.ChronicleJournal;

/**
 * End-to-end engine benchmarks, in process: commands go through the ring buffer, the core, the Chronicle Queue
 * journal and the outbound broadcast to a consumer that sees the replies. See docs/benchmarks.md.
 *
 * <p>By default the client is one thread, like a gateway's event loop: it offers the commands and polls the
 * replies ({@link Engine#poller}), so the client and the core thread are the only busy threads, one per core of
 * a two-core machine. {@code -Dp2px.bench.client=threads} gives the earlier shape instead: a sending thread and a
 * consumer on a thread of its own ({@link Engine#subscribe}). {@code -Dp2px.bench.idle} picks the core thread's
 * idle strategy (default SPIN_YIELD).
 * <pre>
 *   throughput COMMANDS              as fast as the engine takes them; commands/s from first offer to last reply
 *   latency RATE SECONDS [WARMUP]    open loop at RATE commands/s after WARMUP seconds (default 5) of the same;
 *                                    latency from each command's intended send time
 *   replay EVENTS                    journal that many events, then time recovery (from a snapshot, and full)
 *   snapshot USERS ADS               snapshot time and size of a core that holds that many users and ads
 *   floor RATE SECONDS [WARMUP]      the machine's floor for the latency run: two spinning threads, no engine
 * </pre>
 */
public final class EngineBenchmarks
{
    private static final int MERCHANTS = 100;
    private static final int TAKERS = 10_000;
    /** Most commands the one-thread client offers before it polls replies again. */
    private static final int SEND_BURST = 256;
    /** The one-thread client yields while nothing is due ({@code -Dp2px.bench.client-idle=yield}) or spins. */
    private static final boolean YIELDING_CLIENT = "yield".equals(System.getProperty("p2px.bench.client-idle", "spin"));
    private static final long CLIENT_YIELD_MIN_NANOS = 5_000;
    private static final boolean ONE_THREAD_CLIENT =
        !"threads".equals(System.getProperty("p2px.bench.client", "one-thread"));

    /** Set when a run saw something wrong (rejected commands, digests that differ): the process exits 1. */
    private static boolean failed;

    private EngineBenchmarks()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final String mode = args.length > 0 ? args[0] : "throughput";
        switch (mode)
        {
            case "throughput" -> throughput(args.length > 1 ? Long.parseLong(args[1]) : 3_000_000);
            case "latency" -> latency(args.length > 1 ? Integer.parseInt(args[1]) : 100_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 10, args.length > 3 ? Integer.parseInt(args[3]) : 5);
            case "replay" -> replay(args.length > 1 ? Long.parseLong(args[1]) : 10_000_000);
            case "snapshot" -> snapshot(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
            case "floor" -> SchedulingFloor.run(args.length > 1 ? Integer.parseInt(args[1]) : 100_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 10, args.length > 3 ? Integer.parseInt(args[3]) : 5);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(failed ? 1 : 0);
    }

    private static EngineConfig config(final Path data)
    {
        return EngineConfig.defaults(data)
            .withSnapshots(Long.getLong("p2px.bench.snapshot-every", 0), Duration.ZERO)
            .withIdleStrategy(IdleStrategyKind.valueOf(System.getProperty("p2px.bench.idle", "SPIN_YIELD")))
            .withVerifyOnStart(false);
    }

    /**
     * Starts an engine over {@code data}, its journal pretouched {@code -Dp2px.bench.pretouch-mb} (default 16) ahead
     * of the appender (0: not at all).
     */
    private static Engine start(final Path data) throws IOException
    {
        final EngineConfig config = config(data);
        Files.createDirectories(config.journalDirectory());
        final long ahead = Long.getLong("p2px.bench.pretouch-mb", ChronicleJournal.DEFAULT_PRETOUCH_AHEAD_BYTES >> 20) << 20;
        return Engine.start(config, new ChronicleJournal(config.journalDirectory(), config.rollCycle(), config.syncMode(),
            ahead), SystemEpochClock.INSTANCE);
    }

    /**
     * Counts replies and rejections; in a latency run, records each trade's latency from its intended time into the
     * warm-up's histogram or the measured run's. Which one is picked without a branch: a branch that flips when
     * the measurement starts would make the JIT recompile the client's loop just then.
     */
    private static final class Replies implements EventBatchHandler, EventHandler
    {
        private static final int MEASURED = 0;
        private static final int WARM_UP = 1;

        final AtomicLong answered = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        private final EventAdapter adapter = new EventAdapter(this);
        private final long[] intendedNanos;
        private final long firstTrade;
        private final long firstMeasured;
        private final Histogram[] histograms;
        private final StallLog[] stalls;

        /** Counts only. */
        Replies()
        {
            this(null, Long.MAX_VALUE, Long.MAX_VALUE, null, null);
        }

        /**
         * @param intendedNanos each trade's intended send time, by trade number (correlation id - firstTrade)
         * @param histograms    the measured run's and the warm-up's
         * @param stalls        the same, or null to log no stalls
         */
        Replies(final long[] intendedNanos, final long firstTrade, final long firstMeasured, final Histogram[] histograms,
            final StallLog[] stalls)
        {
            this.intendedNanos = intendedNanos;
            this.firstTrade = firstTrade;
            this.firstMeasured = firstMeasured;
            this.histograms = histograms;
            this.stalls = stalls;
        }

        @Override
        public void onBatch(final long batchSequence, final long journalIndex, final long sessionId,
            final DirectBuffer events, final int offset, final int length)
        {
            adapter.onBatch(events, offset, length);
        }

        @Override
        public void onCommandAccepted(final CommandAcceptedDecoder event)
        {
            answer(event.correlationId());
        }

        @Override
        public void onCommandRejected(final CommandRejectedDecoder event)
        {
            rejected.incrementAndGet();
            answer(event.correlationId());
        }

        private void answer(final long correlationId)
        {
            if (histograms != null && correlationId >= firstTrade)
            {
                final long intended = intendedNanos[(int)(correlationId - firstTrade)];
                final long latency = Math.max(0, System.nanoTime() - intended);
                final int phase = (int)((correlationId - firstMeasured) >>> 63); // 1 (WARM_UP) while negative
                histograms[phase].recordValue(latency);
                if (stalls != null)
                {
                    stalls[phase].record(intended, latency);
                }
            }
            answered.incrementAndGet();
        }
    }

    /**
     * The client's side of the engine: offers commands and sees the replies, either on the caller's thread (a
     * poller, polled while offering and waiting) or through a consumer on its own thread.
     */
    private static final class Client implements AutoCloseable
    {
        private final Engine engine;
        private final Replies replies;
        private final EventPoller poller;
        private final Engine.Subscription subscription;

        Client(final Engine engine, final Replies replies)
        {
            this.engine = engine;
            this.replies = replies;
            this.poller = ONE_THREAD_CLIENT ? engine.poller("replies", replies, Engine.CURRENT) : null;
            this.subscription = ONE_THREAD_CLIENT ? null : engine.subscribe("replies", replies, Engine.CURRENT);
        }

        Replies replies()
        {
            return replies;
        }

        boolean tryOffer(final UnsafeBuffer buffer, final int length)
        {
            return engine.publisher().offer(1, buffer, 0, length) == OfferResult.ACCEPTED;
        }

        void offer(final UnsafeBuffer buffer, final int length)
        {
            while (!tryOffer(buffer, length))
            {
                if (poll() == 0)
                {
                    Thread.onSpinWait();
                }
            }
        }

        /** Polls the replies when they come to this thread; 0 when there was nothing (or they do not). */
        int poll()
        {
            return poller == null ? 0 : poller.poll();
        }

        void await(final Replies replies, final long expected) throws InterruptedException
        {
            while (replies.answered.get() < expected)
            {
                if (poller == null)
                {
                    Thread.sleep(1);
                }
                else if (poller.poll() == 0)
                {
                    Thread.yield();
                }
            }
        }

        @Override
        public void close()
        {
            if (poller != null)
            {
                poller.close();
            }
            if (subscription != null)
            {
                subscription.close();
            }
        }
    }

    private static long runSetup(final Client client, final TradeCycleScript script, final UnsafeBuffer buffer)
    {
        long correlationId = 0;
        for (int n = 0; n < script.setupCommands(); n++)
        {
            client.offer(buffer, script.setup(n, buffer, ++correlationId));
        }
        return correlationId;
    }

    static void throughput(final long commands) throws Exception
    {
        final Path data = Files.createTempDirectory("p2px-bench");
        final TradeCycleScript script = new TradeCycleScript(MERCHANTS, TAKERS);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        try (Engine engine = start(data))
        {
            final Replies replies = new Replies();
            try (Client client = new Client(engine, replies))
            {
                final long setup = runSetup(client, script, buffer);
                client.await(replies, setup);

                final long start = System.nanoTime();
                long n = 0;
                while (n < commands)
                {
                    // Offer a burst (until the ring buffer is full), then read what has been answered.
                    int sent = 0;
                    while (n < commands && sent < SEND_BURST && client.tryOffer(buffer, script.trade(n, buffer, setup + 1 + n)))
                    {
                        n++;
                        sent++;
                    }
                    if (client.poll() == 0 && sent == 0)
                    {
                        Thread.yield();
                    }
                }
                client.await(replies, setup + commands);
                final double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("throughput: %,d commands in %.2f s = %,.0f commands/s journaled and published; " +
                    "%d rejected (must be 0); %s client%n", commands, seconds, commands / seconds, replies.rejected.get(),
                    ONE_THREAD_CLIENT ? "one-thread" : "two-thread");
                failed |= replies.rejected.get() != 0;
            }
        }
        finally
        {
            delete(data);
        }
    }

    static void latency(final int rate, final int seconds, final int warmupSeconds) throws Exception
    {
        final Path data = Files.createTempDirectory("p2px-bench");
        final TradeCycleScript script = new TradeCycleScript(MERCHANTS, TAKERS);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final int warmupCommands = rate * warmupSeconds;
        final int commands = rate * seconds;
        final long[] intended = new long[warmupCommands + commands];
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram[] histograms = {histogram, new Histogram(TimeUnit.SECONDS.toNanos(10), 3)};
        final long stallMicros = Long.getLong("p2px.bench.stalls", 0);
        final StallLog[] stalls = stallMicros <= 0 ? null :
            new StallLog[] {new StallLog(stallMicros * 1000), new StallLog(stallMicros * 1000)};
        final long firstTrade = script.setupCommands() + 1;
        final Replies replies = new Replies(intended, firstTrade, firstTrade + warmupCommands, histograms, stalls);
        try (Engine engine = start(data);
            Client client = new Client(engine, replies))
        {
            final long setup = runSetup(client, script, buffer);
            client.await(replies, setup);
            // One open loop: the warm-up (not measured) runs straight into the measured run, through the same code,
            // so the trade path is compiled and the journal's files are in use before the first measured command.
            final long start = System.nanoTime() + 1_000_000;
            if (stalls != null)
            {
                stalls[Replies.MEASURED].measureFrom(start + warmupCommands * (1_000_000_000L / rate));
            }
            openLoop(client, script, buffer, setup, warmupCommands + commands, rate, intended, start);
            client.await(replies, setup + warmupCommands + commands);
            if (stalls != null)
            {
                stalls[Replies.MEASURED].print();
            }
            System.out.printf("latency at %,d commands/s for %d s after %d s of warm-up (%,d commands, %d rejected), " +
                "from intended send time to reply, microseconds: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f" +
                "  max %.1f; %s client%n",
                rate, seconds, warmupSeconds, commands, replies.rejected.get(),
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3,
                ONE_THREAD_CLIENT ? "one-thread" : "two-thread");
            failed |= replies.rejected.get() != 0;
        }
        finally
        {
            delete(data);
        }
    }

    /**
     * Offers trade commands 0 to {@code count - 1} at {@code rate} per second from {@code start} (nano time), each at
     * its intended time (written to {@code intended}), reading replies in between.
     */
    private static void openLoop(
        final Client client, final TradeCycleScript script, final UnsafeBuffer buffer, final long setup,
        final int count, final int rate, final long[] intended, final long start)
    {
        final long intervalNanos = 1_000_000_000L / rate;
        int n = 0;
        while (n < count)
        {
            // Every command whose time has come goes out, then the replies are read. Latency counts from each
            // command's intended time, so a late send shows up in the figures (no coordinated omission).
            final long now = System.nanoTime();
            while (n < count && start + n * intervalNanos <= now)
            {
                intended[n] = start + n * intervalNanos;
                client.offer(buffer, script.trade(n, buffer, setup + 1 + n));
                n++;
            }
            if (client.poll() == 0 && ONE_THREAD_CLIENT)
            {
                // Nothing to read: give the CPU to any other runnable thread (the journal's pretoucher, the JIT)
                // while the next send is not due, so that it runs here rather than preempting the core thread.
                if (YIELDING_CLIENT && start + n * intervalNanos - System.nanoTime() > CLIENT_YIELD_MIN_NANOS)
                {
                    Thread.yield();
                }
            }
            else if (!ONE_THREAD_CLIENT)
            {
                // A separate sending thread sleeps rather than spins: on two cores it would otherwise take a core
                // from the engine and the consumer. Sleeping late shows up in the figures too.
                final long wait = start + n * intervalNanos - System.nanoTime();
                if (wait > 0)
                {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }

    static void replay(final long events) throws Exception
    {
        final Path data = Files.createTempDirectory("p2px-bench");
        final TradeCycleScript script = new TradeCycleScript(MERCHANTS, TAKERS);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        try
        {
            // Each trade command journals two events (CommandAccepted and its effect); a snapshot halfway.
            final long commands = events / 2;
            try (Engine engine = start(data);
                Client client = new Client(engine, new Replies()))
            {
                final Replies replies = client.replies();
                final long setup = runSetup(client, script, buffer);
                for (long n = 0; n < commands; n++)
                {
                    if (n == commands / 2)
                    {
                        client.await(replies, setup + n);
                        engine.snapshotNow();
                    }
                    client.offer(buffer, script.trade(n, buffer, setup + 1 + n));
                }
                client.await(replies, setup + commands);
                engine.closeWithoutSnapshot();
            }
            try (Engine engine = start(data))
            {
                System.out.printf("start to ready from the snapshot plus a tail of %,d events: %.2f s%n",
                    engine.recoveredEvents(), engine.recoveryNanos() / 1e9);
                engine.closeWithoutSnapshot();
            }
            try (Stream<Path> snapshots = Files.list(data.resolve("snapshots")))
            {
                snapshots.forEach(path -> path.toFile().delete());
            }
            try (Engine engine = start(data))
            {
                final double seconds = engine.recoveryNanos() / 1e9;
                System.out.printf("start to ready replaying the whole journal: %,d events in %.2f s = %,.0f events/s%n",
                    engine.recoveredEvents(), seconds, engine.recoveredEvents() / seconds);
                engine.closeWithoutSnapshot();
            }
        }
        finally
        {
            delete(data);
        }
    }

    /** Snapshot time and size for a core holding {@code users} users and {@code ads} ads. */
    static void snapshot(final int users, final int ads) throws Exception
    {
        final TradingCore core = new TradingCore(CoreConfig.defaults());
        core.preallocate(ads, 0);
        final CommandAdapter adapter = new CommandAdapter(core);
        final CommandProxy proxy = new CommandProxy();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final TradeCycleScript world = new TradeCycleScript(0, 0);
        for (int n = 0; n < world.setupCommands(); n++)
        {
            adapter.onCommand(buffer, 0, world.setup(n, buffer, n + 1));
        }
        final AdTermsSpec terms = new AdTermsSpec().fixed(9_200).limits(1_000, 100_000).paymentMethods(0b1111);
        final SplittableRandom random = new SplittableRandom(42);
        for (int user = 0; user < users; user++)
        {
            final long id = 10 + user;
            adapter.onCommand(buffer, 0, proxy.registerUser(buffer, 0, 0, 0, id, Role.MERCHANT, 2));
            adapter.onCommand(buffer, 0, proxy.deposit(buffer, 0, 0, 0, TradeCycleScript.ADMIN, id, TradeCycleScript.USDT,
                1_000_000_000L));
        }
        for (int ad = 0; ad < ads; ad++)
        {
            terms.fixed(9_000 + random.nextInt(400));
            adapter.onCommand(buffer, 0, proxy.createAd(buffer, 0, 0, 0, 10 + ad % users, TradeCycleScript.MARKET,
                Side.SELL, 1_000_000L, AdStatus.ONLINE, terms));
        }
        final ExpandableDirectByteBuffer out = new ExpandableDirectByteBuffer(64 * 1024 * 1024);
        core.writeSnapshot(out, 0);
        final long start = System.nanoTime();
        final int length = core.writeSnapshot(out, 0);
        final long written = System.nanoTime() - start;
        final long loadStart = System.nanoTime();
        final TradingCore loaded = TradingCore.fromSnapshot(CoreConfig.defaults(), out, 0, length);
        final long load = System.nanoTime() - loadStart;
        System.out.printf("snapshot of %,d users and %,d ads: %,d bytes; serialized in %.0f ms (on the snapshot replica's thread: the " +
            "core does not pause), loaded and " +
            "digest-checked in %.0f ms; digests equal: %b%n", users, ads, length, written / 1e6, load / 1e6,
            loaded.digest() == core.digest());
        failed |= loaded.digest() != core.digest();
    }

    private static void delete(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
