package org.p2px.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.auth.UserRole;
import org.p2px.codec.ErrorCode;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserAccount;

/**
 * Who may look at an order: its buyer and seller, and staff (arbiters and admins). Staff is decided by the
 * role in the users table, not the one in the token, so a demotion takes effect at once; and only a person
 * signed in is staff, never an API key (keys never act for admins).
 */
@ApplicationScoped
public class OrderAccess
{
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
