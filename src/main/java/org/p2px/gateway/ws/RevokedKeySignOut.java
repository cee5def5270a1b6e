package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.p2px.auth.ApiKeyRevoked;
import org.p2px.notice.Notice;

/**
 * A revoked API key stops working at once on the WebSocket too: connections signed in with it are closed with
 * 4003 when the revocation commits (new sign-ins with it were refused already), on this gateway and, told by a
 * {@link Notice.KeyRevoked}, on the others sharing its database. The user's other connections stay.
 */
@ApplicationScoped
public class RevokedKeySignOut
{
    private final Sessions sessions;

    public RevokedKeySignOut(final Sessions sessions)
    {
        this.sessions = sessions;
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) final ApiKeyRevoked revoked)
    {
        signOut(revoked.userId(), revoked.keyId());
    }

    void onRevokedElsewhere(@Observes final Notice.KeyRevoked revoked)
    {
        signOut(revoked.userId(), revoked.keyId());
    }

    private void signOut(final long userId, final String keyId)
    {
        sessions.closeSignedInWith(userId, keyId, CloseCodes.SIGN_IN_REVOKED,
            "API key revoked: sign in again with a valid key");
    }
}
