package org.p2px.api;

/**
 * The gateways' own stable error codes (the core's are {@link org.p2px.codec.ErrorCode}), each with its HTTP
 * status and the message users see.
 */
public enum GatewayError
{
    VALIDATION_FAILED(400, "The request is not valid."),
    MALFORMED_REQUEST(400, "The request body is not valid JSON of the expected shape."),
    INVALID_CREDENTIALS(401, "Wrong username or password."),
    UNAUTHENTICATED(401, "Sign in, or sign the request with an API key."),
    INVALID_TOKEN(401, "The access token is missing, expired, not ours or altered."),
    INVALID_REFRESH_TOKEN(401, "The refresh token is unknown, expired or revoked; sign in again."),
    REFRESH_TOKEN_REUSED(401, "That refresh token was already used: every session of its sign-in is now revoked."),
    INVALID_API_KEY(401, "Unknown API key."),
    API_KEY_REVOKED(401, "The API key has been revoked."),
    INVALID_SIGNATURE(401, "The request signature does not match."),
    TIMESTAMP_OUTSIDE_WINDOW(401, "The request timestamp is missing or outside the receive window."),
    SIGNATURE_ALREADY_USED(401, "That signed request was already received; sign each request anew (a new timestamp)."),
    FORBIDDEN(403, "Not allowed for this user or key."),
    NOT_FOUND(404, "No such resource."),
    METHOD_NOT_ALLOWED(405, "That method is not allowed here."),
    NOT_ACCEPTABLE(406, "The requested media type is not available."),
    USERNAME_TAKEN(409, "That username is taken."),
    TOO_MANY_API_KEYS(409, "You have the most active API keys allowed (20); revoke one first."),
    UNKNOWN_ASSET_CODE(404, "No asset or fiat currency with that code."),
    ASSET_CODE_TAKEN(409, "An asset or fiat currency with that code exists."),
    MARKET_SYMBOL_TAKEN(409, "A market with that symbol exists."),
    UNKNOWN_OP(400, "No such operation."),
    UNKNOWN_CHANNEL(400, "No such channel."),
    ALREADY_SUBSCRIBED(409, "Already subscribed to that channel."),
    NOT_SUBSCRIBED(409, "Not subscribed to that channel."),
    TOO_MANY_SUBSCRIPTIONS(429, "Too many subscriptions on this connection."),
    NO_PAYMENT_ACCOUNT(404, "No payment account for that method."),
    PAYMENT_DETAILS_NOT_ALLOWED(403, "Payment details are shown to the buyer while the order is open."),
    RATE_LIMITED(429, "Too many requests; slow down."),
    TOO_MANY_CONNECTIONS(429, "Too many open connections from your address; close some first."),
    FUND_PASSWORD_NOT_SET(403, "Set a fund password before releasing."),
    SECOND_FACTOR_REQUIRED(403, "Releasing needs your fund password."),
    INVALID_SECOND_FACTOR(403, "The fund password is wrong."),
    SIGN_IN_LOCKED(429, "Too many wrong passwords for this account or from this address; try again later."),
    SECOND_FACTOR_LOCKED(429, "Too many wrong fund passwords or authenticator codes; try again later."),
    TOTP_REQUIRED(403, "Enter the code from your authenticator app."),
    INVALID_TOTP_CODE(403, "The authenticator code is wrong or was already used."),
    TOTP_ALREADY_ENABLED(409, "An authenticator is already set up; turn it off first."),
    TOTP_NOT_ENABLED(409, "No authenticator is being set up or set up."),
    CHAT_NOT_ALLOWED(403, "Only the order's parties, and an arbiter once it is disputed, may use its chat."),
    FEEDBACK_NOT_ALLOWED(409, "Feedback is for the parties of a completed order."),
    FEEDBACK_EXISTS(409, "You already rated this order."),
    UNSUPPORTED_MEDIA_TYPE(415, "Send application/json."),
    ATTACHMENT_TOO_LARGE(413, "An attachment is at most 5 MB."),
    IMAGE_TOO_LARGE(413, "The image has too many pixels (at most 10,000 a side and 40 megapixels)."),
    UNSUPPORTED_ATTACHMENT_TYPE(415, "Attach a PNG, JPEG, WebP or PDF file."),
    INVALID_ATTACHMENT(400, "The file is damaged, truncated or more than what it claims to be."),
    TOO_MANY_ATTACHMENTS(409, "This order holds the most attachments allowed."),
    ATTACHMENT_QUOTA_EXCEEDED(429, "You uploaded the most attachments allowed in a day; try again later."),
    UNKNOWN_ATTACHMENT(404, "No attachment with that id in this order."),
    ATTACHMENT_EXPIRED(410, "The file was deleted: its order closed longer ago than the retention period."),
    ATTACHMENT_INTEGRITY_FAILED(500, "The stored file does not match the hash the journal recorded; it is not served."),
    REQUEST_TIMEOUT(408, "The request's body did not arrive in time."),
    UNSUPPORTED_HTTP_VERSION(505, "Send API-key-signed requests over HTTP/1.1."),
    ENGINE_TIMEOUT(503, "The trading core did not answer in time; retry shortly."),
    DATABASE_UNAVAILABLE(503, "The database is unavailable; this was not done, retry shortly."),
    INTERNAL_ERROR(500, "Something went wrong on our side.");

    private final int status;
    private final String message;

    GatewayError(final int status, final String message)
    {
        this.status = status;
        this.message = message;
    }

    public int status()
    {
        return status;
    }

    public String message()
    {
        return message;
    }

    /** The error a bare HTTP status stands for, when the framework refused a request before our code ran. */
    public static GatewayError ofStatus(final int status)
    {
        return switch (status)
        {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? VALIDATION_FAILED : INTERNAL_ERROR;
        };
    }
}
