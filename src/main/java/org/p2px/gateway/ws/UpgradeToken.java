package org.p2px.gateway.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The access token an upgrade request carries: {@code Authorization: Bearer <jwt>} (bots), or the browser form
 * {@code Sec-WebSocket-Protocol: bearer, <jwt>} (the server answers with the subprotocol {@code bearer}). A token
 * in the query string ({@code ?access_token=}) is refused: URLs end up in access logs and proxies' logs. Two
 * tokens, or a malformed one, are refused too rather than guessed at.
 */
record UpgradeToken(String token, boolean refused)
{
    static final String SUBPROTOCOL = "bearer";
    static final String QUERY_PARAMETER = "access_token";

    private static final UpgradeToken NONE = new UpgradeToken(null, false);
    private static final UpgradeToken REFUSED = new UpgradeToken(null, true);
    private static final String BEARER_PREFIX = "bearer ";

    static UpgradeToken of(final List<String> authorization, final List<String> protocols, final String query)
    {
        if (hasQueryToken(query) || authorization.size() > 1)
        {
            return REFUSED;
        }
        final UpgradeToken fromProtocols = fromProtocols(protocols);
        if (authorization.isEmpty())
        {
            return fromProtocols;
        }
        if (fromProtocols != NONE)
        {
            return REFUSED;
        }
        final String header = authorization.get(0).trim();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER_PREFIX) || header.substring(BEARER_PREFIX.length()).isBlank())
        {
            return REFUSED;
        }
        return new UpgradeToken(header.substring(BEARER_PREFIX.length()).trim(), false);
    }

    boolean present()
    {
        return token != null;
    }

    private static UpgradeToken fromProtocols(final List<String> headers)
    {
        final List<String> protocols = new ArrayList<>();
        headers.forEach(header ->
        {
            for (final String protocol : header.split(","))
            {
                protocols.add(protocol.trim());
            }
        });
        final int bearer = protocols.indexOf(SUBPROTOCOL);
        if (bearer < 0)
        {
            return NONE;
        }
        if (bearer + 1 >= protocols.size() || protocols.get(bearer + 1).isEmpty())
        {
            return REFUSED;
        }
        return new UpgradeToken(protocols.get(bearer + 1), false);
    }

    private static boolean hasQueryToken(final String query)
    {
        if (query == null || query.isEmpty())
        {
            return false;
        }
        for (final String parameter : query.split("&"))
        {
            final int equals = parameter.indexOf('=');
            if ((equals < 0 ? parameter : parameter.substring(0, equals)).equals(QUERY_PARAMETER))
            {
                return true;
            }
        }
        return false;
    }
}
