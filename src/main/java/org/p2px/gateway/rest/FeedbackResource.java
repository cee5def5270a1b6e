package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.FeedbackService;
import org.p2px.gateway.PlainText;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.p2px.gateway.view.FeedbackView;

/** Rating the counterparty of a completed order. Needs TRADE. Reading ratings: {@link ProfilesResource}. */
@Path("/api/v1/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Ratings after a completed order")
public class FeedbackResource
{
    private final SecurityIdentity identity;
    private final FeedbackService feedback;

    public FeedbackResource(final SecurityIdentity identity, final FeedbackService feedback)
    {
        this.identity = identity;
        this.feedback = feedback;
    }

    public record NewFeedback(@NotNull Boolean positive, @PlainText String comment)
    {
    }

    @POST
    @Path("/{orderId}/feedback")
    @RolesAllowed("TRADE")
    @Operation(summary = "Rate the other party once (comment up to 500 characters); 409 FEEDBACK_EXISTS")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = FeedbackView.class)))
    public Response leave(@PathParam("orderId") final long orderId, @Valid @NotNull final NewFeedback body)
    {
        return Response.status(Response.Status.CREATED)
            .entity(feedback.leave(Caller.of(identity), orderId, body.positive(), body.comment())).build();
    }
}
