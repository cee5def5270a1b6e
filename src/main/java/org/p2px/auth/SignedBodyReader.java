package org.p2px.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

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
            if (context.request().getHeader(ApiKeyMechanism.KEY_HEADER) != null)
            {
                bodies.handle(context);
            }
            else
            {
                context.next();
            }
        });
    }
}
