package org.p2px.gateway.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.AppealEvidence;
import org.p2px.gateway.Caller;
import org.p2px.gateway.PlainText;
import org.p2px.gateway.trade.TradingService;
import org.p2px.gateway.view.AppealView;
import org.p2px.gateway.view.OrderView;

/**
 * Appeals: opening one (with a first statement of evidence, or none, as bots do), withdrawing it, adding evidence
 * while it is open, and the dossier the arbiter decides on.
 */
@Path("/api/v1/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("TRADE")
@Tag(name = "Orders")
public class AppealsResource
{
    private final SecurityIdentity identity;
    private final TradingService trading;
    private final AppealEvidence evidence;

    public AppealsResource(final SecurityIdentity identity, final TradingService trading, final AppealEvidence evidence)
    {
        this.identity = identity;
        this.trading = trading;
        this.evidence = evidence;
    }

    /** A statement of evidence: text, files uploaded to the order before (POST .../attachments), or both. */
    public record EvidenceBody(@Size(max = AppealEvidence.MAX_STATEMENT_LENGTH) @PlainText String statement,
        @Size(max = AppealEvidence.MAX_FILES) List<Long> attachmentIds)
    {
    }

    @POST
    @Path("/{orderId}/appeal")
    @Operation(summary = "Buyer or seller: open a dispute once the appeal wait has passed, with an optional first "
        + "statement of evidence (checked before the dispute opens: VALIDATION_FAILED and nothing opened)")
    @RequestBody(required = false)
    public OrderView appeal(@PathParam("orderId") final long orderId, @Valid final EvidenceBody body)
    {
        final Caller caller = Caller.of(identity);
        final EvidenceBody given = body == null ? new EvidenceBody(null, null) : body;
        return evidence.openWith(caller, orderId, given.statement(), given.attachmentIds(),
            () -> trading.appeal(caller, orderId));
    }

    @POST
    @Path("/{orderId}/appeal/withdraw")
    @Operation(summary = "The appellant: withdraw the appeal (back to PAID)")
    public OrderView withdrawAppeal(@PathParam("orderId") final long orderId)
    {
        return trading.withdrawAppeal(Caller.of(identity), orderId);
    }

    @POST
    @Path("/{orderId}/appeal/evidence")
    @Operation(summary = "A party, an arbiter or an admin: add a statement with files to the open appeal (the order is "
        + "DISPUTED, else 409 INVALID_ORDER_STATE); pushed to both parties' chat and the staff's disputes channel")
    @APIResponse(responseCode = "201", description = "Added to the dossier and pushed",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppealView.Statement.class)))
    public Response addEvidence(@PathParam("orderId") final long orderId, @Valid final EvidenceBody body)
    {
        final EvidenceBody given = body == null ? new EvidenceBody(null, null) : body;
        final AppealView.Statement added =
            evidence.add(Caller.of(identity), orderId, given.statement(), given.attachmentIds());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @GET
    @Path("/{orderId}/appeal")
    @RolesAllowed("READ")
    @Operation(summary = "The appeal's dossier: who opened it and when, every statement in order with its author, "
        + "role and files (id, SHA-256, type, size, dimensions, download URL)")
    public AppealView dossier(@PathParam("orderId") final long orderId)
    {
        return evidence.dossier(Caller.of(identity), orderId);
    }
}
