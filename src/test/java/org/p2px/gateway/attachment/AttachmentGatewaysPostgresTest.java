package org.p2px.gateway.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.Caller;
import org.p2px.gateway.attachment.AttachmentsContract.Trade;
import org.p2px.readmodel.ApiPermission;
import org.p2px.readmodel.AttachmentRow;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Two gateways on one PostgreSQL database and one attachment store (run with {@code -Ppostgres}): the server's
 * {@link AttachmentService} and a second one beside it with locks of its own, as another gateway process would have.
 * Uploads through both at once never pass the per-order limit or the daily quota, and a refused upload through one
 * never deletes the bytes of the same file accepted through the other, under seeded pauses in the shared store.
 */
@QuarkusTest
class AttachmentGatewaysPostgresTest
{
    private static final int TOGETHER = 8;
    private static final int ROOM = 3;
    private static final int ROUNDS = 40;
    private static final String STORED = "stored";
    private static final long SEED = Long.getLong("p2px.test.seed", System.nanoTime());

    @Inject
    AttachmentService gatewayOne;

    @Inject
    SecondService services;

    @Inject
    AttachmentStore store;

    @Inject
    AttachmentSettings settings;

    @BeforeEach
    void onPostgres()
    {
        assumeTrue("postgresql".equals(System.getProperty("p2px.db.kind")),
            "the locks shared by gateways are PostgreSQL's: run with -Ppostgres");
    }

    @Test
    void uploadsTogetherThroughTwoGatewaysNeverPassThePerOrderLimit() throws Exception
    {
        final Trade trade = Trade.open();
        AttachmentQuotaConcurrencyTest.prefill(trade.orderId(), trade.seller().id(), settings.maxPerOrder() - ROOM);
        final Map<String, Long> outcomes = together(i -> i % 2 == 0 ? trade.buyer() : trade.seller(), trade.orderId());
        assertEquals(Map.of(STORED, (long)ROOM, GatewayError.TOO_MANY_ATTACHMENTS.name(), (long)(TOGETHER - ROOM)), outcomes);
        assertEquals(settings.maxPerOrder(), AttachmentRow.count("orderId", trade.orderId()));
    }

    @Test
    void uploadsTogetherThroughTwoGatewaysNeverPassTheDailyQuota() throws Exception
    {
        final Trade trade = Trade.open();
        AttachmentQuotaConcurrencyTest.prefill(Trade.open().orderId(), trade.buyer().id(), settings.dailyQuota() - ROOM);
        final Map<String, Long> outcomes = together(i -> trade.buyer(), trade.orderId());
        assertEquals(Map.of(STORED, (long)ROOM, GatewayError.ATTACHMENT_QUOTA_EXCEEDED.name(), (long)(TOGETHER - ROOM)),
            outcomes);
        assertEquals(settings.dailyQuota(), AttachmentRow.count("uploaderId", trade.buyer().id()));
    }

    /**
     * Each round, the same new file is uploaded through both gateways at once: accepted through one, refused through
     * the other once its bytes are stored (as the recount refuses), the shared store pausing a seeded while around
     * every write and deletion. The accepted row keeps its bytes.
     */
    @Test
    void aRefusedUploadThroughOneGatewayNeverDeletesTheBytesOfTheSameFileAcceptedThroughTheOther() throws Exception
    {
        System.out.println("AttachmentGatewaysPostgresTest seed " + SEED + " (-Dp2px.test.seed=" + SEED + " repeats it)");
        final SplittableRandom random = new SplittableRandom(SEED);
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        try
        {
            for (int round = 0; round < ROUNDS; round++)
            {
                final byte[] content = new byte[64 + random.nextInt(64)];
                random.nextBytes(content);
                final Path acceptedFile = temporary(content);
                final Path refusedFile = temporary(content);
                final String sha256 = Sha256.hex(Sha256.of(acceptedFile));
                final long orderId = 9_000_000_000L + random.nextInt(1_000_000);
                final AttachmentBytes one = new AttachmentBytes(new AdvisoryUploadLocks(), new PausingStore(store, random.split()));
                final AttachmentBytes two = new AttachmentBytes(new AdvisoryUploadLocks(), new PausingStore(store, random.split()));
                final CountDownLatch start = new CountDownLatch(1);
                final Future<AttachmentRow> accepted = pool.submit(inRequest(() ->
                {
                    start.await();
                    return one.store(acceptedFile, sha256, null, null, orderId, 1, () -> row(orderId, sha256));
                }));
                final Future<String> refused = pool.submit(inRequest(() ->
                {
                    start.await();
                    return assertThrows(ApiException.class, () -> two.store(refusedFile, sha256, null, null, orderId, 2,
                        () -> { throw ApiException.of(GatewayError.TOO_MANY_ATTACHMENTS); })).code();
                }));
                start.countDown();
                final AttachmentRow row = accepted.get();
                assertEquals(GatewayError.TOO_MANY_ATTACHMENTS.name(), refused.get());
                assertNotNull(AttachmentRow.findById(row.id), "round " + round);
                try (InputStream bytes = store.open(sha256))
                {
                    assertNotNull(bytes, "round " + round + ": the accepted file lost its bytes (seed " + SEED + ")");
                }
                Files.deleteIfExists(acceptedFile);
                Files.deleteIfExists(refusedFile);
            }
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** Fires {@link #TOGETHER} uploads at once through the two gateways (which one: seeded); counts the outcomes. */
    private Map<String, Long> together(final Function<Integer, Trader> uploader, final long orderId) throws Exception
    {
        System.out.println("AttachmentGatewaysPostgresTest seed " + SEED + " (-Dp2px.test.seed=" + SEED + " repeats it)");
        final SplittableRandom random = new SplittableRandom(SEED);
        final AttachmentService gatewayTwo = services.over(store, new AdvisoryUploadLocks());
        final List<Callable<String>> uploads = new ArrayList<>();
        for (int i = 0; i < TOGETHER; i++)
        {
            final Caller who = new Caller(uploader.apply(i).id(), Set.of(ApiPermission.READ, ApiPermission.TRADE), true);
            final AttachmentService through = random.nextBoolean() ? gatewayOne : gatewayTwo;
            final Path file = temporary(TestFiles.png(20 + i, 20));   // different bytes, so different files
            uploads.add(inRequest(() ->
            {
                try
                {
                    through.upload(who, orderId, "proof.png", file, Files.size(file));
                    return STORED;
                }
                catch (final ApiException refused)
                {
                    return refused.code();
                }
            }));
        }
        return AttachmentQuotaConcurrencyTest.together(uploads);
    }

    private static AttachmentRow row(final long orderId, final String sha256)
    {
        final AttachmentRow row = new AttachmentRow();
        row.orderId = orderId;
        row.uploaderId = 1;
        row.mediaType = "application/pdf";
        row.size = 1;
        row.sha256 = sha256;
        row.fileName = "statement.pdf";
        row.createdAt = Instant.now();
        row.persist();
        return row;
    }

    /** What a gateway's worker thread has: a request context (the database reads outside a transaction need one). */
    private static <T> Callable<T> inRequest(final Callable<T> work)
    {
        return () ->
        {
            final ManagedContext context = Arc.container().requestContext();
            context.activate();
            try
            {
                return work.call();
            }
            finally
            {
                context.terminate();
            }
        };
    }

    private static Path temporary(final byte[] content) throws IOException
    {
        final Path file = Files.createTempFile("gateways-", ".upload");
        Files.write(file, content);
        return file;
    }

    /** The shared store, pausing up to 3 ms (seeded) before and after each write and deletion. */
    private static final class PausingStore implements AttachmentStore
    {
        private final AttachmentStore store;
        private final SplittableRandom random;

        PausingStore(final AttachmentStore store, final SplittableRandom random)
        {
            this.store = store;
            this.random = random;
        }

        @Override
        public String put(final Path file) throws IOException
        {
            pause();
            final String sha256 = store.put(file);
            pause();
            return sha256;
        }

        @Override
        public InputStream open(final String sha256) throws IOException
        {
            return store.open(sha256);
        }

        @Override
        public void delete(final String sha256) throws IOException
        {
            pause();
            store.delete(sha256);
            pause();
        }

        private void pause()
        {
            try
            {
                Thread.sleep(random.nextInt(4));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
