package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.p2px.gateway.Caller;
import org.p2px.gateway.PaymentAccounts;
import org.p2px.gateway.view.PaymentAccountView;

/** Where the buyer of an open order pays: the seller's account for the order's method. */
@Path("/api/v1/orders/{orderId}/payment-details")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentDetailsResource
{
    private final SecurityIdentity identity;
    private final PaymentAccounts accounts;

    public PaymentDetailsResource(final SecurityIdentity identity, final PaymentAccounts accounts)
    {
        this.identity = identity;
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed("READ")
    @Operation(summary = "The seller's account for the order's method: for the buyer while the order is open, the "
        + "seller, and arbiters once disputed; 403 PAYMENT_DETAILS_NOT_ALLOWED or NOT_ORDER_PARTY, 404 NO_PAYMENT_ACCOUNT")
    public PaymentAccountView forOrder(@PathParam("orderId") final long orderId)
    {
        return accounts.forOrder(Caller.of(identity), orderId);
    }
}
