package org.p2px.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.api.ApiException;
import org.p2px.codec.ErrorCode;
import org.p2px.live.LiveOrder;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;
import org.p2px.server.CoreCommands;

/**
 * Who may look at an order: its buyer and seller, and staff (arbiters and admins). Staff is decided by the
 * role in the users table, not the one in the token, so a demotion takes effect at once; and only a person
 * signed in is staff, never an API key (keys never act for admins).
 */
@ApplicationScoped
public class OrderAccess
{
    /** Who an order's parties are, its state and whether it is (or was, when it ended) disputed. */
    public record Parties(long orderId, long buyerId, long sellerId, String state, boolean disputed)
    {
        public boolean isParty(final long userId)
        {
            return buyerId == userId || sellerId == userId;
        }
    }

    private final CoreCommands core;

    public OrderAccess(final CoreCommands core)
    {
        this.core = core;
    }

    /**
     * The order's parties, from the live view (which holds it from the moment its command is answered) or else
     * from the read models; UNKNOWN_ORDER.
     */
    public Parties parties(final long orderId)
    {
        final LiveOrder live = core.read(state -> state.order(orderId));
        if (live != null)
        {
            return new Parties(orderId, live.order().buyerId(), live.order().sellerId(), live.order().state().name(),
                live.disputed());
        }
        final OrderRow row = order(orderId);
        return new Parties(orderId, row.buyerId, row.sellerId, row.state, row.disputedAt != null);
    }

    /**
     * The order's parties when {@code caller} may see its files and its appeal: a party, or staff once it is (or was)
     * disputed. Anyone else gets UNKNOWN_ORDER, the same answer as for an order that does not exist.
     */
    public Parties visibleTo(final Caller caller, final long orderId)
    {
        final Parties order = parties(orderId);
        if (!order.isParty(caller.userId()) && !(order.disputed() && isStaff(caller)))
        {
            throw ApiException.of(ErrorCode.UNKNOWN_ORDER);
        }
        return order;
    }

    /** The order, or UNKNOWN_ORDER. */
    public OrderRow order(final long orderId)
    {
        final OrderRow order = OrderRow.findById(orderId);
        if (order == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_ORDER);
        }
        return order;
    }

    public static boolean isParty(final OrderRow order, final long userId)
    {
        return order.buyerId == userId || order.sellerId == userId;
    }

    public boolean isStaff(final Caller caller)
    {
        if (!caller.person())
        {
            return false;
        }
        final UserAccount user = UserAccount.findById(caller.userId());
        return user != null && (user.role == UserRole.ARBITER || user.role == UserRole.ADMIN);
    }
}
