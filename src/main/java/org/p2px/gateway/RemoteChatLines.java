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
 * A notice that names no stored line of that order is dropped.
 */
@ApplicationScoped
public class RemoteChatLines
{
    private static final System.Logger LOG = System.getLogger(RemoteChatLines.class.getName());

    private final OrderAccess access;
    private final Usernames usernames;
    private final Instance<Pushes> pushes;

    public RemoteChatLines(final OrderAccess access, final Usernames usernames, final Instance<Pushes> pushes)
    {
        this.access = access;
        this.usernames = usernames;
        this.pushes = pushes;
    }

    void onChatLine(@Observes final Notice.ChatLine notice)
    {
        if (!pushes.isResolvable())
        {
            return;
        }
        final Pushes out = pushes.get();
        final Pushed pushed = QuarkusTransaction.requiringNew().call(() -> read(out, notice));
        if (pushed != null)
        {
            ChatAudience.push(out, pushed.order(), pushed.line());
        }
    }

    /** The order and the line to push, or null when nobody here would hear it or the notice names no such line. */
    private Pushed read(final Pushes out, final Notice.ChatLine notice)
    {
        final OrderAccess.Parties order;
        try
        {
            order = access.parties(notice.orderId());
        }
        catch (final ApiException unknownOrder)
        {
            LOG.log(System.Logger.Level.DEBUG, "no order for " + notice);
            return null;
        }
        if (!ChatAudience.anyoneHere(out, order))
        {
            return null;
        }
        final ChatMessageRow row = ChatMessageRow.findById(notice.messageId());
        if (row == null || row.orderId != notice.orderId())
        {
            LOG.log(System.Logger.Level.DEBUG, "no such chat line for " + notice);
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
