package org.p2px.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.p2px.auth.ApiKeyRevoked;

/**
 * A revoked API key stops working at once on the WebSocket too: connections signed in with it are closed with
 * 4003 when the revocation commits (new sign-ins with it were refused already). The user's other connections stay.
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
        sessions.closeSignedInWith(revoked.userId(), revoked.keyId(), CloseCodes.SIGN_IN_REVOKED,
            "API key revoked: sign in again with a valid key");
    }
}
