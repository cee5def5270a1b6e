package org.p2px.gateway;

import org.p2px.gateway.view.ChatMessageView;

/**
 * Who hears a new chat line, the same on the gateway that stored it and on the others ({@link RemoteChatLines}):
 * both parties on their {@code chat} channel; staff on {@code disputes} while the order is in dispute (the system's
 * lines of an order that was disputed at any time, as {@link ChatLinePushes} tells them); and an author who is not a
 * party (an arbiter), so that their other screens show the line.
 */
final class ChatAudience
{
    private static final String TYPE = "message";

    private ChatAudience()
    {
    }

    /**
     * Whether anyone {@code out} reaches would hear a line of {@code order}: if not, it need not be read or built.
     * An author who is not a party is not counted (their id is in the line): an arbiter's own other connections on
     * another gateway hear their line only with the parties or the {@code disputes} channel's subscribers there.
     */
    static boolean anyoneHere(final Pushes out, final OrderAccess.Parties order)
    {
        return out.isOnline(order.buyerId()) || out.isOnline(order.sellerId())
            || (order.disputed() && out.hasStaffSubscribers());
    }

    static void push(final Pushes out, final OrderAccess.Parties order, final ChatMessageView line)
    {
        out.toUser(order.buyerId(), ChatService.CHANNEL, TYPE, line);
        out.toUser(order.sellerId(), ChatService.CHANNEL, TYPE, line);
        if (order.disputed() && (line.authorId() == null || "DISPUTED".equals(order.state())))
        {
            out.toStaff(TYPE, line);
        }
        if (line.authorId() != null && !order.isParty(line.authorId()))
        {
            out.toUser(line.authorId(), ChatService.CHANNEL, TYPE, line);
        }
    }
}
