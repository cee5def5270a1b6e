package org.p2px.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;

class PasswordHashingTest
{
    @Test
    void hashesAndChecksPasswords()
    {
        try (PasswordHashing hashing = new PasswordHashing(1, 4))
        {
            final String hash = hashing.hash("correct horse");
            assertTrue(hashing.matches("correct horse", hash));
            assertFalse(hashing.matches("wrong horse", hash));
            assertFalse(hashing.matchesNone("correct horse"));
            assertEquals(4, hashing.computations());
        }
    }

    @Test
    void moreHashesAtOnceThanItsThreadsAndQueueHoldAreRefusedNotQueuedWithoutBound() throws Exception
    {
        final ExecutorService callers = Executors.newFixedThreadPool(12);
        try (PasswordHashing hashing = new PasswordHashing(1, 2))
        {
            final List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 12; i++)
            {
                outcomes.add(CompletableFuture.supplyAsync(() ->
                {
                    try
                    {
                        hashing.hash("a password");
                        return "hashed";
                    }
                    catch (final ApiException ex)
                    {
                        return ex.code();
                    }
                }, callers));
            }
            final long hashed = outcomes.stream().map(CompletableFuture::join).filter("hashed"::equals).count();
            final long refused = outcomes.stream().map(CompletableFuture::join).filter("RATE_LIMITED"::equals).count();
            assertEquals(12, hashed + refused);
            assertTrue(refused > 0, "one thread and two queued cannot take twelve at once");
            assertTrue(hashed >= 3, "the thread and its queue were used");
            assertEquals(refused, hashing.refusals());
        }
        finally
        {
            callers.shutdownNow();
        }
    }
}
