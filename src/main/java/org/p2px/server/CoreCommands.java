package org.p2px.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Role;
import org.p2px.live.AnswerReader;
import org.p2px.live.Command;
import org.p2px.live.CommandRefusedException;
import org.p2px.live.LiveState;
import org.p2px.live.LiveView;

/**
 * The gateways' way to the trading core: sends a command through the {@link LiveView} and returns what the
 * caller reads from the view once the command's batch is applied, or reads the view itself. A refusal of any
 * kind (BUSY, UNAVAILABLE, a rule, no answer in time) comes back as an {@link ApiException}.
 */
@Singleton
public class CoreCommands
{
    private final Supplier<LiveView> views;

    @Inject
    public CoreCommands(final LiveViewLifecycle lifecycle)
    {
        this(lifecycle::view);
    }

    /** Over whichever view {@code views} gives now (null: none running). */
    public CoreCommands(final Supplier<LiveView> views)
    {
        this.views = views;
    }

    public void registerUser(final long userId, final Role role, final int kycLevel)
    {
        send((proxy, buffer, offset, correlationId) ->
            proxy.registerUser(buffer, offset, correlationId, 0, userId, role, kycLevel));
    }

    public void setUserRole(final long actorId, final long userId, final Role role)
    {
        send((proxy, buffer, offset, correlationId) ->
            proxy.setUserRole(buffer, offset, correlationId, 0, actorId, userId, role));
    }

    public void setUserKyc(final long actorId, final long userId, final int kycLevel)
    {
        send((proxy, buffer, offset, correlationId) ->
            proxy.setUserKyc(buffer, offset, correlationId, 0, actorId, userId, kycLevel));
    }

    /** Sends a command; returns its accepted batch (a copy of its events). */
    public CoreReply send(final Command command)
    {
        return send(command, (reply, state) -> new CoreReply(reply.batchSequence(), reply.copy()));
    }

    /** Sends a command; returns what {@code answer} read from the live view right after its batch. */
    public <T> T send(final Command command, final AnswerReader<T> answer)
    {
        try
        {
            return view().send(command, answer);
        }
        catch (final CommandRefusedException ex)
        {
            throw refusal(ex);
        }
    }

    /**
     * Sends a command without waiting; the future completes on the live view's thread (keep what runs there
     * short: hop to the caller's own thread for anything more than reading the answer), failing with the same
     * {@link ApiException} that {@link #send(Command, AnswerReader)} throws.
     */
    public <T> CompletableFuture<T> sendAsync(final Command command, final AnswerReader<T> answer)
    {
        final CompletableFuture<T> result = new CompletableFuture<>();
        view().sendAsync(command, answer).whenComplete((value, failure) ->
        {
            if (failure == null)
            {
                result.complete(value);
            }
            else
            {
                result.completeExceptionally(failure instanceof CommandRefusedException refused ? refusal(refused) : failure);
            }
        });
        return result;
    }

    /** Waits for a future of {@link #sendAsync}: its value, or its {@link ApiException}. */
    public static <T> T await(final CompletableFuture<T> future)
    {
        try
        {
            return future.get();   // sendAsync's future always ends: answered, refused or timed out
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw ApiException.of(GatewayError.ENGINE_TIMEOUT);
        }
        catch (final java.util.concurrent.ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException failure)
            {
                throw failure;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** Reads the live view, between batches. */
    public <T> T read(final Function<LiveState, T> query)
    {
        try
        {
            return view().read(query);
        }
        catch (final CommandRefusedException ex)
        {
            throw refusal(ex);
        }
    }

    /** The market of an open ad without a hop to the view's thread; null when closed or not known. */
    public Integer marketOfOpenAd(final long adId)
    {
        return view().marketOfOpenAd(adId);
    }

    /** The owner of an open PRIVATE ad without a hop; null for a PUBLIC, closed or unknown ad. */
    public Long ownerOfPrivateAd(final long adId)
    {
        return view().ownerOfPrivateAd(adId);
    }

    /** The last batch the live view has applied (0 when none runs): what every answer so far reflects. */
    public long appliedSequence()
    {
        final LiveView view = views.get();
        return view == null ? 0 : view.appliedSequence();
    }

    private LiveView view()
    {
        final LiveView view = views.get();
        if (view == null)
        {
            throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE);
        }
        return view;
    }

    private static ApiException refusal(final CommandRefusedException ex)
    {
        return ex.timedOut() ? ApiException.of(GatewayError.ENGINE_TIMEOUT) : ApiException.of(ex.code());
    }
}
