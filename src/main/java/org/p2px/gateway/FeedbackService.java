package org.p2px.gateway;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.gateway.view.FeedbackView;
import org.p2px.readmodel.FeedbackRow;

/** Ratings: each party of a COMPLETED order may rate the other once, positive or negative, with a comment. */
@ApplicationScoped
@ActivateRequestContext
public class FeedbackService
{
    public static final int MAX_COMMENT_LENGTH = 500;
    /** SQL state class 23: integrity constraint violation (here: the primary key order_id, from_user_id). */
    private static final String INTEGRITY_VIOLATION = "23";

    private final OrderAccess access;
    private final Usernames usernames;

    public FeedbackService(final OrderAccess access, final Usernames usernames)
    {
        this.access = access;
        this.usernames = usernames;
    }

    /**
     * UNKNOWN_ORDER; NOT_ORDER_PARTY; FEEDBACK_NOT_ALLOWED before completion; FEEDBACK_EXISTS for a second rating,
     * also when two arrive at once and the database's key refuses the later one.
     */
    public FeedbackView leave(final Caller caller, final long orderId, final boolean positive, final String comment)
    {
        final OrderAccess.Parties order = access.parties(orderId);
        if (!order.isParty(caller.userId()))
        {
            throw ApiException.of(ErrorCode.NOT_ORDER_PARTY);
        }
        if (!"COMPLETED".equals(order.state()))
        {
            throw ApiException.of(GatewayError.FEEDBACK_NOT_ALLOWED);
        }
        final String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT_LENGTH)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                "comment must be at most " + MAX_COMMENT_LENGTH + " characters.");
        }
        if (FeedbackRow.count("orderId = ?1 and fromUserId = ?2", orderId, caller.userId()) > 0)
        {
            throw ApiException.of(GatewayError.FEEDBACK_EXISTS);
        }
        final FeedbackRow row = new FeedbackRow();
        row.orderId = orderId;
        row.fromUserId = caller.userId();
        row.toUserId = order.buyerId() == caller.userId() ? order.sellerId() : order.buyerId();
        row.positive = positive;
        row.comment = text;
        row.createdAt = Instant.now();
        insert(row);
        return RowViews.feedback(row, Map.of(caller.userId(), usernames.of(caller.userId())));
    }

    private static void insert(final FeedbackRow row)
    {
        try
        {
            QuarkusTransaction.requiringNew().run(() ->
            {
                row.persist();
                row.flush();
            });
        }
        catch (final RuntimeException ex)
        {
            if (isIntegrityViolation(ex))
            {
                throw ApiException.of(GatewayError.FEEDBACK_EXISTS);
            }
            throw ex;
        }
    }

    private static boolean isIntegrityViolation(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            if (cause instanceof SQLException sql && sql.getSQLState() != null &&
                sql.getSQLState().startsWith(INTEGRITY_VIOLATION))
            {
                return true;
            }
        }
        return false;
    }
}
