package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Role;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.Journal;
import org.p2px.journal.JournalReader;
import org.p2px.journal.JournalWriteException;

class EngineFailStopTest
{
    @TempDir
    Path data;

    /** A journal whose appends fail once told to, as a full disk or an I/O error would make them. */
    private static final class BreakableJournal implements Journal
    {
        private final Journal delegate;
        final AtomicBoolean broken = new AtomicBoolean();

        BreakableJournal(final Journal delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public long append(final long batchSequence, final long sessionId, final DirectBuffer events, final int offset,
            final int length)
        {
            if (broken.get())
            {
                throw new JournalWriteException("disk full (simulated)", new java.io.IOException("No space left on device"));
            }
            return delegate.append(batchSequence, sessionId, events, offset, length);
        }

        @Override
        public JournalReader reader(final long afterIndex)
        {
            return delegate.reader(afterIndex);
        }

        @Override
        public long lastIndex()
        {
            return delegate.lastIndex();
        }

        @Override
        public void close()
        {
            delegate.close();
        }
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheEngineAndLeavesTheStateAsJournaled() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults(data).withSnapshots(0, Duration.ZERO);
        final BreakableJournal journal = new BreakableJournal(
            new ChronicleJournal(config.journalDirectory(), config.rollCycle(), config.syncMode()));
        final long digestBefore;
        try (Engine engine = Engine.start(config, journal, SystemEpochClock.INSTANCE))
        {
            final ReplyCollector replies = new ReplyCollector();
            engine.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(engine.publisher(), 1);
            replies.await(client.world());
            replies.await(client.register(10, Role.MERCHANT));
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.deposit(10, 5_000_000)));
            digestBefore = engine.digest();

            journal.broken.set(true);
            final long failed = client.deposit(10, 7_000_000);
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE.name(), replies.await(failed));
            assertEquals(EngineStatus.FAILED, engine.status());
            assertEquals(digestBefore, engine.digest(), "the unjournaled deposit was not kept");
            assertEquals(1, engine.counters().appendFailures());
            assertEquals(1, engine.counters().rejections(ErrorCode.SERVICE_UNAVAILABLE));
            assertEquals(OfferResult.UNAVAILABLE,
                client.offerOnce(client.proxy().deposit(client.buffer(), 0, client.nextCorrelationId(), 0,
                    TestGateway.ADMIN, 10, TestGateway.USDT, 1)));
            assertEquals(digestBefore, engine.digest());
        }

        try (Engine restarted = Engine.start(config.withSnapshots(0, Duration.ZERO), SystemEpochClock.INSTANCE))
        {
            assertEquals(EngineStatus.READY, restarted.status());
            assertEquals(digestBefore, restarted.digest(), "a restart sees exactly what was journaled");
            final ReplyCollector replies = new ReplyCollector();
            restarted.subscribe("replies", replies, Engine.CURRENT);
            final TestGateway client = new TestGateway(restarted.publisher(), 1_000);
            assertEquals(ReplyCollector.ACCEPTED, replies.await(client.deposit(10, 7_000_000)));
            assertNotEquals(digestBefore, restarted.digest());
        }
    }
}
