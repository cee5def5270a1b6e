package org.p2px.gateway.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.Caller;
import org.p2px.gateway.attachment.AttachmentService;
import org.p2px.gateway.view.AttachmentView;

/**
 * Files in an order: payment proofs in the chat, evidence in an appeal. Uploading needs TRADE, reading READ; both
 * only for the order's parties, and staff once it is disputed (anyone else: 404 UNKNOWN_ORDER). Downloads are
 * served as files to save, never as pages: {@code Content-Disposition: attachment}, {@code nosniff} and a sandboxing
 * Content-Security-Policy.
 */
@Path("/api/v1/orders")
@Tag(name = "Attachments", description = "Files shown in an order: PNG, JPEG, WebP (stored as PNG) and PDF")
public class AttachmentsResource
{
    /** Nothing a download holds may run, load or frame anything, even if a browser were made to render it. */
    static final String SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'none'";

    private final SecurityIdentity identity;
    private final AttachmentService attachments;

    public AttachmentsResource(final SecurityIdentity identity, final AttachmentService attachments)
    {
        this.identity = identity;
        this.attachments = attachments;
    }

    /** The multipart body of an upload: one part named {@code file}, with a file name (the OpenAPI document's). */
    @Schema(name = "AttachmentUpload", requiredProperties = "file")
    public static class UploadForm
    {
        @Schema(type = SchemaType.STRING, format = "binary",
            description = "The file: PNG, JPEG, WebP (stored as PNG) or PDF, at most 5 MB by default; "
                + "its type is read from its bytes, whatever its name or declared type; its name must be a plain name")
        public String file;
    }

    /**
     * The multipart body was read before this runs (RequestBodies), its file part streamed to a temporary file that
     * is deleted when the request ends.
     */
    @POST
    @Path("/{orderId}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("TRADE")
    @Operation(summary = "Upload a file to the order (multipart, one part `file`); images are re-encoded (no EXIF or "
        + "GPS kept) and get a thumbnail; the journal records its SHA-256. 413 ATTACHMENT_TOO_LARGE or "
        + "IMAGE_TOO_LARGE, 415 UNSUPPORTED_ATTACHMENT_TYPE, 400 INVALID_ATTACHMENT or VALIDATION_FAILED, "
        + "409 TOO_MANY_ATTACHMENTS, 429 ATTACHMENT_QUOTA_EXCEEDED; a person's token only (403 FORBIDDEN for an API key)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
        schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "Stored and journaled",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentView.class)))
    public Response upload(@PathParam("orderId") final long orderId, @Context final RoutingContext context)
    {
        final List<FileUpload> files = context.fileUploads();
        if (files.size() != 1 || !"file".equals(files.get(0).name()))
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "file is required: one multipart part named file.");
        }
        final FileUpload file = files.get(0);
        final AttachmentView stored = attachments.upload(Caller.of(identity), orderId, file.fileName(),
            java.nio.file.Path.of(file.uploadedFileName()), file.size());
        return Response.status(Response.Status.CREATED).entity(stored).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{orderId}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("READ")
    @Operation(summary = "The order's files, oldest first")
    public List<AttachmentView> list(@PathParam("orderId") final long orderId)
    {
        return attachments.list(Caller.of(identity), orderId);
    }

    @GET
    @Path("/{orderId}/attachments/{attachmentId}")
    @Produces({"image/png", "image/jpeg", "application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed("READ")
    @Operation(summary = "Download a file, checked against the SHA-256 the journal recorded (500 "
        + "ATTACHMENT_INTEGRITY_FAILED if it no longer matches); 410 ATTACHMENT_EXPIRED after retention")
    @APIResponse(responseCode = "200", description = "The file, as an attachment to save",
        content = {@Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response download(@PathParam("orderId") final long orderId, @PathParam("attachmentId") final long attachmentId)
    {
        return served(attachments.download(Caller.of(identity), orderId, attachmentId, false));
    }

    @GET
    @Path("/{orderId}/attachments/{attachmentId}/thumbnail")
    @Produces({"image/png", "image/jpeg", MediaType.APPLICATION_JSON})
    @RolesAllowed("READ")
    @Operation(summary = "An image's thumbnail (at most 320 pixels a side by default); 404 UNKNOWN_ATTACHMENT for a PDF")
    @APIResponse(responseCode = "200", description = "The thumbnail",
        content = {@Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response thumbnail(@PathParam("orderId") final long orderId, @PathParam("attachmentId") final long attachmentId)
    {
        return served(attachments.download(Caller.of(identity), orderId, attachmentId, true));
    }

    private static Response served(final AttachmentService.Download download)
    {
        // Streamed from a verified temporary copy, deleted when the stream is closed after the response.
        return Response.ok(download.content(), download.mediaType())
            .header("Content-Length", download.size())
            .header("Content-Disposition", contentDisposition(download.fileName()))
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", SANDBOX)
            .header("Cross-Origin-Resource-Policy", "same-origin")
            .header("Cache-Control", "private, no-store")
            .build();
    }

    /** An ASCII fallback name, and the real one percent-encoded (RFC 6266); never a quote or a path in either. */
    static String contentDisposition(final String name)
    {
        final String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        final String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
