package org.p2px.gateway.attachment;

import java.sql.PreparedStatement;
import java.util.function.Supplier;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.Session;

/**
 * {@link UploadLocks} as PostgreSQL advisory locks, held by the transaction ({@code pg_advisory_xact_lock}): every
 * gateway on the database waits on the same ones, and they are released when the transaction that took them commits
 * or rolls back, or when its connection dies. The bytes' step is one transaction (the bytes stored, then the row
 * counted and added in it), so a deletion of the same bytes through another gateway waits until the row is committed
 * and then sees it. Keys are pairs (kind, 32 bits of the hash or id), apart from the projector's one-number lease:
 * two hashes or ids sharing 32 bits only wait on each other.
 */
final class AdvisoryUploadLocks implements UploadLocks
{
    static final int BYTES = 0x70327801;
    static final int ORDER = 0x70327802;
    static final int UPLOADER = 0x70327803;
    private static final String LOCK = "SELECT pg_advisory_xact_lock(?, ?)";

    @Override
    public <T> T holdingBytes(final String sha256, final String other, final Supplier<T> step)
    {
        return QuarkusTransaction.requiringNew().call(() ->
        {
            final Integer a = sha256 == null ? null : key(sha256);
            final Integer b = other == null ? null : key(other);
            // The lower key first, whichever hash is the file and which the thumbnail.
            if (a != null && b != null && a.intValue() != b.intValue())
            {
                lock(BYTES, Math.min(a, b));
                lock(BYTES, Math.max(a, b));
            }
            else if (a != null || b != null)
            {
                lock(BYTES, a != null ? a : b);
            }
            return step.get();
        });
    }

    @Override
    public <T> T holdingSlot(final long orderId, final long uploaderId, final Supplier<T> step)
    {
        return QuarkusTransaction.joiningExisting().call(() ->
        {
            lock(ORDER, Long.hashCode(orderId));
            lock(UPLOADER, Long.hashCode(uploaderId));
            return step.get();
        });
    }

    /** The first 32 bits of a hex SHA-256. */
    static int key(final String sha256)
    {
        return Integer.parseUnsignedInt(sha256.substring(0, 8), 16);
    }

    private static void lock(final int kind, final int key)
    {
        Panache.getEntityManager().unwrap(Session.class).doWork(connection ->
        {
            try (PreparedStatement lock = connection.prepareStatement(LOCK))
            {
                lock.setInt(1, kind);
                lock.setInt(2, key);
                lock.execute();
            }
        });
    }
}
