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
import org.p2px.engine.IdleStrategyKind;
import org.p2px.engine.OfferResult;

/**
 * End-to-end engine benchmarks, in process: commands go through the ring buffer, the core, the Chronicle Queue
 * journal and the outbound broadcast to a consumer that sees the replies. See docs/benchmarks.md.
 * <pre>
 *   throughput COMMANDS              as fast as the engine takes them; commands/s from first offer to last reply
 *   latency RATE SECONDS             open loop at RATE commands/s; latency from each command's intended send time
 *   replay EVENTS                    journal that many events, then time recovery (from a snapshot, and full)
 *   snapshot USERS ADS               snapshot time and size of a core that holds that many users and ads
 * </pre>
 */
public final class EngineBenchmarks
{
    private static final int MERCHANTS = 100;
    private static final int TAKERS = 10_000;

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
                args.length > 2 ? Integer.parseInt(args[2]) : 10);
            case "replay" -> replay(args.length > 1 ? Long.parseLong(args[1]) : 10_000_000);
            case "snapshot" -> snapshot(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(failed ? 1 : 0);
    }

    private static EngineConfig config(final Path data)
    {
        return EngineConfig.defaults(data)
            .withSnapshots(0, Duration.ZERO)
            .withIdleStrategy(IdleStrategyKind.valueOf(System.getProperty("p2px.bench.idle", "BACKOFF")))
            .withVerifyOnStart(false);
    }

    /** Counts replies and rejections; with a histogram, records latency from each command's intended time. */
    private static final class Replies implements EventBatchHandler, EventHandler
    {
        final AtomicLong answered = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        private final EventAdapter adapter = new EventAdapter(this);
        private final long[] intendedNanos;
        private final Histogram histogram;
        private final long firstTrade;

        Replies(final long[] intendedNanos, final Histogram histogram, final long firstTrade)
        {
            this.intendedNanos = intendedNanos;
            this.histogram = histogram;
            this.firstTrade = firstTrade;
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
            if (histogram != null && correlationId >= firstTrade)
            {
                histogram.recordValue(Math.max(0, System.nanoTime() - intendedNanos[(int)(correlationId - firstTrade)]));
            }
            answered.incrementAndGet();
        }
    }

    private static long runSetup(final Engine engine, final TradeCycleScript script, final UnsafeBuffer buffer)
    {
        long correlationId = 0;
        for (int n = 0; n < script.setupCommands(); n++)
        {
            offer(engine, buffer, script.setup(n, buffer, ++correlationId));
        }
        return correlationId;
    }

    private static void offer(final Engine engine, final UnsafeBuffer buffer, final int length)
    {
        while (engine.publisher().offer(1, buffer, 0, length) != OfferResult.ACCEPTED)
        {
            Thread.onSpinWait();
        }
    }

    private static void awaitAnswers(final Replies replies, final long expected) throws InterruptedException
    {
        while (replies.answered.get() < expected)
        {
            Thread.sleep(1);
        }
    }

    static void throughput(final long commands) throws Exception
    {
        final Path data = Files.createTempDirectory("p2px-bench");
        final TradeCycleScript script = new TradeCycleScript(MERCHANTS, TAKERS);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        try (Engine engine = Engine.start(config(data), SystemEpochClock.INSTANCE))
        {
            final Replies replies = new Replies(null, null, Long.MAX_VALUE);
            engine.subscribe("replies", replies, Engine.CURRENT);
            final long setup = runSetup(engine, script, buffer);
            awaitAnswers(replies, setup);

            final long start = System.nanoTime();
            for (long n = 0; n < commands; n++)
            {
                offer(engine, buffer, script.trade(n, buffer, setup + 1 + n));
            }
            awaitAnswers(replies, setup + commands);
            final double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("throughput: %,d commands in %.2f s = %,.0f commands/s journaled and published; " +
                "%d rejected (must be 0)%n", commands, seconds, commands / seconds, replies.rejected.get());
            failed |= replies.rejected.get() != 0;
        }
        finally
        {
            delete(data);
        }
    }

    static void latency(final int rate, final int seconds) throws Exception
    {
        final Path data = Files.createTempDirectory("p2px-bench");
        final TradeCycleScript script = new TradeCycleScript(MERCHANTS, TAKERS);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final int commands = rate * seconds;
        final long[] intended = new long[commands];
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (Engine engine = Engine.start(config(data), SystemEpochClock.INSTANCE))
        {
            final Replies warmup = new Replies(null, null, Long.MAX_VALUE);
            engine.subscribe("warmup", warmup, Engine.CURRENT);
            final long setup = runSetup(engine, script, buffer);
            awaitAnswers(warmup, setup);
            final Replies replies = new Replies(intended, histogram, setup + 1);
            engine.subscribe("replies", replies, Engine.CURRENT);

            final long intervalNanos = 1_000_000_000L / rate;
            final long start = System.nanoTime() + 1_000_000;
            for (int n = 0; n < commands; n++)
            {
                final long sendAt = start + n * intervalNanos;
                intended[n] = sendAt;
                // Sleep rather than spin until the send time: on two cores a spinning sender would take a core
                // from the engine. Commands whose time has come go out together; latency counts from each one's
                // intended time, so sleeping late shows up in the figures instead of hiding (no coordinated omission).
                long wait;
                while ((wait = sendAt - System.nanoTime()) > 0)
                {
                    LockSupport.parkNanos(wait);
                }
                offer(engine, buffer, script.trade(n, buffer, setup + 1 + n));
            }
            awaitAnswers(replies, commands);
            System.out.printf("latency at %,d commands/s for %d s (%,d commands, %d rejected), from intended send " +
                "time to reply, microseconds: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f  max %.1f%n",
                rate, seconds, commands, replies.rejected.get(),
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3);
            failed |= replies.rejected.get() != 0;
        }
        finally
        {
            delete(data);
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
            try (Engine engine = Engine.start(config(data), SystemEpochClock.INSTANCE))
            {
                final Replies replies = new Replies(null, null, Long.MAX_VALUE);
                engine.subscribe("replies", replies, Engine.CURRENT);
                final long setup = runSetup(engine, script, buffer);
                for (long n = 0; n < commands; n++)
                {
                    if (n == commands / 2)
                    {
                        awaitAnswers(replies, setup + n);
                        engine.snapshotNow();
                    }
                    offer(engine, buffer, script.trade(n, buffer, setup + 1 + n));
                }
                awaitAnswers(replies, setup + commands);
                engine.closeWithoutSnapshot();
            }
            try (Engine engine = Engine.start(config(data), SystemEpochClock.INSTANCE))
            {
                System.out.printf("start to ready from the snapshot plus a tail of %,d events: %.2f s%n",
                    engine.recoveredEvents(), engine.recoveryNanos() / 1e9);
                engine.closeWithoutSnapshot();
            }
            try (Stream<Path> snapshots = Files.list(data.resolve("snapshots")))
            {
                snapshots.forEach(path -> path.toFile().delete());
            }
            try (Engine engine = Engine.start(config(data), SystemEpochClock.INSTANCE))
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
        System.out.printf("snapshot of %,d users and %,d ads: %,d bytes; written (core paused) in %.0f ms, loaded and " +
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
