package org.p2px.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * An API-key-signed request as the mechanism saw it: which key, its timestamp header, its signature, and the
 * canonical text that the signature must be the HMAC-SHA256 of.
 *
 * <pre>
 * canonical = timestamp + "\n" + METHOD + "\n" + path + "\n" + rawQuery + "\n" + body
 * signature = lowercase hex of HMAC-SHA256(secret, canonical)
 * </pre>
 */
public final class SignedRequest extends BaseAuthenticationRequest
{
    private final String keyId;
    private final String timestamp;
    private final String signature;
    private final String canonical;

    public SignedRequest(final String keyId, final String timestamp, final String signature, final String canonical)
    {
        this.keyId = keyId;
        this.timestamp = timestamp;
        this.signature = signature;
        this.canonical = canonical;
    }

    public static String canonical(
        final String timestamp, final String method, final String path, final String rawQuery, final String body)
    {
        return timestamp + "\n" + method + "\n" + path + "\n" + (rawQuery == null ? "" : rawQuery) + "\n" + body;
    }

    public String keyId()
    {
        return keyId;
    }

    public String timestamp()
    {
        return timestamp;
    }

    public String signature()
    {
        return signature;
    }

    public String canonical()
    {
        return canonical;
    }
}
