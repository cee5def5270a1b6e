package org.p2px.gateway.ws;

import java.util.List;

import org.p2px.readmodel.ApiPermission;

/** The result of {@code auth.login} and {@code auth.apikey}: who the connection is now, and until when (null: no end). */
public record SignedIn(long userId, List<String> permissions, boolean person, Long expiresAt)
{
    static SignedIn of(final WsLogin login)
    {
        return new SignedIn(login.caller().userId(),
            login.caller().permissions().stream().map(ApiPermission::name).sorted().toList(),
            login.caller().person(),
            login.expiresAtMillis() == WsLogin.NEVER ? null : login.expiresAtMillis());
    }
}
