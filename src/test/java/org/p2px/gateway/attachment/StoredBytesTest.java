package org.p2px.gateway.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StoredBytesTest
{
    private static final String FILE = "a".repeat(64);
    private static final String THUMBNAIL = "b".repeat(64);

    /** The race it closes: "no row names them, delete" waits while an upload of the same bytes stores its row. */
    @Test
    void aDeletionOfTheSameBytesWaitsForTheUploadStoringThem() throws Exception
    {
        final List<String> steps = new CopyOnWriteArrayList<>();
        final CountDownLatch uploadInside = new CountDownLatch(1);
        final CountDownLatch letUploadFinish = new CountDownLatch(1);
        final Thread upload = new Thread(() -> StoredBytes.holding(FILE, THUMBNAIL, () ->
        {
            steps.add("upload stores bytes");
            uploadInside.countDown();
            await(letUploadFinish);
            steps.add("upload commits its row");
            return null;
        }));
        final Thread deletion = new Thread(() -> StoredBytes.holding(THUMBNAIL, null, () ->
        {
            steps.add("deletion counts rows");
            return null;
        }));
        upload.start();
        assertTrue(uploadInside.await(10, TimeUnit.SECONDS));
        deletion.start();
        deletion.join(300);
        assertTrue(deletion.isAlive(), "the deletion went in while the upload held the bytes");
        letUploadFinish.countDown();
        upload.join(10_000);
        deletion.join(10_000);
        assertFalse(deletion.isAlive());
        assertEquals(List.of("upload stores bytes", "upload commits its row", "deletion counts rows"), steps);
    }

    /** Two uploads naming the same two hashes in opposite roles never wait on each other in a circle. */
    @Test
    void hashesTakenInEitherOrderDoNotDeadlock() throws Exception
    {
        final Thread one = new Thread(() -> repeat(FILE, THUMBNAIL));
        final Thread two = new Thread(() -> repeat(THUMBNAIL, FILE));
        one.start();
        two.start();
        one.join(30_000);
        two.join(30_000);
        assertFalse(one.isAlive() || two.isAlive(), "deadlocked");
    }

    private static void repeat(final String first, final String second)
    {
        for (int i = 0; i < 20_000; i++)
        {
            StoredBytes.holding(first, second, () -> null);
        }
    }

    private static void await(final CountDownLatch latch)
    {
        try
        {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
