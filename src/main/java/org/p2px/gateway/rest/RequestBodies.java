package org.p2px.gateway.rest;

import java.nio.file.Path;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.p2px.api.GatewayError;
import org.p2px.auth.ApiKeyMechanism;
import org.p2px.gateway.ClientGone;
import org.p2px.gateway.attachment.AttachmentSettings;

/**
 * Reads the whole body of every HTTP request on the event loop, before anything else runs, within
 * {@code p2px.http.body-timeout}:
 * <ul>
 * <li>a client that sends headers and part of a body, then nothing, holds a connection but no worker thread (the
 * REST layer would otherwise read the body on a worker, blocking, for up to a minute): a few hundred such clients
 * starved every other request before;</li>
 * <li>a body that has not arrived in time is answered {@code 408 REQUEST_TIMEOUT} and its connection closed;</li>
 * <li>the signature of an API-key request covers its body: authentication hashes it from here, and the REST layer
 * reads it from here too rather than from the (already consumed) connection.</li>
 * </ul>
 * WebSocket upgrades pass untouched.
 */
@ApplicationScoped
public class RequestBodies
{
    /** Far larger than any command; a bigger body is refused with 413 before it is buffered. */
    private static final long MAX_BODY_BYTES = 1L << 20;
    /**
     * An upload's multipart body holds the file and its part headers: room for the headers on top of the file. The
     * file part is streamed to a file under the attachments' {@code incoming/} folder as it arrives (never held in
     * memory), and that file is deleted when the request ends, whatever its outcome.
     */
    private static final long MULTIPART_OVERHEAD = 64L << 10;
    /** The one request whose body may be larger: an attachment's upload (AttachmentsResource). */
    private static final Pattern UPLOAD_PATH = Pattern.compile("/api/v1/orders/[^/]+/attachments/?");
    private static final String DEADLINE_TIMER = "p2px.body-deadline";
    private static final System.Logger LOG = System.getLogger(RequestBodies.class.getName());

    private final Vertx vertx;
    private final HttpSettings settings;
    private final long maxUploadBytes;
    private final String incoming;

    public RequestBodies(final Vertx vertx, final HttpSettings settings, final AttachmentSettings attachments)
    {
        this.vertx = vertx;
        this.settings = settings;
        this.maxUploadBytes = attachments.maxBytes() + MULTIPART_OVERHEAD;
        this.incoming = Path.of(attachments.directory(), "incoming").toString();
    }

    void install(@Observes final Router router)
    {
        final BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        final BodyHandler uploads = BodyHandler.create(incoming).setBodyLimit(maxUploadBytes)
            .setDeleteUploadedFilesOnEnd(true);
        // Right after the connection cap (ConnectionsPerAddress), before anything else.
        router.route().order(Integer.MIN_VALUE + 1).handler(context ->
        {
            if (isUpgrade(context))
            {
                context.next();
            }
            else if (context.request().version() == HttpVersion.HTTP_2)
            {
                // HTTP/2 is off (p2px turns it off); should it be turned on, Vert.x's HTTP/2 request cannot be paused
                // once its body is read, which the REST layer then does. Bodiless reads go on as usual.
                if (isSigned(context) || hasBody(context))
                {
                    refuse(context, GatewayError.UNSUPPORTED_HTTP_VERSION);
                }
                else
                {
                    context.next();
                }
            }
            else if (isUpload(context))
            {
                if (declaredLength(context) > maxUploadBytes)
                {
                    // Refused from its headers: not a byte of it is read or kept.
                    context.response().putHeader(HttpHeaders.CONNECTION, "close");
                    refuse(context, GatewayError.ATTACHMENT_TOO_LARGE);
                    return;
                }
                startDeadline(context);
                uploads.handle(context);
            }
            else
            {
                startDeadline(context);
                bodies.handle(context);
            }
        }).handler(RequestBodies::bodyArrived).failureHandler(this::uploadTooLarge)
            .failureHandler(RequestBodies::clientGoneQuietly);
    }

    /** A chunked upload that outgrew the limit while it arrived: the same answer as one declared too large. */
    private void uploadTooLarge(final RoutingContext context)
    {
        if (context.statusCode() == 413 && isUpload(context) && !context.response().headWritten())
        {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(context, GatewayError.ATTACHMENT_TOO_LARGE);
            return;
        }
        context.next();
    }

    private static boolean isUpload(final RoutingContext context)
    {
        return context.request().method() == HttpMethod.POST && UPLOAD_PATH.matcher(context.request().path()).matches();
    }

    private static long declaredLength(final RoutingContext context)
    {
        final String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try
        {
            return length == null ? -1 : Long.parseLong(length.trim());
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    /** A client that hung up in the middle of its body is one DEBUG line, not an ERROR per connection. */
    private static void clientGoneQuietly(final RoutingContext context)
    {
        if (ClientGone.is(context.failure()))
        {
            LOG.log(System.Logger.Level.DEBUG, () -> "client went away while sending " + context.request().path() + ": "
                + ClientGone.describe(context.failure()));
            return;
        }
        context.next();
    }

    private void startDeadline(final RoutingContext context)
    {
        final long timer = vertx.setTimer(settings.bodyTimeout().toMillis(), id ->
        {
            if (!context.response().headWritten() && !context.request().isEnded())
            {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                refuse(context, GatewayError.REQUEST_TIMEOUT);
                context.request().connection().close();
            }
        });
        context.put(DEADLINE_TIMER, timer);
        // A body handler that refused the body (413) ends the response without reaching the next handler.
        context.addEndHandler(done -> vertx.cancelTimer(timer));
    }

    /**
     * The body handler leaves the body null, not empty, when the body had no byte (Content-Length: 0, an empty
     * chunked body). The REST layer takes a null body for one still to be read from the connection, and would wait
     * there for the end the body handler already consumed until its read timeout before answering.
     */
    private static void bodyArrived(final RoutingContext context)
    {
        final Long timer = context.get(DEADLINE_TIMER);
        if (timer != null)
        {
            context.vertx().cancelTimer(timer);
        }
        if (!isUpgrade(context) && context.body().buffer() == null)
        {
            context.setBody(Buffer.buffer());
        }
        context.next();
    }

    private static boolean isUpgrade(final RoutingContext context)
    {
        return context.request().getHeader(HttpHeaders.UPGRADE) != null;
    }

    private static boolean isSigned(final RoutingContext context)
    {
        return context.request().getHeader(ApiKeyMechanism.KEY_HEADER) != null;
    }

    private static boolean hasBody(final RoutingContext context)
    {
        final String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !"0".equals(length)) || context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Answers with the error body before anything else ran (the REST layer's error mapper is not reached). */
    static Future<Void> refuse(final RoutingContext context, final GatewayError error)
    {
        return context.response().setStatusCode(error.status()).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("code", error.name()).put("message", error.message()).encode());
    }
}
