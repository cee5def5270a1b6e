package org.p2px.gateway.attachment;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import org.agrona.concurrent.EpochClock;
import org.jboss.logging.Logger;
import org.p2px.readmodel.AttachmentRow;

/**
 * Deletes the bytes of attachments whose order finished longer ago than {@code p2px.attachments.retention}: proofs
 * are kept for appeals and disputes, not for ever. An order under appeal has not finished, so its files stay. The
 * row stays too, marked purged: the chat still shows the file was there (a download answers ATTACHMENT_EXPIRED), and
 * the journal still holds its SHA-256. Bytes that another, unpurged row names stay.
 */
@ApplicationScoped
public class AttachmentRetention
{
    private static final Logger LOG = Logger.getLogger(AttachmentRetention.class);
    private static final long SWEEP_EVERY_MILLIS = 3_600_000;
    /** Rows purged per transaction: a first sweep over years of files does not hold one long transaction. */
    private static final int ROWS_PER_TRANSACTION = 500;

    private final AttachmentSettings settings;
    private final AttachmentBytes bytes;
    private final EpochClock clock;
    private final Vertx vertx;
    private long timer = -1;

    public AttachmentRetention(final AttachmentSettings settings, final AttachmentStore store, final UploadLocks locks,
        final EpochClock clock, final Vertx vertx)
    {
        this.settings = settings;
        this.bytes = new AttachmentBytes(locks, store);
        this.clock = clock;
        this.vertx = vertx;
    }

    /** Purges the attachments of orders finished before {@code now} minus the retention; returns how many. */
    public int sweep(final Instant now)
    {
        final Instant cutoff = now.minus(settings.retention());
        int purged = 0;
        while (true)
        {
            final List<AttachmentRow> batch = QuarkusTransaction.requiringNew().call(() -> purgeSome(cutoff, now));
            for (final AttachmentRow row : batch)
            {
                bytes.deleteUnreferenced(row.sha256);
                bytes.deleteUnreferenced(row.thumbSha256);
            }
            purged += batch.size();
            if (batch.size() < ROWS_PER_TRANSACTION)
            {
                break;
            }
        }
        if (purged > 0)
        {
            LOG.infof("attachment retention: %d files of orders finished before %s deleted", purged, cutoff);
        }
        return purged;
    }

    private static List<AttachmentRow> purgeSome(final Instant cutoff, final Instant now)
    {
        final List<AttachmentRow> rows = AttachmentRow.<AttachmentRow>find(
            "purgedAt is null and orderId in (select o.id from OrderRow o where o.finishedAt < ?1)", cutoff)
            .page(0, ROWS_PER_TRANSACTION).list();
        for (final AttachmentRow row : rows)
        {
            row.purgedAt = now;
        }
        return rows;
    }

    void start(@Observes final StartupEvent event)
    {
        timer = vertx.setPeriodic(SWEEP_EVERY_MILLIS, id -> vertx.executeBlocking(
                () -> sweep(Instant.ofEpochMilli(clock.time())), false)
            .onFailure(ex -> LOG.warnf("attachment retention failed (retried in an hour): %s", ex.toString())));
    }

    void stop(@Observes final ShutdownEvent event)
    {
        if (timer >= 0)
        {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
