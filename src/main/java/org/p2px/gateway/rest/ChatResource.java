package org.p2px.gateway.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.ChatService;
import org.p2px.gateway.view.ChatMessageView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order's chat. Reading needs READ, writing TRADE (a bot's read-only key cannot talk for its owner). */
@Path("/api/v1/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "An order's chat: its parties, and staff once disputed")
public class ChatResource
{
    private static final int DEFAULT_LIMIT = 50;

    private final SecurityIdentity identity;
    private final ChatService chat;

    public ChatResource(final SecurityIdentity identity, final ChatService chat)
    {
        this.identity = identity;
        this.chat = chat;
    }

    /** A line's text (may be empty when it carries files) and the ids of files uploaded to the order before. */
    public record ChatText(@NotNull String text, List<Long> attachmentIds)
    {
    }

    @GET
    @Path("/{orderId}/chat")
    @RolesAllowed("READ")
    @Operation(summary = "Chat lines oldest first: the latest `limit`, or the next `limit` after line `after`")
    public List<ChatMessageView> history(
        @PathParam("orderId") final long orderId, @QueryParam("after") final String after,
        @QueryParam("limit") final String limit)
    {
        return chat.history(Caller.of(identity), orderId, QueryParams.longOrNull(after, "after"),
            QueryParams.intOr(limit, DEFAULT_LIMIT, "limit"));
    }

    @POST
    @Path("/{orderId}/chat")
    @RolesAllowed("TRADE")
    @Operation(summary = "Write a line (1 to 2000 characters, or empty with attachmentIds: files uploaded to the "
        + "order before, at most 10); 403 CHAT_NOT_ALLOWED")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ChatMessageView.class)))
    public Response send(@PathParam("orderId") final long orderId, @Valid @NotNull final ChatText body)
    {
        return Response.status(Response.Status.CREATED)
            .entity(chat.send(Caller.of(identity), orderId, body.text(), body.attachmentIds())).build();
    }
}
