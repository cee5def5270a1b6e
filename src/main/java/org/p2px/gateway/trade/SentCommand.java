package org.p2px.gateway.trade;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

import org.p2px.server.CoreCommands;

/**
 * A command on its way: what the live view will answer right after its batch ({@code answer}, completed on the
 * view's thread), and how that becomes the caller's reply ({@code view}). The reply is built off the view's thread:
 * by a blocked caller after {@link #await()}, or on a given thread (an event loop) with {@link #answerOn}, which
 * hands the building to a worker instead when it might block ({@code mayBlock}: a name not cached yet).
 */
public record SentCommand<R, T>(CompletableFuture<R> answer, Function<R, T> view, Predicate<R> mayBlock)
{
    /** Waits for the answer (on a thread that may block) and builds the reply there. */
    public T await()
    {
        return view.apply(CoreCommands.await(answer));
    }

    /** The reply, built on {@code loop}, or on {@code workers} when building it might block. */
    public CompletableFuture<T> answerOn(final Executor loop, final Executor workers)
    {
        return answer.thenComposeAsync(r -> mayBlock.test(r) ? CompletableFuture.supplyAsync(() -> view.apply(r), workers)
            : CompletableFuture.completedFuture(view.apply(r)), loop);
    }

    public <U> SentCommand<R, U> then(final Function<T, U> next)
    {
        return new SentCommand<>(answer, view.andThen(next), mayBlock);
    }
}
