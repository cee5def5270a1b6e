package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import org.p2px.api.ApiException;
import org.p2px.readmodel.AttachmentRow;

/**
 * Bytes are stored once per SHA-256 and shared by every row that names the hash, so "store the bytes, then add the
 * row" and "no row names them: delete them" must not interleave for one hash: a refused upload would otherwise delete
 * the bytes that an upload of the same file, through this gateway or another on the same store, stored a moment
 * before committing its row, leaving that row without bytes. Both run holding the hash's locks ({@link UploadLocks}),
 * the row committed before they are released.
 */
final class AttachmentBytes
{
    private static final Logger LOG = Logger.getLogger(AttachmentBytes.class);

    private final UploadLocks locks;
    private final AttachmentStore store;

    AttachmentBytes(final UploadLocks locks, final AttachmentStore store)
    {
        this.locks = locks;
        this.store = store;
    }

    /**
     * Stores {@code content} (hashed to {@code sha256}) and {@code thumbnail} (to {@code thumbnailSha256}; both may be
     * null), then runs {@code countAndAdd} holding the order's and the uploader's locks. When it refuses (an
     * {@link ApiException}), the bytes no row names are deleted, once the locks are released: an upload of the same
     * bytes that went in meanwhile has committed its row by then.
     */
    AttachmentRow store(final Path content, final String sha256, final Path thumbnail, final String thumbnailSha256,
        final long orderId, final long uploaderId, final Supplier<AttachmentRow> countAndAdd)
    {
        try
        {
            return locks.holdingBytes(sha256, thumbnailSha256, () ->
            {
                putAs(content, sha256);
                if (thumbnail != null)
                {
                    putAs(thumbnail, thumbnailSha256);
                }
                return locks.holdingSlot(orderId, uploaderId, countAndAdd);
            });
        }
        catch (final ApiException refused)
        {
            deleteUnreferenced(sha256);
            deleteUnreferenced(thumbnailSha256);
            throw refused;
        }
    }

    /** Deletes the bytes under {@code sha256} (null: nothing) when no row that still has its bytes names them. */
    void deleteUnreferenced(final String sha256)
    {
        if (sha256 == null)
        {
            return;
        }
        locks.holdingBytes(sha256, null, () ->
        {
            final long holders = QuarkusTransaction.joiningExisting().call(() -> AttachmentRow.count(
                "(sha256 = ?1 or thumbSha256 = ?1) and purgedAt is null", sha256));
            if (holders == 0)
            {
                try
                {
                    store.delete(sha256);
                }
                catch (final IOException ex)
                {
                    LOG.warnf(ex, "could not delete attachment bytes %s", sha256);
                }
            }
            return null;
        });
    }

    /** Stores {@code file}, which was hashed to {@code sha256} (the store hashes it again as it writes). */
    private void putAs(final Path file, final String sha256)
    {
        try
        {
            final String stored = store.put(file);
            if (!stored.equals(sha256))
            {
                throw new IllegalStateException("the file changed while stored: " + sha256 + " then " + stored);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
