package org.p2px.gateway.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the WebSocket protocol's AsyncAPI document at {@code /q/asyncapi}, next to {@code /q/openapi}. A Vert.x
 * route rather than a JAX-RS resource, because the REST layer only serves paths under the application root.
 */
@ApplicationScoped
public class AsyncApiRoute
{
    public static final String PATH = "/q/asyncapi";
    private static final String DOCUMENT = "asyncapi.yaml";

    void install(@Observes final Router router)
    {
        final Buffer document = Buffer.buffer(read());
        router.get(PATH).handler(context -> context.response()
            .putHeader("Content-Type", "application/yaml;charset=UTF-8")
            .end(document));
    }

    private static byte[] read()
    {
        try (InputStream in = AsyncApiRoute.class.getClassLoader().getResourceAsStream(DOCUMENT))
        {
            if (in == null)
            {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath");
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
