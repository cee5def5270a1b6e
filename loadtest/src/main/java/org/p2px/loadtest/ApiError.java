package org.p2px.loadtest;

import io.vertx.core.json.JsonObject;

/** A refusal from the server (its error code) or a failure to reach it ({@code IO}). */
final class ApiError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    final String code;

    ApiError(final String code, final String message)
    {
        super(code + ": " + message);
        this.code = code;
    }

    static ApiError of(final String request, final int status, final Object body)
    {
        final String code = body instanceof JsonObject json && json.getString("code") != null
            ? json.getString("code") : "HTTP_" + status;
        return new ApiError(code, request + " answered " + status + " " + body);
    }
}
