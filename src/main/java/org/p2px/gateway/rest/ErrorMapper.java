package org.p2px.gateway.rest;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.auth.AuthFailure;

/**
 * The one place where failures become responses: {@code {"code", "message"}} with the right status. Refusals
 * are answers and are not logged as errors; only the unexpected is, and its stack trace stays in the log.
 */
public class ErrorMapper
{
    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

    @ServerExceptionMapper
    public Response refused(final ApiException ex)
    {
        return body(ex.status(), ex.code(), ex.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(final ConstraintViolationException ex)
    {
        final String detail = ex.getConstraintViolations().stream()
            .map(ErrorMapper::describe)
            .sorted()
            .collect(Collectors.joining("; "));
        return body(GatewayError.VALIDATION_FAILED, detail.isEmpty() ? GatewayError.VALIDATION_FAILED.message() : detail);
    }

    @ServerExceptionMapper
    public Response malformed(final JsonProcessingException ex)
    {
        return body(GatewayError.MALFORMED_REQUEST, GatewayError.MALFORMED_REQUEST.message());
    }

    /** Well-formed JSON of the wrong shape (an unknown enum name, an array for an object): Jackson's own mapper would answer without a body. */
    @ServerExceptionMapper
    public Response mismatched(final MismatchedInputException ex)
    {
        return malformed(ex);
    }

    @ServerExceptionMapper
    public Response unauthenticated(final AuthenticationFailedException ex)
    {
        final GatewayError error = AuthFailure.errorOf(ex);
        return body(error, error.message());
    }

    @ServerExceptionMapper
    public Response anonymous(final UnauthorizedException ex)
    {
        return body(GatewayError.UNAUTHENTICATED, GatewayError.UNAUTHENTICATED.message());
    }

    @ServerExceptionMapper
    public Response forbidden(final ForbiddenException ex)
    {
        return body(GatewayError.FORBIDDEN, GatewayError.FORBIDDEN.message());
    }

    @ServerExceptionMapper
    public Response http(final WebApplicationException ex)
    {
        final int status = ex.getResponse().getStatus();
        if (status >= 500)
        {
            return unexpected(ex);
        }
        final GatewayError error = GatewayError.ofStatus(status);
        return body(status, error.name(), error.message());
    }

    @ServerExceptionMapper
    public Response unexpected(final Throwable ex)
    {
        LOG.log(System.Logger.Level.ERROR, "unexpected failure", ex);
        return body(GatewayError.INTERNAL_ERROR, GatewayError.INTERNAL_ERROR.message());
    }

    private static String describe(final ConstraintViolation<?> violation)
    {
        final String path = violation.getPropertyPath().toString();
        // "signUp.body.username" -> "username": the method and parameter names mean nothing to a client.
        final String field = path.substring(path.lastIndexOf('.') + 1);
        return field + " " + violation.getMessage();
    }

    private static Response body(final GatewayError error, final String message)
    {
        return body(error.status(), error.name(), message);
    }

    private static Response body(final int status, final String code, final String message)
    {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(code, message)).build();
    }
}
