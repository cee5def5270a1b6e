package org.p2px.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.view.AttachmentView;
import org.p2px.gateway.view.ChatMessageView;
import org.p2px.notice.NoticePublisher;
import org.p2px.readmodel.ChatMessageRow;

/**
 * An order's chat: its buyer and seller, and staff (arbiters, admins) once the order is or was disputed. Users'
 * lines are written here; the projector adds the SYSTEM lines and the ad's AUTO_REPLY. New lines are pushed to
 * both parties' {@code chat} channel, on this gateway and (through {@link NoticePublisher}) on the others.
 */
@ApplicationScoped
@ActivateRequestContext
public class ChatService
{
    public static final int MAX_TEXT_LENGTH = 2000;
    public static final int MAX_HISTORY = 200;
    public static final String CHANNEL = "chat";
    public static final int MAX_ATTACHMENTS_PER_LINE = ChatAttachments.MAX_PER_LINE;

    private final OrderAccess access;
    private final Usernames usernames;
    private final Instance<Pushes> pushes;
    private final ChatLimits limits;
    private final NoticePublisher notices;
    private final PushedChatLines claims;

    public ChatService(final OrderAccess access, final Usernames usernames, final Instance<Pushes> pushes,
        final ChatLimits limits, final NoticePublisher notices, final PushedChatLines claims)
    {
        this.access = access;
        this.usernames = usernames;
        this.pushes = pushes;
        this.limits = limits;
        this.notices = notices;
        this.claims = claims;
    }

    /** Writes a USER line of text alone. */
    public ChatMessageView send(final Caller caller, final long orderId, final String text)
    {
        return send(caller, orderId, text, List.of());
    }

    /**
     * Writes a USER line, which may carry files the caller uploaded to the order ({@link ChatAttachments}); its text
     * may then be empty. UNKNOWN_ORDER, CHAT_NOT_ALLOWED, VALIDATION_FAILED for a too long text (or an empty one
     * without files), one with a forbidden character, or files that are not the caller's in this order,
     * RATE_LIMITED past the minute's allowance ({@link ChatLimits}).
     */
    public ChatMessageView send(final Caller caller, final long orderId, final String text,
        final List<Long> attachmentIds)
    {
        return write(visibleOrder(caller, orderId), caller, "USER", text, attachmentIds);
    }

    /**
     * Checks a line as {@link #write} would, writing nothing: VALIDATION_FAILED for its text or its files. So that a
     * step a line goes with (opening an appeal) is not taken when the line would be refused.
     */
    void check(final Caller caller, final long orderId, final String kind, final String text,
        final List<Long> attachmentIds)
    {
        checkedText(text, attachmentIds);
        QuarkusTransaction.requiringNew().run(() -> ChatAttachments.claim(caller.userId(), orderId, attachmentIds,
            mayCite(kind)));
    }

    /** Writes a line of {@code kind} by {@code caller} (whose access the caller checked), links its files, pushes it. */
    ChatMessageView write(final OrderAccess.Parties order, final Caller caller, final String kind, final String text,
        final List<Long> attachmentIds)
    {
        final String trimmed = checkedText(text, attachmentIds);
        limits.countLine(caller.userId());
        final ChatMessageRow row = new ChatMessageRow();
        row.orderId = order.orderId();
        row.authorId = caller.userId();
        row.kind = kind;
        row.text = trimmed;
        row.sentAt = Instant.now();
        // Committed before the push, so that a party who reads the history on the push finds the line.
        final List<AttachmentView> attached = QuarkusTransaction.requiringNew().call(() ->
        {
            final ChatAttachments.Claim claimed =
                ChatAttachments.claim(caller.userId(), order.orderId(), attachmentIds, mayCite(kind));
            row.persist();
            return claimed.linkTo(row.id);
        });
        final ChatMessageView view =
            RowViews.chat(row, Map.of(caller.userId(), usernames.of(caller.userId())), attached);
        push(order, view);
        return view;
    }

    /** A statement of evidence may cite files shown before on other lines; any other line shows new ones only. */
    private static boolean mayCite(final String kind)
    {
        return AppealEvidence.KIND.equals(kind);
    }

    private String checkedText(final String text, final List<Long> attachmentIds)
    {
        final String trimmed = text == null ? "" : text.strip();
        final boolean files = attachmentIds != null && !attachmentIds.isEmpty();
        if ((trimmed.isEmpty() && !files) || trimmed.length() > MAX_TEXT_LENGTH)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                "text must be 1 to " + MAX_TEXT_LENGTH + " characters (or empty on a line that carries files).");
        }
        limits.checkText(trimmed);
        return trimmed;
    }

    /**
     * The chat's lines oldest first: after {@code afterIdOrNull} the next {@code limit} (for polling), without it
     * the latest {@code limit}.
     */
    public List<ChatMessageView> history(final Caller caller, final long orderId, final Long afterIdOrNull,
        final int limit)
    {
        visibleOrder(caller, orderId);
        if (limit < 1)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "limit must be 1 or more.");
        }
        final int capped = Math.min(limit, MAX_HISTORY);
        final List<ChatMessageRow> rows;
        if (afterIdOrNull == null)
        {
            rows = new ArrayList<>(ChatMessageRow.<ChatMessageRow>find("orderId = ?1 order by id desc", orderId)
                .range(0, capped - 1).list());
            Collections.reverse(rows);
        }
        else
        {
            rows = ChatMessageRow.<ChatMessageRow>find("orderId = ?1 and id > ?2 order by id", orderId, afterIdOrNull)
                .range(0, capped - 1).list();
        }
        return views(rows);
    }

    /** Every line of {@code kind} in the order, oldest first, with their files (the appeal's statements). */
    List<ChatMessageView> lines(final long orderId, final String kind)
    {
        return views(ChatMessageRow.list("orderId = ?1 and kind = ?2 order by id", orderId, kind));
    }

    private List<ChatMessageView> views(final List<ChatMessageRow> rows)
    {
        final Map<Long, String> names =
            usernames.of(rows.stream().map(row -> row.authorId).filter(Objects::nonNull).toList());
        final Map<Long, List<AttachmentView>> files = ChatAttachments.of(rows.stream().map(row -> row.id).toList());
        return rows.stream().map(row -> RowViews.chat(row, names, files.getOrDefault(row.id, List.of()))).toList();
    }

    private OrderAccess.Parties visibleOrder(final Caller caller, final long orderId)
    {
        final OrderAccess.Parties order = access.parties(orderId);
        final boolean allowed = order.isParty(caller.userId()) || (order.disputed() && access.isStaff(caller));
        if (!allowed)
        {
            throw ApiException.of(GatewayError.CHAT_NOT_ALLOWED);
        }
        return order;
    }

    /**
     * To this gateway's clients ({@link ChatAudience}), then to the other gateways' ({@link NoticePublisher}); here
     * not when {@link ChatLineCatchUp} met the committed line first and pushed it already.
     */
    private void push(final OrderAccess.Parties order, final ChatMessageView view)
    {
        if (pushes.isResolvable() && claims.claim(view.id()))
        {
            ChatAudience.push(pushes.get(), order, view);
        }
        notices.chatLineStored(view.id(), order.orderId());
    }
}
