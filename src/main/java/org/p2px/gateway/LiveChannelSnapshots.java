package org.p2px.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.readmodel.ChatMessageRow;

/**
 * The first push of each channel: the user's open orders and balances, a market's book (both sides) and index
 * price, all from the live view, so they agree with the pushes that follow; and the recent chat lines of the
 * user's open orders, from the read models. Later pushes carry whole entities, so a client replaces what it
 * holds by id.
 */
@ApplicationScoped
public class LiveChannelSnapshots implements ChannelSnapshots
{
    private static final int CHAT_LINES = 100;

    private final LiveQueries live;
    private final ViewMapper views;

    public LiveChannelSnapshots(final LiveQueries live, final ViewMapper views)
    {
        this.live = live;
        this.views = views;
    }

    @Override
    public Object snapshot(final String channel, final Caller caller)
    {
        if (channel.startsWith("book."))
        {
            return live.both(channel.substring("book.".length()), caller);
        }
        if (channel.startsWith("index."))
        {
            return live.index(channel.substring("index.".length()));
        }
        if (caller == null)
        {
            throw ApiException.of(GatewayError.UNAUTHENTICATED);
        }
        return switch (channel)
        {
            case "orders" -> Map.of("orders", live.openOrders(caller.userId()));
            case "balances" -> Map.of("balances", live.balances(caller.userId()));
            case "chat" -> Map.of("messages", recentChat(live.openOrders(caller.userId())));
            default -> throw ApiException.of(GatewayError.UNKNOWN_CHANNEL, "No channel '" + channel + "'.");
        };
    }

    /** The latest lines of the open orders' chats, oldest first. */
    private List<Object> recentChat(final List<OrderView> openOrders)
    {
        if (openOrders.isEmpty())
        {
            return List.of();
        }
        final List<Long> orderIds = openOrders.stream().map(OrderView::id).toList();
        final List<ChatMessageRow> lines = new ArrayList<>(QuarkusTransaction.joiningExisting().call(() ->
            ChatMessageRow.<ChatMessageRow>find("orderId in ?1 order by id desc", orderIds).page(0, CHAT_LINES).list()));
        Collections.reverse(lines);
        return lines.stream().<Object>map(views::chat).toList();
    }
}
