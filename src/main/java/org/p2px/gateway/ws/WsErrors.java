package org.p2px.gateway.ws;

import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.auth.AuthFailure;

/**
 * What a failed operation answers, as the REST error mapper decides it: refusals keep their code and message and
 * are not logged; anything unexpected is INTERNAL_ERROR, with its stack trace in the log only.
 */
final class WsErrors
{
    private static final System.Logger LOG = System.getLogger(WsErrors.class.getName());

    private WsErrors()
    {
    }

    static WsError of(final Throwable failure, final String op)
    {
        final Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException refused)
        {
            return new WsError(refused.code(), refused.getMessage());
        }
        if (cause instanceof AuthenticationFailedException authentication)
        {
            return of(AuthFailure.errorOf(authentication));
        }
        if (cause instanceof UnauthorizedException)
        {
            return of(GatewayError.UNAUTHENTICATED);
        }
        if (cause instanceof ForbiddenException)
        {
            return of(GatewayError.FORBIDDEN);
        }
        if (cause instanceof ConstraintViolationException invalid)
        {
            return new WsError(GatewayError.VALIDATION_FAILED.name(), invalid.getConstraintViolations().stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
        }
        if (cause instanceof JsonProcessingException)
        {
            return of(GatewayError.MALFORMED_REQUEST);
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in WebSocket operation " + op, cause);
        return of(GatewayError.INTERNAL_ERROR);
    }

    static WsError of(final GatewayError error)
    {
        return new WsError(error.name(), error.message());
    }
}
