package org.p2px.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import org.p2px.notice.NoticesCatchUp;
import org.p2px.notice.NoticesResumed;

/**
 * Pushes the chat lines whose notices this gateway did not hear (its listener was reconnecting, or the storing
 * gateway died between its commit and its notice): at each {@link NoticesCatchUp} (every second by default, only
 * where notices run) and at once after a {@link NoticesResumed}, it reads the ids of the lines stored since its last
 * look ({@link ChatLineCursor}, which also reads again the ids a late commit may still fill) and hands each to
 * {@link RemoteChatLines}, the path of a notice. Lines pushed already, by their notice or because they were stored
 * here, are claimed in {@link PushedChatLines} and not pushed again. One indexed query per look, of two numbers per
 * new line; a line costs more only when someone here would hear it and it was not pushed yet.
 */
@ApplicationScoped
public class ChatLineCatchUp
{
    /** Lines read in one query; more are read by the next query of the same look. */
    static final int PAGE = 1_000;
    private static final String NEWEST = "SELECT coalesce(max(id), 0) FROM chat_messages";
    private static final String SINCE =
        "SELECT id, order_id FROM chat_messages WHERE id > ? OR id = ANY(?) ORDER BY id LIMIT " + PAGE;
    private static final System.Logger LOG = System.getLogger(ChatLineCatchUp.class.getName());

    private final AgroalDataSource dataSource;
    private final RemoteChatLines remote;
    private final ChatLineCursor cursor = new ChatLineCursor();

    public ChatLineCatchUp(final AgroalDataSource dataSource, final RemoteChatLines remote)
    {
        this.dataSource = dataSource;
        this.remote = remote;
    }

    void onCatchUp(@Observes final NoticesCatchUp due)
    {
        catchUp();
    }

    void onNoticesResumed(@Observes final NoticesResumed resumed)
    {
        catchUp();
    }

    /** One look; a database that is away is tried again at the next, from the same point. */
    synchronized void catchUp()
    {
        try
        {
            if (!cursor.started())
            {
                start(System.currentTimeMillis());
                return;
            }
            List<long[]> lines;
            long before;
            do
            {
                before = cursor.high();
                final long now = System.currentTimeMillis();
                lines = since(cursor.high(), cursor.holes(now));
                for (final long[] line : lines)
                {
                    cursor.read(line[0], push(line[0], line[1]), now);
                }
            }
            while (lines.size() == PAGE && cursor.high() > before);
        }
        catch (final SQLException | RuntimeException ex)
        {
            LOG.log(System.Logger.Level.DEBUG, "chat lines of other gateways not read: " + ex);
        }
    }

    /**
     * The first look: the lines up to the newest are taken as handled (clients have not subscribed here yet, and a
     * subscriber finds them in the snapshot), but the cursor starts {@link ChatLineCursor#MAX_HOLES} ids lower, so
     * that an id among those not committed yet waits as a hole like any other.
     */
    private void start(final long now) throws SQLException
    {
        final long newest = newest();
        final long from = Math.max(0, newest - ChatLineCursor.MAX_HOLES);
        final List<long[]> lines = since(from, new long[0]);
        // Started only once both queries answered: a failed first look is tried again whole.
        cursor.start(from);
        for (final long[] line : lines)
        {
            cursor.read(line[0], line[0] <= newest || push(line[0], line[1]), now);
        }
    }

    /** False when the line could not be handled now (read again at the next look). */
    private boolean push(final long lineId, final long orderId)
    {
        try
        {
            remote.push(lineId, orderId, true);
            return true;
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.DEBUG, "chat line " + lineId + " not pushed, tried again: " + ex);
            return false;
        }
    }

    private long newest() throws SQLException
    {
        try (Connection connection = dataSource.getConnection();
            PreparedStatement query = connection.prepareStatement(NEWEST);
            ResultSet rows = query.executeQuery())
        {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Id and order of each line above {@code high} or in {@code holes}, lowest first. */
    private List<long[]> since(final long high, final long[] holes) throws SQLException
    {
        try (Connection connection = dataSource.getConnection();
            PreparedStatement query = connection.prepareStatement(SINCE))
        {
            query.setLong(1, high);
            query.setArray(2, connection.createArrayOf("bigint", Arrays.stream(holes).boxed().toArray()));
            final List<long[]> lines = new ArrayList<>();
            try (ResultSet rows = query.executeQuery())
            {
                while (rows.next())
                {
                    lines.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
            return lines;
        }
    }
}
