package org.p2px.gateway.ws;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.auth.ApiKeyRevoked;
import org.p2px.notice.Notice;
import org.p2px.notice.NoticesCatchUp;
import org.p2px.notice.NoticesResumed;
import org.p2px.readmodel.ApiKey;

/**
 * A revoked API key stops working at once on the WebSocket too: connections signed in with it are closed with
 * 4003 when the revocation commits (new sign-ins with it were refused already), on this gateway and, told by a
 * {@link Notice.KeyRevoked}, on the others sharing its database. A notice can be lost (this gateway's notice
 * connection was down, or the revoking gateway died before its notice), so the keys of this gateway's connections
 * are also looked up once the notices are back and at every {@link NoticesCatchUp} (every second by default; one
 * query per {@value #KEYS_PER_QUERY} keys, none without a connection signed in with a key). The user's other
 * connections stay.
 */
@ApplicationScoped
public class RevokedKeySignOut
{
    /** Keys looked up in one query after a lost notice connection. */
    private static final int KEYS_PER_QUERY = 500;
    private static final System.Logger LOG = System.getLogger(RevokedKeySignOut.class.getName());

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

    /** Notices sent while this gateway did not listen were lost: a key revoked meanwhile is found in the table. */
    void onNoticesResumed(@Observes final NoticesResumed resumed)
    {
        signOutRevoked();
    }

    /** A revocation whose notice never came (its gateway died after the commit) is found the same way. */
    void onCatchUp(@Observes final NoticesCatchUp due)
    {
        try
        {
            signOutRevoked();
        }
        catch (final RuntimeException ex)
        {
            // The database is away: the next catch-up, a second later, looks again.
            LOG.log(System.Logger.Level.DEBUG, "revoked API keys not looked up: " + ex);
        }
    }

    private void signOutRevoked()
    {
        final List<String> keyIds = sessions.all().stream().map(Session::login).filter(Objects::nonNull)
            .map(login -> login.caller().apiKeyId()).filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < keyIds.size(); from += KEYS_PER_QUERY)
        {
            final List<String> some = keyIds.subList(from, Math.min(keyIds.size(), from + KEYS_PER_QUERY));
            final List<ApiKey> revoked = QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.<ApiKey>list("keyId in ?1 and revoked = true", some));
            revoked.forEach(key -> signOut(key.userId, key.keyId));
        }
    }

    private void signOut(final long userId, final String keyId)
    {
        sessions.closeSignedInWith(userId, keyId, CloseCodes.SIGN_IN_REVOKED,
            "API key revoked: sign in again with a valid key");
    }
}
