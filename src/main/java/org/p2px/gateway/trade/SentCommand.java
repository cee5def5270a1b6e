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
 * {@code outcome} hears the answer or the refusal on that same thread (the audit log writes its line there, never on
 * the view's thread): before the reply is built when waiting, right after it was handed over on a loop.
 */
public record SentCommand<R, T>(CompletableFuture<R> answer, Function<R, T> view, Predicate<R> mayBlock,
    BiConsumer<R, Throwable> outcome)
{
    private static final System.Logger LOG = System.getLogger(SentCommand.class.getName());

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
     * handed over on {@code loop}. {@code outcome} hears it on {@code loop} once the reply is built and handed to
     * whoever waits on the returned future (on the loop, the WebSocket writes it there and then): the audit line is
     * a synchronous log write, and a reply need not wait for it.
     */
    public CompletableFuture<T> answerOn(final Executor loop, final Executor workers)
    {
        final CompletableFuture<T> reply = new CompletableFuture<>();
        answer.whenCompleteAsync((result, failure) ->
        {
            if (failure != null)
            {
                reply.completeExceptionally(failure);
            }
            else if (mayBlock.test(result))
            {
                CompletableFuture.supplyAsync(() -> view.apply(result), workers).whenComplete((built, unbuilt) ->
                    complete(reply, built, unbuilt));
            }
            else
            {
                build(reply, result);
            }
            hear(result, failure);
        }, loop);
        return reply;
    }

    private void hear(final R result, final Throwable failure)
    {
        try
        {
            outcome.accept(result, failure);
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "the outcome of a command was not heard", ex);
        }
    }

    private void build(final CompletableFuture<T> reply, final R result)
    {
        final T built;
        try
        {
            built = view.apply(result);
        }
        catch (final RuntimeException ex)
        {
            reply.completeExceptionally(ex);
            return;
        }
        reply.complete(built);
    }

    private static <T> void complete(final CompletableFuture<T> reply, final T built, final Throwable unbuilt)
    {
        if (unbuilt != null)
        {
            reply.completeExceptionally(unbuilt);
        }
        else
        {
            reply.complete(built);
        }
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
