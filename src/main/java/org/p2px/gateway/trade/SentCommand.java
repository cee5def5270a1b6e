package org.p2px.gateway.trade;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.p2px.server.CoreCommands;

/**
 * A command on its way: what the live view will answer right after its batch ({@code answer}, completed on the
 * view's thread), and how that becomes the caller's reply ({@code view}). The reply is built off the view's thread:
 * by a blocked caller after {@link #await()}, or on a given thread (an event loop) with {@link #answerOn}, which
 * hands the building to a worker instead when it might block ({@code mayBlock}: a name not cached yet).
 * {@code outcome} hears the answer or the refusal first, on that same thread (the audit log writes its line there,
 * never on the view's thread).
 */
public record SentCommand<R, T>(CompletableFuture<R> answer, Function<R, T> view, Predicate<R> mayBlock,
    BiConsumer<R, Throwable> outcome)
{
    public SentCommand(final CompletableFuture<R> answer, final Function<R, T> view, final Predicate<R> mayBlock)
    {
        this(answer, view, mayBlock, (result, failure) -> { });
    }

    /** Waits for the answer (on a thread that may block) and builds the reply there. */
    public T await()
    {
        final R result;
        try
        {
            result = CoreCommands.await(answer);
        }
        catch (final RuntimeException failure)
        {
            outcome.accept(null, failure);
            throw failure;
        }
        outcome.accept(result, null);
        return view.apply(result);
    }

    /**
     * The reply, built on {@code loop}, or on {@code workers} when building it might block; a refusal, too, is
     * handed over on {@code loop}.
     */
    public CompletableFuture<T> answerOn(final Executor loop, final Executor workers)
    {
        return answer.whenCompleteAsync(outcome, loop).thenCompose(r -> mayBlock.test(r)
            ? CompletableFuture.supplyAsync(() -> view.apply(r), workers)
            : CompletableFuture.completedFuture(view.apply(r)));
    }

    public <U> SentCommand<R, U> then(final Function<T, U> next)
    {
        return new SentCommand<>(answer, view.andThen(next), mayBlock, outcome);
    }

    /** The same command, with {@code next} hearing its outcome after those already listening. */
    public SentCommand<R, T> onOutcome(final BiConsumer<R, Throwable> next)
    {
        return new SentCommand<>(answer, view, mayBlock, outcome.andThen(next));
    }
}
