package org.p2px.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.gateway.feed.ChannelUpdate;
import org.p2px.gateway.feed.MarketFeeds;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.server.CoreCommands;

/**
 * The first push of each channel: the user's open orders and balances, a market's book window (both sides) and
 * index price, all from the live view, so they agree with the pushes that follow (a public channel's snapshot is
 * taken on the view's thread, at the batch the view has applied, as is a resuming client's catch-up); and the recent chat lines of the user's open orders, from
 * the read models.
 */
@ApplicationScoped
public class LiveChannelSnapshots implements ChannelSnapshots
{
    private static final int CHAT_LINES = 100;

    private final LiveQueries live;
    private final ViewMapper views;
    private final CoreCommands core;
    private final Catalog catalog;
    private final MarketFeeds feeds;

    public LiveChannelSnapshots(final LiveQueries live, final ViewMapper views, final CoreCommands core,
        final Catalog catalog, final MarketFeeds feeds)
    {
        this.live = live;
        this.views = views;
        this.core = core;
        this.catalog = catalog;
        this.feeds = feeds;
    }

    @Override
    public ChannelSnapshot snapshot(final String channel, final Caller caller)
    {
        if (channel.startsWith("book."))
        {
            final MarketInfo market = catalog.market(channel.substring("book.".length()));
            return published(core.read(state -> feeds.bookSnapshot(state, market)));
        }
        if (channel.startsWith("index."))
        {
            final MarketInfo market = catalog.market(channel.substring("index.".length()));
            return published(core.read(state -> feeds.indexSnapshot(state, market)));
        }
        if (caller == null)
        {
            throw ApiException.of(GatewayError.UNAUTHENTICATED);
        }
        return ChannelSnapshot.perConnection(switch (channel)
        {
            case "orders" -> Map.of("orders", live.openOrders(caller.userId()));
            case "balances" -> Map.of("balances", live.balances(caller.userId()));
            case "chat" -> Map.of("messages", recentChat(live.openOrders(caller.userId())));
            case "disputes" -> Map.of("orders", live.disputedOrders());
            default -> throw ApiException.of(GatewayError.UNKNOWN_CHANNEL, "No channel '" + channel + "'.");
        });
    }

    @Override
    public ChannelCatchUp catchUp(final String channel, final long since)
    {
        if (channel.startsWith("book."))
        {
            final MarketInfo market = catalog.market(channel.substring("book.".length()));
            return core.read(state -> caughtUp("delta", feeds.bookAfter(state, market, since), state.batchSequence()));
        }
        if (channel.startsWith("index."))
        {
            final MarketInfo market = catalog.market(channel.substring("index.".length()));
            return core.read(state -> caughtUp("index", feeds.indexAfter(state, market, since), state.batchSequence()));
        }
        return null;
    }

    private static ChannelCatchUp caughtUp(final String type, final List<ChannelUpdate> updates, final long at)
    {
        return updates == null ? null : new ChannelCatchUp(type, updates, at);
    }

    private static ChannelSnapshot published(final ChannelUpdate update)
    {
        return new ChannelSnapshot(update.data(), update.seq());
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
