package org.p2px.gateway;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.gateway.view.AttachmentView;
import org.p2px.gateway.view.ChatMessageView;
import org.p2px.notice.Notice;
import org.p2px.readmodel.ChatMessageRow;

/**
 * Pushes to this gateway's clients a chat line another gateway stored (a user's line, or the system's lines of the
 * projecting gateway), as that gateway pushed it to its own ({@link ChatAudience}). Told by a {@link Notice.ChatLine}
 * on the notice listener's thread. The order's parties come from the live view when it holds the order, so a line
 * nobody here would hear costs no query; else the line, its author's name and its files are read in one transaction.
 * A notice that names no stored line of that order is dropped. {@link ChatLineCatchUp} hands over the same way the
 * lines whose notices were lost; a line pushed here already ({@link PushedChatLines}) is neither read nor pushed.
 */
@ApplicationScoped
public class RemoteChatLines
{
    private static final System.Logger LOG = System.getLogger(RemoteChatLines.class.getName());

    private final OrderAccess access;
    private final Usernames usernames;
    private final Instance<Pushes> pushes;
    private final PushedChatLines claims;

    public RemoteChatLines(final OrderAccess access, final Usernames usernames, final Instance<Pushes> pushes,
        final PushedChatLines claims)
    {
        this.access = access;
        this.usernames = usernames;
        this.pushes = pushes;
        this.claims = claims;
    }

    void onChatLine(@Observes final Notice.ChatLine notice)
    {
        push(notice.messageId(), notice.orderId(), false);
    }

    /**
     * Pushes line {@code lineId} of order {@code orderId} to whoever here hears it, unless it was pushed here;
     * {@code stored}: the caller read that line of that order from the database (a notice's ids are only claims).
     */
    void push(final long lineId, final long orderId, final boolean stored)
    {
        if (!pushes.isResolvable() || claims.claimed(lineId))
        {
            return;
        }
        final Pushes out = pushes.get();
        final Pushed pushed = QuarkusTransaction.requiringNew().call(() -> read(out, lineId, orderId, stored));
        // Claimed only once read: a notice naming no line of that order claims nothing.
        if (pushed != null && claims.claim(lineId))
        {
            ChatAudience.push(out, pushed.order(), pushed.line());
        }
    }

    /** The order and the line to push, or null when nobody here would hear it or there is no such line. */
    private Pushed read(final Pushes out, final long lineId, final long orderId, final boolean stored)
    {
        final OrderAccess.Parties order;
        try
        {
            order = access.parties(orderId);
        }
        catch (final ApiException unknownOrder)
        {
            LOG.log(System.Logger.Level.DEBUG, "no order " + orderId + " for chat line " + lineId);
            return null;
        }
        if (!ChatAudience.anyoneHere(out, order))
        {
            // Handled: one who subscribes later finds it in the snapshot, so a later look must not push it then. Not
            // on a notice's word alone: a forged notice naming a future id would keep that line from being pushed.
            if (stored)
            {
                claims.claim(lineId);
            }
            return null;
        }
        final ChatMessageRow row = ChatMessageRow.findById(lineId);
        if (row == null || row.orderId != orderId)
        {
            LOG.log(System.Logger.Level.DEBUG, "no chat line " + lineId + " of order " + orderId);
            return null;
        }
        final Map<Long, String> names = row.authorId == null ? Map.of() : usernames.of(List.of(row.authorId));
        final List<AttachmentView> files = ChatAttachments.of(List.of(row.id)).getOrDefault(row.id, List.of());
        return new Pushed(order, RowViews.chat(row, names, files));
    }

    private record Pushed(OrderAccess.Parties order, ChatMessageView line)
    {
    }
}
