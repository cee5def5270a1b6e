package org.p2px.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.projector.Committed;
import org.p2px.projector.ProjectionListener;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.OrderRow;

/**
 * Tells both parties of an order the system's chat lines a committed projector transaction wrote (order opened,
 * paid, released, the maker's auto-reply...): those lines exist only once they are in the database, with their
 * ids. Orders, balances, books and index prices are pushed by the live view as soon as each batch is journaled. A line
 * {@link ChatLineCatchUp} met first, between the commit and this call, was pushed by it ({@link PushedChatLines}).
 */
@ApplicationScoped
public class ChatLinePushes implements ProjectionListener
{
    private static final System.Logger LOG = System.getLogger(ChatLinePushes.class.getName());

    private final ViewMapper views;
    private final Supplier<Pushes> target;
    private final PushedChatLines claims;

    @Inject
    public ChatLinePushes(final ViewMapper views, final Instance<Pushes> target, final PushedChatLines claims)
    {
        this(views, () -> target.isResolvable() ? target.get() : null, claims);
    }

    /** Pushing to whichever {@link Pushes} {@code target} gives (null: nobody to tell). */
    public ChatLinePushes(final ViewMapper views, final Supplier<Pushes> target, final PushedChatLines claims)
    {
        this.views = views;
        this.target = target;
        this.claims = claims;
    }

    @Override
    public void committed(final Committed committed)
    {
        final Pushes pushes = committed.chat().isEmpty() ? null : target.get();
        if (pushes == null)
        {
            return;
        }
        final List<Runnable> sends = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> collect(pushes, committed, sends));
        for (final Runnable send : sends)
        {
            safely(send);
        }
    }

    private void collect(final Pushes pushes, final Committed committed, final List<Runnable> sends)
    {
        final Map<Long, OrderRow> orders = new HashMap<>();
        committed.orders().forEach(order -> orders.put(order.id, order));
        for (final ChatMessageRow line : committed.chat())
        {
            final OrderRow order = orders.get(line.orderId);
            // Staff follow the chat of every order in dispute (the line that opened it included).
            final boolean staff = order != null && order.disputedAt != null && pushes.hasStaffSubscribers();
            // Claimed even when nobody here hears it: pushed by the catch-up later, it would double the snapshot's.
            final boolean first = claims.claim(line.id);
            if (first && order != null && (staff || pushes.isOnline(order.buyerId) || pushes.isOnline(order.sellerId)))
            {
                safely(() ->
                {
                    final Object view = views.chat(line);
                    sends.add(() -> pushes.toUser(order.buyerId, "chat", "message", view));
                    sends.add(() -> pushes.toUser(order.sellerId, "chat", "message", view));
                    if (staff)
                    {
                        sends.add(() -> pushes.toStaff("message", view));
                    }
                });
            }
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
