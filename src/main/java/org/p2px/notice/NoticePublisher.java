package org.p2px.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.agroal.api.AgroalDataSource;
import org.p2px.auth.ApiKeyRevoked;
import org.p2px.projector.Committed;
import org.p2px.projector.ProjectionListener;

/**
 * Tells the other gateways ({@link GatewayNotices}: only a cluster gateway on PostgreSQL) what they cannot see in
 * their live view: a chat line this gateway stored (a user's line, or the system's lines its projector wrote) and an
 * API key it revoked. One {@code SELECT pg_notify(...)} per call, on a pooled connection in autocommit.
 *
 * <p>Each is sent <em>after</em> the commit of what it announces, never inside that transaction: so nothing rolled
 * back is announced, and a notice that cannot be sent (PostgreSQL refuses {@code NOTIFY} when its queue is full) is
 * logged without failing, or rolling back, the user's chat line or revocation. What a server that dies between the
 * two steps leaves unsaid is what a gateway whose listener is reconnecting misses anyway, and both are found by the
 * other gateways' catch-up from the database ({@link NoticesCatchUp}) within a second or so.
 */
@ApplicationScoped
public class NoticePublisher implements ProjectionListener
{
    private static final String NOTIFY = "SELECT pg_notify(?, payload) FROM unnest(?) AS payload";
    private static final System.Logger LOG = System.getLogger(NoticePublisher.class.getName());

    private final GatewayNotices notices;
    private final AgroalDataSource dataSource;

    public NoticePublisher(final GatewayNotices notices, final AgroalDataSource dataSource)
    {
        this.notices = notices;
        this.dataSource = dataSource;
    }

    /** A user's chat line (or statement of evidence) was committed. */
    public void chatLineStored(final long messageId, final long orderId)
    {
        if (notices.enabled())
        {
            publish(List.of(NoticeCodec.chatLine(notices.gatewayId(), messageId, orderId)));
        }
    }

    /** The projector (this gateway holds its lease) committed these system chat lines. */
    @Override
    public void committed(final Committed committed)
    {
        if (notices.enabled() && !committed.chat().isEmpty())
        {
            publish(committed.chat().stream()
                .map(line -> NoticeCodec.chatLine(notices.gatewayId(), line.id, line.orderId)).toList());
        }
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) final ApiKeyRevoked revoked)
    {
        if (notices.enabled())
        {
            publish(List.of(NoticeCodec.keyRevoked(notices.gatewayId(), revoked.userId(), revoked.keyId())));
        }
    }

    private void publish(final List<String> payloads)
    {
        try (Connection connection = dataSource.getConnection())
        {
            send(connection, GatewayNotices.CHANNEL, payloads);
        }
        catch (final SQLException | RuntimeException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "cross-gateway notices: " + payloads.size() + " not sent (the other "
                + "gateways' clients see them when they read the chat, or at their next sign-in): " + ex);
        }
    }

    /** Sends {@code payloads} on {@code channel} in one statement (delivered when {@code connection} commits). */
    static void send(final Connection connection, final String channel, final List<String> payloads)
        throws SQLException
    {
        try (PreparedStatement notify = connection.prepareStatement(NOTIFY))
        {
            notify.setString(1, channel);
            notify.setArray(2, connection.createArrayOf("text", payloads.toArray()));
            notify.execute();
        }
    }
}
