package org.p2px.gateway;

import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.auth.AuthFailure;

/**
 * The one classifier of failures for both gateways: each becomes a {@link Failure} (status, code, message), which
 * REST encodes as a response and the WebSocket as an error reply. Refusals keep their code and message and are
 * not logged; a client that went away mid-request is one DEBUG line; anything unexpected is INTERNAL_ERROR, its
 * stack trace in the log only, never on the wire. {@link #code} gives the code alone, logging nothing (the audit
 * log's result).
 */
public final class Failures
{
    private static final System.Logger LOG = System.getLogger(Failures.class.getName());

    /** What a client is told. */
    public record Failure(int status, String code, String message)
    {
        static Failure of(final GatewayError error)
        {
            return new Failure(error.status(), error.name(), error.message());
        }
    }

    private Failures()
    {
    }

    /** {@code where} names the request in the log line of an unexpected failure. */
    public static Failure classify(final Throwable failure, final String where)
    {
        final Throwable cause = causeOf(failure);
        final Failure known = known(cause);
        if (known != null)
        {
            return known;
        }
        // Before ClientGone: a database connection reset reads like a client's reset.
        if (DatabaseUnavailable.is(cause))
        {
            LOG.log(System.Logger.Level.WARNING, () -> where + " needs the database, which is unavailable: " +
                ClientGone.describe(cause));
            return Failure.of(GatewayError.DATABASE_UNAVAILABLE);
        }
        if (ClientGone.is(cause))
        {
            LOG.log(System.Logger.Level.DEBUG, () -> "client went away during " + where + ": " + ClientGone.describe(cause));
            return Failure.of(GatewayError.MALFORMED_REQUEST);
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + where, cause);
        return Failure.of(GatewayError.INTERNAL_ERROR);
    }

    /** The code {@link #classify} answers a failure with, logging nothing (the audit log's result). */
    public static String code(final Throwable failure)
    {
        final Throwable cause = causeOf(failure);
        final Failure known = known(cause);
        if (known != null)
        {
            return known.code();
        }
        final GatewayError error = DatabaseUnavailable.is(cause) ? GatewayError.DATABASE_UNAVAILABLE
            : ClientGone.is(cause) ? GatewayError.MALFORMED_REQUEST : GatewayError.INTERNAL_ERROR;
        return error.name();
    }

    private static Throwable causeOf(final Throwable failure)
    {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** A refusal, an invalid or unauthenticated request: what the client is told; null for anything else. */
    private static Failure known(final Throwable cause)
    {
        if (cause instanceof ApiException refused)
        {
            return new Failure(refused.status(), refused.code(), refused.getMessage());
        }
        if (cause instanceof ConstraintViolationException invalid)
        {
            final String detail = invalid.getConstraintViolations().stream().map(Failures::describe).sorted()
                .collect(Collectors.joining("; "));
            return new Failure(GatewayError.VALIDATION_FAILED.status(), GatewayError.VALIDATION_FAILED.name(),
                detail.isEmpty() ? GatewayError.VALIDATION_FAILED.message() : detail);
        }
        if (cause instanceof JsonProcessingException json)
        {
            // Not JSON, or well-formed JSON of the wrong shape (an unknown field or enum name, an array for an object).
            return new Failure(GatewayError.MALFORMED_REQUEST.status(), GatewayError.MALFORMED_REQUEST.name(),
                JsonShape.describe(json));
        }
        if (cause instanceof AuthenticationFailedException authentication)
        {
            return Failure.of(AuthFailure.errorOf(authentication));
        }
        if (cause instanceof UnauthorizedException)
        {
            return Failure.of(GatewayError.UNAUTHENTICATED);
        }
        if (cause instanceof ForbiddenException)
        {
            return Failure.of(GatewayError.FORBIDDEN);
        }
        if (cause instanceof WebApplicationException http && http.getCause() instanceof JsonProcessingException json)
        {
            // The REST reader's wrapping of a parser's refusal (a key given twice, say): told as the parser said.
            return new Failure(GatewayError.MALFORMED_REQUEST.status(), GatewayError.MALFORMED_REQUEST.name(),
                JsonShape.describe(json));
        }
        if (cause instanceof WebApplicationException http && http.getResponse().getStatus() < 500)
        {
            final int status = http.getResponse().getStatus();
            final GatewayError error = GatewayError.ofStatus(status);
            return new Failure(status, error.name(), error.message());
        }
        return null;
    }

    /** "signUp.body.username must not be blank" -> "username must not be blank": method and parameter names mean nothing to a client. */
    private static String describe(final ConstraintViolation<?> violation)
    {
        final String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1) + " " + violation.getMessage();
    }
}
