package org.p2px.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.gateway.view.IndexView;
import org.p2px.gateway.view.MarketView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.OrderRow;

/**
 * The first push of each channel: the user's open orders, balances and their recent chat lines; a market's book
 * (both sides, from the live core) and index price. Later pushes carry whole entities, so a client replaces
 * what it holds by id.
 */
@ApplicationScoped
public class ChannelSnapshotsFromReadModels implements ChannelSnapshots
{
    private static final List<String> OPEN_STATES = List.of("PENDING_PAYMENT", "PAID", "DISPUTED");
    private static final int CHAT_LINES = 100;

    private final ReadModels readModels;
    private final LiveBook book;
    private final ViewMapper views;

    public ChannelSnapshotsFromReadModels(final ReadModels readModels, final LiveBook book, final ViewMapper views)
    {
        this.readModels = readModels;
        this.book = book;
        this.views = views;
    }

    @Override
    public Object snapshot(final String channel, final Caller caller)
    {
        if (channel.startsWith("book."))
        {
            return book.both(channel.substring("book.".length()), caller);
        }
        if (channel.startsWith("index."))
        {
            final MarketView market = readModels.market(channel.substring("index.".length()));
            return new IndexView(market.symbol(), market.indexPrice());
        }
        if (caller == null)
        {
            throw ApiException.of(GatewayError.UNAUTHENTICATED);
        }
        return switch (channel)
        {
            case "orders" -> Map.of("orders", openOrders(caller.userId()).stream().map(views::order).toList());
            case "balances" -> Map.of("balances", readModels.balances(caller.userId()));
            case "chat" -> Map.of("messages", recentChat(caller.userId()));
            default -> throw ApiException.of(GatewayError.UNKNOWN_CHANNEL, "No channel '" + channel + "'.");
        };
    }

    private static List<OrderRow> openOrders(final long userId)
    {
        return OrderRow.list("(buyerId = ?1 or sellerId = ?1) and state in ?2 order by id", userId, OPEN_STATES);
    }

    /** The latest lines of the user's open orders' chats, oldest first. */
    private List<Object> recentChat(final long userId)
    {
        final List<Long> orderIds = openOrders(userId).stream().map(order -> order.id).toList();
        if (orderIds.isEmpty())
        {
            return List.of();
        }
        final List<ChatMessageRow> lines = new ArrayList<>(ChatMessageRow.<ChatMessageRow>find(
            "orderId in ?1 order by id desc", orderIds).page(0, CHAT_LINES).list());
        Collections.reverse(lines);
        return lines.stream().<Object>map(views::chat).toList();
    }
}
