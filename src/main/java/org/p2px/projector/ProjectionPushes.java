package org.p2px.projector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.core.AdSnapshot;
import org.p2px.core.CoreReader;
import org.p2px.engine.Engine;
import org.p2px.gateway.Pushes;
import org.p2px.gateway.view.IndexView;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.OrderRow;

/**
 * Tells subscribers what a committed projector transaction changed: each order to its buyer and seller, each
 * changed balance to its owner, each new chat line to both parties, index prices, and each changed book side once
 * per transaction, its top ads read from the live engine. Views are built in a read-only transaction of their
 * own, so a view that cannot be built (a market the catalogue does not know) never undoes the projection.
 */
final class ProjectionPushes
{
    static final int BOOK_DEPTH = 50;
    private static final System.Logger LOG = System.getLogger(ProjectionPushes.class.getName());

    private final Catalog catalog;
    private final ViewMapper views;

    ProjectionPushes(final Catalog catalog, final ViewMapper views)
    {
        this.catalog = catalog;
        this.views = views;
    }

    void send(final Pushes pushes, final Committed committed, final Supplier<Engine> engine)
    {
        final List<Runnable> sends = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> collect(pushes, committed, engine, sends));
        for (final Runnable send : sends)
        {
            safely(send);
        }
    }

    private void collect(final Pushes pushes, final Committed committed, final Supplier<Engine> engine,
        final List<Runnable> sends)
    {
        final Map<Long, OrderRow> orders = new HashMap<>();
        for (final OrderRow order : committed.orders())
        {
            orders.put(order.id, order);
            safely(() ->
            {
                final OrderView view = views.order(order);
                sends.add(() -> pushes.toUser(order.buyerId, "orders", "order", view));
                sends.add(() -> pushes.toUser(order.sellerId, "orders", "order", view));
            });
        }
        for (final BalanceRow balance : committed.balances())
        {
            safely(() ->
            {
                final Object view = views.balance(balance);
                sends.add(() -> pushes.toUser(balance.userId, "balances", "balance", view));
            });
        }
        for (final ChatMessageRow line : committed.chat())
        {
            final OrderRow order = orders.get(line.orderId);
            safely(() ->
            {
                final Object view = views.chat(line);
                sends.add(() -> pushes.toUser(order.buyerId, "chat", "message", view));
                sends.add(() -> pushes.toUser(order.sellerId, "chat", "message", view));
            });
        }
        for (final Changes.IndexChange index : committed.indexes())
        {
            safely(() ->
            {
                final MarketInfo market = catalog.market(index.marketId());
                final IndexView view = new IndexView(market.symbol(), market.formatPrice(index.price()));
                sends.add(() -> pushes.toChannel("index." + market.symbol(), "index", view));
            });
        }
        final Engine live = engine.get();
        for (final Changes.BookSide side : live == null ? List.<Changes.BookSide>of() : committed.books())
        {
            safely(() ->
            {
                final MarketInfo market = catalog.market(side.marketId());
                final List<AdSnapshot> ads = live.query(core ->
                    new CoreReader(core).book(side.marketId(), side.side(), 0, -1, 0, BOOK_DEPTH));
                final Object view = views.book(market, side.side(), ads);
                sends.add(() -> pushes.toChannel("book." + market.symbol(), "book", view));
            });
        }
    }

    /** One push or view at a time: a failure is logged and the rest go on. */
    private static void safely(final Runnable action)
    {
        try
        {
            action.run();
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.DEBUG, "projector push skipped: " + ex);
        }
    }
}
