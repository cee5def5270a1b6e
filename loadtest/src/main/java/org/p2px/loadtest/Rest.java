package org.p2px.loadtest;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;

/**
 * The server's REST API over a Vert.x HTTP client: JSON in and out, a bearer token when given. A status other than
 * the accepted ones fails with {@link ApiError} carrying the server's error code.
 */
final class Rest
{
    private final HttpClient client;
    private final URI server;

    Rest(final Vertx vertx, final URI server, final int connections)
    {
        this.server = server;
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(server.getHost())
            .setDefaultPort(server.getPort()).setConnectTimeout(10_000).setIdleTimeout(60)
            .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(connections));
    }

    /** Sends a request and waits for its answer (setup and checks, not the measured load). */
    Object call(final String method, final String path, final String token, final Object body, final int... accepted)
    {
        try
        {
            return send(method, path, token, body, accepted).get(60, TimeUnit.SECONDS);
        }
        catch (final java.util.concurrent.ExecutionException e)
        {
            throw e.getCause() instanceof RuntimeException r ? r : new ApiError("IO", e.getCause().toString());
        }
        catch (final Exception e)
        {
            throw new ApiError("IO", method + " " + path + ": " + e);
        }
    }

    /** The answer's JSON (null for an empty body); accepted statuses default to any 2xx. */
    CompletableFuture<Object> send(final String method, final String path, final String token, final Object body,
        final int... accepted)
    {
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setURI(path)
            .putHeader("Accept", "application/json");
        if (token != null)
        {
            options.putHeader("Authorization", "Bearer " + token);
        }
        if (body != null)
        {
            options.putHeader("Content-Type", "application/json");
        }
        client.request(options)
            // The body is asked for inside the send's own callback: later, Vert.x may have dropped it already.
            .compose(request -> (body == null ? request.send() : request.send(Buffer.buffer(Json.encode(body))))
                .compose(response -> response.body().map(buffer -> new Object[]{ response.statusCode(), buffer,
                    response.headers().toString().replace('\n', ' ') })))
            .onSuccess(answer ->
            {
                final int status = (Integer)answer[0];
                final Buffer buffer = (Buffer)answer[1];
                final Object json = buffer.length() == 0 ? null : Json.decodeValue(buffer);
                if (accepted(status, accepted) && json == null && expectsBody(method, status))
                {
                    result.completeExceptionally(new ApiError("EMPTY_ANSWER", method + " " + path + " answered "
                        + status + " with no body; headers " + answer[2]));
                }
                else if (accepted(status, accepted))
                {
                    result.complete(json);
                }
                else
                {
                    result.completeExceptionally(ApiError.of(method + " " + path, status, json));
                }
            })
            .onFailure(e -> result.completeExceptionally(new ApiError("IO", method + " " + path + ": " + e)));
        return result;
    }

    private static boolean expectsBody(final String method, final int status)
    {
        return method.equals("GET") && status != 204;
    }

    private static boolean accepted(final int status, final int... accepted)
    {
        if (accepted.length == 0)
        {
            return status / 100 == 2;
        }
        for (final int a : accepted)
        {
            if (a == status)
            {
                return true;
            }
        }
        return false;
    }
}
