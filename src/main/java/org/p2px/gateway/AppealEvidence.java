package org.p2px.gateway;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.gateway.view.AppealView;
import org.p2px.gateway.view.ChatMessageView;
import org.p2px.projector.ProjectionProgress;
import org.p2px.readmodel.ApiPermission;
import org.p2px.readmodel.OrderRow;
import org.p2px.server.CoreCommands;

/**
 * Evidence in an appeal: statements with files, from either party when they open the appeal or while it is open,
 * and from staff. A statement is a chat line of kind EVIDENCE, so it reaches the other party and the arbiters by
 * the chat push like any line; the dossier gathers the appeal's opening and every statement in one answer.
 * Who may do what is as for the order's files: anyone else is told the order does not exist.
 */
@ApplicationScoped
@ActivateRequestContext
public class AppealEvidence
{
    public static final String KIND = "EVIDENCE";
    public static final int MAX_STATEMENT_LENGTH = ChatService.MAX_TEXT_LENGTH;
    public static final int MAX_FILES = ChatAttachments.MAX_PER_LINE;
    private static final long CATCH_UP_MS = 2_000;

    private final OrderAccess access;
    private final ChatService chat;
    private final Usernames usernames;
    private final CoreCommands core;
    private final Instance<ProjectionProgress> projection;

    public AppealEvidence(final OrderAccess access, final ChatService chat, final Usernames usernames,
        final CoreCommands core, final Instance<ProjectionProgress> projection)
    {
        this.access = access;
        this.chat = chat;
        this.usernames = usernames;
        this.core = core;
        this.projection = projection;
    }

    /** Whether a body holds a statement at all: none (or an empty one) leaves an appeal as it was before evidence. */
    public static boolean isGiven(final String statement, final List<Long> attachmentIds)
    {
        return (statement != null && !statement.isBlank()) || (attachmentIds != null && !attachmentIds.isEmpty());
    }

    /** Checks a statement before its appeal is opened, writing nothing: VALIDATION_FAILED naming the field. */
    public void check(final Caller caller, final long orderId, final String statement, final List<Long> attachmentIds)
    {
        caller.require(ApiPermission.TRADE);
        checkShape(statement, attachmentIds);
        chat.check(caller, orderId, KIND, statement, attachmentIds);
    }

    /**
     * Opens an appeal by {@code open} (the core's command) with a first statement when one is given (REST's
     * {@code POST .../appeal}, the WebSocket's {@code order.appeal}): the statement is checked first, so a refused one
     * opens nothing; no statement opens the appeal as before.
     */
    public <T> T openWith(final Caller caller, final long orderId, final String statement,
        final List<Long> attachmentIds, final Supplier<T> open)
    {
        final boolean withStatement = isGiven(statement, attachmentIds);
        if (withStatement)
        {
            check(caller, orderId, statement, attachmentIds);
        }
        final T opened = open.get();
        if (withStatement)
        {
            add(caller, orderId, statement, attachmentIds);
        }
        return opened;
    }

    /**
     * Adds a statement to the order's open appeal. UNKNOWN_ORDER to anyone who may not see it, INVALID_ORDER_STATE
     * when the order is not DISPUTED, VALIDATION_FAILED for the statement or its files (at most 10, the author's own
     * uploads to this order; one shown on an earlier line is cited, not moved), RATE_LIMITED as chat lines.
     */
    public AppealView.Statement add(final Caller caller, final long orderId, final String statement,
        final List<Long> attachmentIds)
    {
        caller.require(ApiPermission.TRADE);
        final OrderAccess.Parties order = access.visibleTo(caller, orderId);
        if (!"DISPUTED".equals(order.state()))
        {
            throw ApiException.of(ErrorCode.INVALID_ORDER_STATE, "Evidence is added while the order is DISPUTED.");
        }
        checkShape(statement, attachmentIds);
        final ChatMessageView line = chat.write(order, caller, KIND, statement, attachmentIds);
        return statementOf(line, order);
    }

    /**
     * The dossier: of the open appeal, or of a withdrawn one that has statements (then without who opened it).
     * UNKNOWN_ORDER to anyone who may not see it, INVALID_ORDER_STATE for an order with neither.
     */
    public AppealView dossier(final Caller caller, final long orderId)
    {
        final OrderAccess.Parties order = access.visibleTo(caller, orderId);
        final List<ChatMessageView> lines = chat.lines(orderId, KIND);
        final OrderRow row = appealed(orderId);
        if (row.disputedAt == null && lines.isEmpty())
        {
            throw ApiException.of(ErrorCode.INVALID_ORDER_STATE, "This order has not been appealed.");
        }
        return new AppealView(orderId, order.state(), row.appellantId,
            row.appellantId == null ? null : usernames.of(row.appellantId), row.disputedAt,
            lines.stream().map(line -> statementOf(line, order)).toList());
    }

    /** The order's row, once the projector wrote the appeal if one is open (it may be a moment behind the answer). */
    private OrderRow appealed(final long orderId)
    {
        final OrderRow row = access.order(orderId);
        if (row.disputedAt == null && projection.isResolvable())
        {
            projection.get().awaitProjected(core.appliedSequence(), CATCH_UP_MS);
            return QuarkusTransaction.requiringNew().call(() -> access.order(orderId));
        }
        return row;
    }

    private static void checkShape(final String statement, final List<Long> attachmentIds)
    {
        if (!isGiven(statement, attachmentIds))
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "statement or attachmentIds is required.");
        }
        if (statement != null && statement.strip().length() > MAX_STATEMENT_LENGTH)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                "statement must be at most " + MAX_STATEMENT_LENGTH + " characters.");
        }
        if (attachmentIds != null && attachmentIds.size() > MAX_FILES)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "attachmentIds: at most " + MAX_FILES + " files.");
        }
    }

    private static AppealView.Statement statementOf(final ChatMessageView line, final OrderAccess.Parties order)
    {
        final long author = line.authorId();
        final String role = author == order.buyerId() ? "BUYER" : author == order.sellerId() ? "SELLER" : "ARBITER";
        return new AppealView.Statement(line.id(), author, line.authorName(), role, line.text(), line.sentAt(),
            line.attachments().stream().map(AppealView.EvidenceFile::of).toList());
    }
}
