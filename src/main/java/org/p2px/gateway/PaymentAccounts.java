package org.p2px.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.api.PaymentMethod;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.PaymentAccountView;
import org.p2px.readmodel.ApiPermission;
import org.p2px.readmodel.PaymentAccountRow;

/**
 * Users' payment accounts, one per method, and who may read one: its owner; the buyer of an open order, the
 * seller's account for the order's method (as Binance and Bybit P2P show it on the order page); an arbiter once
 * the order is disputed. Anyone else is answered as for an order that does not exist.
 */
@ApplicationScoped
public class PaymentAccounts
{
    static final int MAX_HOLDER = 100;
    static final int MAX_DETAILS = 300;
    private static final Set<String> OPEN = Set.of("PENDING_PAYMENT", "PAID", "DISPUTED");

    private final LiveQueries live;
    private final Audit audit;

    public PaymentAccounts(final LiveQueries live, final Audit audit)
    {
        this.live = live;
        this.audit = audit;
    }

    public List<PaymentAccountView> mine(final Caller caller)
    {
        caller.require(ApiPermission.READ);
        return QuarkusTransaction.joiningExisting().call(() -> PaymentAccountRow.<PaymentAccountRow>list(
            "userId = ?1 order by method", caller.userId()).stream().map(PaymentAccounts::view).toList());
    }

    /**
     * Adds or replaces the caller's account for a method. Audited (where a buyer's fiat goes is what a taken-over
     * account changes first), without the holder or the details.
     */
    public PaymentAccountView set(final Caller caller, final String method, final String holder, final String details)
    {
        return audit.by(caller, "payment_account.set").with("method", method)
            .run(() -> save(caller, method, holder, details));
    }

    private PaymentAccountView save(final Caller caller, final String method, final String holder, final String details)
    {
        caller.require(ApiPermission.TRADE);
        final String name = PaymentMethod.of(method).name();
        final String cleanHolder = text(holder, "holder", MAX_HOLDER);
        final String cleanDetails = text(details, "details", MAX_DETAILS);
        return QuarkusTransaction.requiringNew().call(() ->
        {
            PaymentAccountRow row = PaymentAccountRow.findById(new PaymentAccountRow.Key(caller.userId(), name));
            if (row == null)
            {
                row = new PaymentAccountRow();
                row.userId = caller.userId();
                row.method = name;
            }
            row.holder = cleanHolder;
            row.details = cleanDetails;
            row.updatedAt = Instant.now();
            row.persist();
            return view(row);
        });
    }

    /** Removes the caller's account for a method; NO_PAYMENT_ACCOUNT when there is none. */
    public void delete(final Caller caller, final String method)
    {
        audit.by(caller, "payment_account.delete").with("method", method).run(() ->
        {
            caller.require(ApiPermission.TRADE);
            final String name = PaymentMethod.of(method).name();
            final boolean deleted = QuarkusTransaction.requiringNew().call(() ->
                PaymentAccountRow.deleteById(new PaymentAccountRow.Key(caller.userId(), name)));
            if (!deleted)
            {
                throw ApiException.of(GatewayError.NO_PAYMENT_ACCOUNT, "You have no " + name + " account.");
            }
        });
    }

    /** The seller's account for the order's method, for those who may see it (see the class comment). */
    public PaymentAccountView forOrder(final Caller caller, final long orderId)
    {
        caller.require(ApiPermission.READ);
        final OrderView order = live.order(caller, orderId);
        final boolean seller = order.sellerId() == caller.userId();
        final boolean buyer = order.buyerId() == caller.userId();
        final boolean disputed = "DISPUTED".equals(order.state()) || order.appellantId() != null;
        if (!seller && !(buyer && OPEN.contains(order.state())) && !(!buyer && disputed))
        {
            throw ApiException.of(GatewayError.PAYMENT_DETAILS_NOT_ALLOWED);
        }
        final PaymentAccountRow row = QuarkusTransaction.joiningExisting().call(() ->
            PaymentAccountRow.findById(new PaymentAccountRow.Key(order.sellerId(), order.paymentMethod())));
        if (row == null)
        {
            throw ApiException.of(GatewayError.NO_PAYMENT_ACCOUNT, "The seller has no " + order.paymentMethod()
                + " account on file: ask for the details in the order's chat.");
        }
        return view(row);
    }

    private static String text(final String value, final String name, final int max)
    {
        final String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > max || PlainText.Check.firstForbidden(trimmed, false).isPresent())
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                name + " must be 1 to " + max + " characters, without control characters.");
        }
        return trimmed;
    }

    private static PaymentAccountView view(final PaymentAccountRow row)
    {
        return new PaymentAccountView(row.method, row.holder, row.details, row.updatedAt);
    }
}
