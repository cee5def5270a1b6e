package org.p2px.gateway.ws;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * Authenticates the HTTP upgrade of {@code /ws} when it carries a token ({@link UpgradeToken}); a bad, expired or
 * refused credential gets 401 and no WebSocket. No credential at all is an anonymous connection.
 */
@ApplicationScoped
public class UpgradeAuthentication implements HttpUpgradeCheck
{
    static final UserData.TypedKey<WsLogin> LOGIN = new UserData.TypedKey<>("p2px.ws.upgrade-login");

    private static final System.Logger LOG = System.getLogger(UpgradeAuthentication.class.getName());
    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Bearer"));

    private final WsAuthenticator authenticator;

    public UpgradeAuthentication(final WsAuthenticator authenticator)
    {
        this.authenticator = authenticator;
    }

    @Override
    public boolean appliesTo(final String endpointId)
    {
        return WsEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(final HttpUpgradeContext context)
    {
        final MultiMap headers = context.httpRequest().headers();
        final UpgradeToken credential = UpgradeToken.of(headers.getAll("Authorization"),
            headers.getAll(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL), context.httpRequest().query());
        if (credential.refused())
        {
            return CheckResult.rejectUpgrade(401, CHALLENGE);
        }
        if (!credential.present())
        {
            return CheckResult.permitUpgrade();
        }
        final SocketAddress remote = context.httpRequest().remoteAddress();
        return authenticator.token(credential.token(), remote == null ? null : remote.hostAddress())
            .map(login ->
            {
                context.userData().put(LOGIN, login);
                return CheckResult.permitUpgradeSync();
            })
            .onFailure().recoverWithItem(failure ->
            {
                if (!(failure instanceof AuthenticationFailedException))
                {
                    LOG.log(System.Logger.Level.ERROR, "WebSocket upgrade authentication failed unexpectedly", failure);
                }
                return CheckResult.rejectUpgradeSync(401, CHALLENGE);
            });
    }
}
