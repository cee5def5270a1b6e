package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.Audit;
import org.p2px.gateway.AuditEntry;
import org.p2px.gateway.Caller;
import org.p2px.gateway.OrderAccess;
import org.p2px.gateway.RowViews;
import org.p2px.gateway.view.AttachmentView;
import org.p2px.projector.ProjectionProgress;
import org.p2px.readmodel.AttachmentRecordRow;
import org.p2px.readmodel.AttachmentRow;
import org.p2px.server.CoreCommands;

/**
 * Files shown in an order. An upload is checked ({@link UploadInspector}), stored by its hash
 * ({@link AttachmentStore}), given a row, and recorded in the journal by the core (RecordAttachment, whose
 * AttachmentRecorded event carries the hash); if any step refuses, nothing of it stays. A download is served only
 * to those who may see the order, and only when its bytes still hash to what the journal recorded.
 */
@ApplicationScoped
@ActivateRequestContext
public class AttachmentService
{
    /** The bytes of a download (a stream for the caller to close), their length, type and the name to save them under. */
    public record Download(InputStream content, long size, String mediaType, String fileName)
    {
    }

    private static final Logger LOG = Logger.getLogger(AttachmentService.class);
    private static final int MAX_NAME_LENGTH = 200;
    private static final long CATCH_UP_MS = 2_000;

    private final OrderAccess access;
    private final CoreCommands core;
    private final AttachmentStore store;
    private final UploadInspector inspector;
    private final AttachmentSettings settings;
    private final Audit audit;
    private final Instance<ProjectionProgress> projection;
    private final ScratchFolder scratch;
    private final AttachmentBytes bytes;

    public AttachmentService(final OrderAccess access, final CoreCommands core, final AttachmentStore store,
        final UploadInspector inspector, final AttachmentSettings settings, final Audit audit,
        final Instance<ProjectionProgress> projection, final ScratchFolder scratch, final UploadLocks locks)
    {
        this.access = access;
        this.core = core;
        this.store = store;
        this.inspector = inspector;
        this.settings = settings;
        this.audit = audit;
        this.projection = projection;
        this.scratch = scratch;
        this.bytes = new AttachmentBytes(locks, store);
    }

    /**
     * Stores an upload of {@code size} bytes at {@code upload} (a temporary file of the web layer's) to the order.
     * UNKNOWN_ORDER to anyone who may not see the order; VALIDATION_FAILED for a name with a path or control
     * characters; ATTACHMENT_TOO_LARGE, IMAGE_TOO_LARGE, UNSUPPORTED_ATTACHMENT_TYPE, INVALID_ATTACHMENT,
     * TOO_MANY_ATTACHMENTS, ATTACHMENT_QUOTA_EXCEEDED; the core's refusal (ORDER_FINISHED, NOT_ORDER_PARTY).
     */
    public AttachmentView upload(final Caller caller, final long orderId, final String fileName, final Path upload,
        final long size)
    {
        final AuditEntry entry = audit.by(caller, "attachment.upload").with("orderId", orderId).with("fileName", fileName)
            .with("size", size);
        return entry.run(() -> store(caller, orderId, fileName, upload, size, entry));
    }

    private AttachmentView store(final Caller caller, final long orderId, final String fileName, final Path upload,
        final long size, final AuditEntry entry)
    {
        if (!caller.person())
        {
            // An API key's signature covers the body, but a multipart body is streamed to a file, not hashed.
            throw ApiException.of(GatewayError.FORBIDDEN, "Uploads need a signed-in person; API keys may list and download.");
        }
        visibleOrder(caller, orderId);
        final String name = checkedName(fileName);
        if (size > settings.maxBytes())
        {
            throw ApiException.of(GatewayError.ATTACHMENT_TOO_LARGE, "An attachment is at most " + settings.maxBytes() + " bytes.");
        }
        checkCounts(caller.userId(), orderId);
        final Inspected inspected = inspect(upload);
        try
        {
            final String sha256 = Sha256.hex(Sha256.of(inspected.content()));
            final String thumbnail = inspected.thumbnail() == null ? null : Sha256.hex(Sha256.of(inspected.thumbnail()));
            final long stored = java.nio.file.Files.size(inspected.content());
            // The count before the upload was checked refuses early and cheaply; this one is exact when uploads
            // arrive together, through this gateway or others.
            final AttachmentRow row = bytes.store(inspected.content(), sha256, inspected.thumbnail(), thumbnail, orderId,
                caller.userId(), () ->
                {
                    checkCounts(caller.userId(), orderId);
                    return newRow(caller.userId(), orderId, name, inspected, stored, sha256, thumbnail);
                });
            entry.with("attachmentId", row.id).with("sha256", sha256).with("type", row.mediaType);
            try
            {
                core.send((proxy, buffer, offset, correlationId) -> proxy.recordAttachment(buffer, offset,
                    correlationId, 0, caller.userId(), orderId, row.id, row.size, inspected.type(), sha256));
            }
            catch (final RuntimeException refused)
            {
                forget(row);
                throw refused;
            }
            return RowViews.attachment(row);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            deleteQuietly(inspected, upload);
        }
    }

    /** The order's files, oldest first. */
    public List<AttachmentView> list(final Caller caller, final long orderId)
    {
        visibleOrder(caller, orderId);
        return AttachmentRow.<AttachmentRow>list("orderId = ?1 order by id", orderId).stream()
            .map(RowViews::attachment).toList();
    }

    /**
     * A file (or its thumbnail) of the order. UNKNOWN_ORDER to anyone who may not see the order, UNKNOWN_ATTACHMENT,
     * ATTACHMENT_EXPIRED once retention deleted it, ATTACHMENT_INTEGRITY_FAILED (and an ERROR line) when the bytes
     * no longer hash to what the journal recorded.
     */
    public Download download(final Caller caller, final long orderId, final long attachmentId, final boolean thumbnail)
    {
        visibleOrder(caller, orderId);
        final AttachmentRow row = AttachmentRow.find("id = ?1 and orderId = ?2", attachmentId, orderId).firstResult();
        if (row == null || (thumbnail && row.thumbSha256 == null))
        {
            throw ApiException.of(GatewayError.UNKNOWN_ATTACHMENT);
        }
        if (row.purgedAt != null)
        {
            throw ApiException.of(GatewayError.ATTACHMENT_EXPIRED);
        }
        // A thumbnail is derived, not journaled: its bytes are checked against the hash they are stored under.
        final String expected = thumbnail ? row.thumbSha256 : journaledHash(row);
        final VerifiedCopy.Result copy = verifiedCopy(thumbnail ? row.thumbSha256 : row.sha256, expected);
        if (!copy.matches())
        {
            LOG.errorf("attachment %d of order %d: the stored %s %s the hash the journal recorded (%s); not served",
                attachmentId, orderId, thumbnail ? "thumbnail" : "file", copy.missing() ? "is missing, not" : "does not match",
                expected);
            audit.by(caller, "attachment.download").with("orderId", orderId).with("attachmentId", attachmentId)
                .write(GatewayError.ATTACHMENT_INTEGRITY_FAILED.name());
            throw ApiException.of(GatewayError.ATTACHMENT_INTEGRITY_FAILED);
        }
        final String mediaType = thumbnail ? thumbnailType(row) : row.mediaType;
        return new Download(copy.content(), copy.size(), mediaType, DownloadNames.of(row.fileName, mediaType, thumbnail));
    }

    /** The hash the journal recorded for the row (AttachmentRecorded, as the projector wrote it). */
    private String journaledHash(final AttachmentRow row)
    {
        AttachmentRecordRow record = AttachmentRecordRow.findById(row.id);
        if (record == null && projection.isResolvable())
        {
            projection.get().awaitProjected(core.appliedSequence(), CATCH_UP_MS);
            record = QuarkusTransaction.requiringNew().call(() -> AttachmentRecordRow.findById(row.id));
        }
        if (record == null || record.orderId != row.orderId)
        {
            LOG.errorf("attachment %d of order %d has no record in the journal; not served", row.id, row.orderId);
            throw ApiException.of(GatewayError.ATTACHMENT_INTEGRITY_FAILED);
        }
        return record.sha256;
    }

    private void visibleOrder(final Caller caller, final long orderId)
    {
        access.visibleTo(caller, orderId);
    }

    private void checkCounts(final long userId, final long orderId)
    {
        if (AttachmentRow.count("orderId", orderId) >= settings.maxPerOrder())
        {
            throw ApiException.of(GatewayError.TOO_MANY_ATTACHMENTS,
                "This order holds the most attachments allowed (" + settings.maxPerOrder() + ").");
        }
        final Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        if (AttachmentRow.count("uploaderId = ?1 and createdAt > ?2", userId, dayAgo) >= settings.dailyQuota())
        {
            throw ApiException.of(GatewayError.ATTACHMENT_QUOTA_EXCEEDED,
                "At most " + settings.dailyQuota() + " attachments in 24 hours; try again later.");
        }
    }

    private Inspected inspect(final Path upload)
    {
        try
        {
            return inspector.inspect(upload);
        }
        catch (final IOException ex)
        {
            throw ApiException.of(GatewayError.INVALID_ATTACHMENT, "The file could not be read whole.");
        }
    }

    private static AttachmentRow newRow(final long uploaderId, final long orderId, final String name,
        final Inspected inspected, final long size, final String sha256, final String thumbnail)
    {
        final AttachmentRow row = new AttachmentRow();
        row.orderId = orderId;
        row.uploaderId = uploaderId;
        row.mediaType = inspected.mediaType();
        row.size = size;
        row.sha256 = sha256;
        row.thumbSha256 = thumbnail;
        row.width = inspected.width();
        row.height = inspected.height();
        row.fileName = name;
        row.createdAt = Instant.now();
        row.persist();
        return row;
    }

    /** Undoes an upload the core refused: its row, and its bytes unless another row holds the same. */
    private void forget(final AttachmentRow row)
    {
        QuarkusTransaction.requiringNew().run(() -> AttachmentRow.delete("id", row.id));
        bytes.deleteUnreferenced(row.sha256);
        bytes.deleteUnreferenced(row.thumbSha256);
    }

    /** A plain file name: no folders, no control or text-direction characters, at most 200 characters. */
    static String checkedName(final String fileName)
    {
        final String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "fileName must be 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.contains("..")
            || name.codePoints().anyMatch(org.p2px.gateway.ChatLimits::forbidden) || name.indexOf(':') >= 0)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                "fileName must be a plain name: no folders (/ \\ ..), drive letters or control characters.");
        }
        return name;
    }

    private VerifiedCopy.Result verifiedCopy(final String sha256, final String expected)
    {
        try
        {
            return VerifiedCopy.of(store, sha256, expected, scratch);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String thumbnailType(final AttachmentRow row)
    {
        return row.mediaType.equals("image/jpeg") ? "image/jpeg" : "image/png";
    }

    private static void deleteQuietly(final Inspected inspected, final Path upload)
    {
        try
        {
            inspected.deleteTemporary(upload);
        }
        catch (final IOException ex)
        {
            LOG.debugf(ex, "could not delete a temporary file");
        }
    }
}
