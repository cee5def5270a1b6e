package org.p2px.gateway.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.p2px.gateway.Caller;
import org.p2px.gateway.PaymentAccounts;
import org.p2px.gateway.PlainText;
import org.p2px.gateway.view.PaymentAccountView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's payment accounts, one per method (the order side: {@link PaymentDetailsResource}). */
@Path("/api/v1/account/payment-accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentAccountsResource
{
    /** Where the caller is paid by a method: the buyer reads it, so each is a single line of {@link PlainText}. */
    public record AccountBody(@PlainText(multiLine = false) String holder, @PlainText(multiLine = false) String details)
    {
    }

    private final SecurityIdentity identity;
    private final PaymentAccounts accounts;

    public PaymentAccountsResource(final SecurityIdentity identity, final PaymentAccounts accounts)
    {
        this.identity = identity;
        this.accounts = accounts;
    }

    @GET
        @RolesAllowed("READ")
    @Operation(summary = "The caller's payment accounts, by method")
    public List<PaymentAccountView> mine()
    {
        return accounts.mine(Caller.of(identity));
    }

    @PUT
    @Path("/{method}")
    @RolesAllowed("TRADE")
    @Operation(summary = "Adds or replaces the caller's account for a method; 400 VALIDATION_FAILED, INVALID_PAYMENT_METHODS")
    public PaymentAccountView set(@PathParam("method") final String method, @Valid @NotNull final AccountBody body)
    {
        return accounts.set(Caller.of(identity), method, body.holder(), body.details());
    }

    @DELETE
    @Path("/{method}")
    @RolesAllowed("TRADE")
    @Operation(summary = "Removes the caller's account for a method; 404 NO_PAYMENT_ACCOUNT")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response delete(@PathParam("method") final String method)
    {
        accounts.delete(Caller.of(identity), method);
        return Response.noContent().build();
    }
}
