package org.p2px.gateway.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/** A command's reply on an event loop: built there (or on a worker), and the outcome (the audit line) heard after. */
class SentCommandTest
{
    private static final Executor LOOP = Runnable::run;

    private final List<String> steps = new CopyOnWriteArrayList<>();

    @Test
    void theReplyIsHandedOverBeforeTheOutcomeIsHeard()
    {
        final CompletableFuture<Integer> answer = new CompletableFuture<>();
        final CompletableFuture<String> reply = command(answer, false).answerOn(LOOP, LOOP);
        reply.whenComplete((text, failure) -> steps.add("reply " + text));
        answer.complete(7);
        assertEquals(List.of("built 7", "reply #7", "outcome 7"), steps);
    }

    @Test
    void aReplyThatMightBlockIsBuiltOnAWorker()
    {
        final List<Runnable> workers = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> answer = new CompletableFuture<>();
        final CompletableFuture<String> reply = command(answer, true).answerOn(LOOP, workers::add);
        answer.complete(8);
        assertEquals(List.of("outcome 8"), steps, "nothing built on the loop");
        workers.forEach(Runnable::run);
        assertEquals("#8", reply.join());
        assertEquals(List.of("outcome 8", "built 8"), steps);
    }

    @Test
    void aRefusalFailsTheReplyAndIsHeard()
    {
        final CompletableFuture<Integer> answer = new CompletableFuture<>();
        final CompletableFuture<String> reply = command(answer, false).answerOn(LOOP, LOOP);
        answer.completeExceptionally(new IllegalStateException("refused"));
        assertTrue(reply.isCompletedExceptionally());
        assertEquals(List.of("outcome refused"), steps);
    }

    @Test
    void aReplyThatCannotBeBuiltFailsWithTheCause()
    {
        final CompletableFuture<Integer> answer = new CompletableFuture<>();
        final SentCommand<Integer, String> command = new SentCommand<>(answer, value ->
        {
            throw new IllegalArgumentException("unbuildable " + value);
        }, value -> false);
        final CompletableFuture<String> reply = command.answerOn(LOOP, LOOP);
        answer.complete(9);
        assertEquals("unbuildable 9", reply.handle((text, failure) -> failure.getMessage()).join());
    }

    private SentCommand<Integer, String> command(final CompletableFuture<Integer> answer, final boolean mayBlock)
    {
        return new SentCommand<Integer, String>(answer, value ->
        {
            steps.add("built " + value);
            return "#" + value;
        }, value -> mayBlock).onOutcome((value, failure) -> steps.add("outcome " + (failure == null ? value
            : failure.getMessage())));
    }
}
