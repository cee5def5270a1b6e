package org.p2px.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochClock;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.DepositDecoder;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;
import org.p2px.codec.Role;

/**
 * The child JVM of {@link EngineCrashTest}: runs an engine under a stream of deposits and writes the correlation
 * id of every deposit it has an acknowledgement for to a file, until it is killed. Deposit {@code c} credits
 * user {@code 10 + c % USERS} with {@code c} minor units, so the parent can recompute every balance.
 *
 * <p>Arguments: data directory, acknowledgement file, first correlation id, "fresh" to set up the world first.
 */
public final class CrashLoadServer
{
    static final int USERS = 7;

    private CrashLoadServer()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path data = Path.of(args[0]);
        final long first = Long.parseLong(args[2]);
        final boolean fresh = args.length > 3 && "fresh".equals(args[3]);
        final EngineConfig config = EngineConfig.defaults(data).withSnapshots(5_000, Duration.ofSeconds(1));
        final Engine engine = Engine.start(config, SystemEpochClock.INSTANCE);
        try (FileChannel acks = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND))
        {
            engine.subscribe("acks", new AckWriter(acks), Engine.CURRENT);
            final ReplyCollector setup = new ReplyCollector();
            engine.subscribe("setup", setup, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), first);
            if (fresh)
            {
                client.world();
                for (int user = 0; user < USERS; user++)
                {
                    setup.await(client.register(10 + user, Role.USER));
                }
            }
            System.out.println("READY");
            System.out.flush();
            while (true)
            {
                final long correlationId = client.nextCorrelationId();
                client.offer(client.proxy().deposit(client.buffer(), 0, correlationId, 0, TestGateway.ADMIN,
                    10 + correlationId % USERS, TestGateway.USDT, correlationId));
            }
        }
    }

    /** Appends "correlationId\n" for each accepted deposit, as soon as its batch is published. */
    private static final class AckWriter implements EventBatchHandler, EventHandler
    {
        private final FileChannel acks;
        private final EventAdapter adapter = new EventAdapter(this);
        private boolean deposit;
        private long correlationId;

        AckWriter(final FileChannel acks)
        {
            this.acks = acks;
        }

        @Override
        public void onBatch(final long batchSequence, final long journalIndex, final long sessionId,
            final DirectBuffer events, final int offset, final int length)
        {
            deposit = false;
            adapter.onBatch(events, offset, length);
            if (deposit)
            {
                try
                {
                    acks.write(ByteBuffer.wrap((correlationId + "\n").getBytes(StandardCharsets.US_ASCII)));
                }
                catch (final IOException ex)
                {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
        }

        @Override
        public void onCommandAccepted(final CommandAcceptedDecoder event)
        {
            deposit = event.commandTemplateId() == DepositDecoder.TEMPLATE_ID;
            correlationId = event.correlationId();
        }
    }
}
