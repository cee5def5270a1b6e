package org.p2px.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.p2px.api.GatewayError;

/**
 * Reads the whole body of API-key-signed requests before anything else runs, because the signature covers it:
 * the authentication mechanism hashes it from the routing context, and the REST layer then reads it from there
 * rather than from the (already consumed) connection. Other requests stream as usual.
 */
@ApplicationScoped
public class SignedBodyReader
{
    /** Far larger than any command; a bigger signed body is refused with 413 before it is buffered. */
    private static final long MAX_SIGNED_BODY_BYTES = 1L << 20;

    void install(@Observes final Router router)
    {
        final BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_SIGNED_BODY_BYTES);
        router.route().order(Integer.MIN_VALUE).handler(context ->
        {
            if (!isSigned(context))
            {
                context.next();
            }
            else if (context.request().version() == HttpVersion.HTTP_2)
            {
                // Vert.x's HTTP/2 request cannot be paused once its body is read, which the REST layer then does.
                refuseHttp2(context);
            }
            else
            {
                bodies.handle(context);
            }
        }).handler(SignedBodyReader::emptyWhenNoByteCame);
    }

    private static boolean isSigned(final RoutingContext context)
    {
        return context.request().getHeader(ApiKeyMechanism.KEY_HEADER) != null;
    }

    /**
     * The body handler leaves the body null, not empty, when the body had no byte (Content-Length: 0, an empty
     * chunked body). The REST layer takes a null body for one still to be read from the connection, and would wait
     * there for the end the body handler already consumed until its read timeout (60 s) before answering.
     */
    private static void emptyWhenNoByteCame(final RoutingContext context)
    {
        if (isSigned(context) && context.body().buffer() == null)
        {
            context.setBody(Buffer.buffer());
        }
        context.next();
    }

    private static void refuseHttp2(final RoutingContext context)
    {
        final GatewayError error = GatewayError.UNSUPPORTED_HTTP_VERSION;
        context.response().setStatusCode(error.status()).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("code", error.name()).put("message", error.message()).encode());
    }
}
