package org.p2px.api;

import org.p2px.codec.ErrorCode;

/**
 * A refusal with a stable code, thrown by gateway code and turned into {@code {"code", "message"}} with its
 * status by the shared error mapper. No stack trace is filled in: it is an answer, not a bug.
 */
public final class ApiException extends RuntimeException
{
    private final int status;
    private final String code;

    private ApiException(final int status, final String code, final String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiException of(final GatewayError error)
    {
        return new ApiException(error.status(), error.name(), error.message());
    }

    public static ApiException of(final GatewayError error, final String message)
    {
        return new ApiException(error.status(), error.name(), message);
    }

    /** A rejection by the trading core, with the status its code's band stands for. */
    public static ApiException of(final ErrorCode code)
    {
        return new ApiException(ErrorMessages.httpStatus(code), code.name(), ErrorMessages.message(code));
    }

    /** A core code raised by the gateway itself (for input it checks before the core), with a precise message. */
    public static ApiException of(final ErrorCode code, final String message)
    {
        return new ApiException(ErrorMessages.httpStatus(code), code.name(), message);
    }

    public int status()
    {
        return status;
    }

    public String code()
    {
        return code;
    }
}
