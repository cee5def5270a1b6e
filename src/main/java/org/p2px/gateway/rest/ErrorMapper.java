package org.p2px.gateway.rest;

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
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.p2px.api.ApiException;
import org.p2px.auth.ApiKeyMechanism;
import org.p2px.gateway.Audit;
import org.p2px.gateway.Failures;

/**
 * Failures become responses {@code {"code", "message"}} with their status, as {@link Failures} classifies them for
 * the WebSocket too. One mapper per exception type only so that these win over the framework's own mappers (its
 * Jackson mapper, for one, answers without a body).
 */
public class ErrorMapper
{
    @ServerExceptionMapper
    public Response refused(final ApiException ex)
    {
        return encode(ex);
    }

    @ServerExceptionMapper
    public Response invalid(final ConstraintViolationException ex)
    {
        return encode(ex);
    }

    @ServerExceptionMapper
    public Response malformed(final JsonProcessingException ex)
    {
        return encode(ex);
    }

    @ServerExceptionMapper
    public Response mismatched(final MismatchedInputException ex)
    {
        return encode(ex);
    }

    /** A refused API-key signature is audited (which key, from where), as a failed sign-in is; a bad token is not. */
    @ServerExceptionMapper
    public Response unauthenticated(final AuthenticationFailedException ex, final HttpServerRequest request)
    {
        final String keyId = request.getHeader(ApiKeyMechanism.KEY_HEADER);
        if (keyId != null)
        {
            final SocketAddress remote = request.remoteAddress();
            Audit.from(remote == null ? null : remote.hostAddress(), "apikey.auth").with("apiKey", keyId)
                .with("method", request.method().name()).with("path", request.path()).outcome(ex);
        }
        return encode(ex);
    }

    @ServerExceptionMapper
    public Response anonymous(final UnauthorizedException ex)
    {
        return encode(ex);
    }

    @ServerExceptionMapper
    public Response forbidden(final ForbiddenException ex)
    {
        return encode(ex);
    }

    @ServerExceptionMapper
    public Response http(final WebApplicationException ex)
    {
        return encode(ex);
    }

    @ServerExceptionMapper
    public Response unexpected(final Throwable ex)
    {
        return encode(ex);
    }

    private static Response encode(final Throwable ex)
    {
        final Failures.Failure failure = Failures.classify(ex, "a REST request");
        return Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorBody(failure.code(), failure.message())).build();
    }
}
