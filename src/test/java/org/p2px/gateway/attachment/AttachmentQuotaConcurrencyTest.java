package org.p2px.gateway.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.gateway.attachment.AttachmentsContract.upload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.attachment.AttachmentsContract.Trade;
import org.p2px.readmodel.AttachmentRow;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Uploads fired together at an order (or by a user) a few short of its limit: exactly as many as fit are stored,
 * the rest refused with the limit's code, never one more.
 */
@QuarkusTest
class AttachmentQuotaConcurrencyTest
{
    private static final int TOGETHER = 8;
    private static final int ROOM = 3;

    @Inject
    AttachmentSettings settings;

    @Test
    void concurrentUploadsNeverPassThePerOrderLimit() throws Exception
    {
        final Trade trade = Trade.open();
        prefill(trade.orderId(), trade.seller().id(), settings.maxPerOrder() - ROOM);
        final Map<Integer, Long> statuses = together(i -> i % 2 == 0 ? trade.buyer() : trade.seller(), trade.orderId());
        assertEquals(Map.of(201, (long)ROOM, 409, (long)(TOGETHER - ROOM)), statuses);
        assertEquals(settings.maxPerOrder(), AttachmentRow.count("orderId", trade.orderId()));
    }

    @Test
    void concurrentUploadsNeverPassTheDailyQuota() throws Exception
    {
        final Trade trade = Trade.open();
        // The quota counts a user's uploads across orders: the earlier ones are on another order.
        prefill(Trade.open().orderId(), trade.buyer().id(), settings.dailyQuota() - ROOM);
        final Map<Integer, Long> statuses = together(i -> trade.buyer(), trade.orderId());
        assertEquals(Map.of(201, (long)ROOM, 429, (long)(TOGETHER - ROOM)), statuses);
        assertEquals(settings.dailyQuota(), AttachmentRow.count("uploaderId", trade.buyer().id()));
    }

    /** Fires {@link #TOGETHER} uploads at once; answers how many got each status. */
    private static Map<Integer, Long> together(final Function<Integer, Trader> uploader, final long orderId)
        throws Exception
    {
        final List<Callable<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < TOGETHER; i++)
        {
            final Trader who = uploader.apply(i);
            final byte[] png = TestFiles.png(20 + i, 20);   // different bytes, so different files
            uploads.add(() -> upload(who, orderId, "proof.png", "image/png", png).statusCode());
        }
        return together(uploads);
    }

    /** Runs {@code uploads} at once, each on a thread of its own released by one latch; counts their answers. */
    static <T> Map<T, Long> together(final List<Callable<T>> uploads) throws Exception
    {
        final ExecutorService pool = Executors.newFixedThreadPool(uploads.size());
        try
        {
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<T>> answers = new ArrayList<>();
            for (final Callable<T> upload : uploads)
            {
                answers.add(pool.submit(() ->
                {
                    start.await();
                    return upload.call();
                }));
            }
            start.countDown();
            final List<T> outcomes = new ArrayList<>();
            for (final Future<T> answer : answers)
            {
                outcomes.add(answer.get());
            }
            return outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** Rows standing for uploads made earlier today (the limits count rows; no bytes or journal are needed). */
    static void prefill(final long orderId, final long uploaderId, final int count)
    {
        QuarkusTransaction.requiringNew().run(() ->
        {
            for (int i = 0; i < count; i++)
            {
                final AttachmentRow row = new AttachmentRow();
                row.orderId = orderId;
                row.uploaderId = uploaderId;
                row.mediaType = "image/png";
                row.size = 1;
                row.sha256 = "0".repeat(63) + (i % 10);
                row.fileName = "earlier.png";
                row.createdAt = Instant.now();
                row.persist();
            }
        });
    }
}
