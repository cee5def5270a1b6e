package org.p2px.projector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

import org.hibernate.Session;
import org.p2px.readmodel.ChatMessageRow;

/**
 * Inserts a transaction's chat lines in one JDBC batch and gives each its generated id. The table's ids are an
 * identity column (the REST and WebSocket histories page by them, so they follow the order of the inserts), and
 * Hibernate sends every identity insert on its own as soon as it is persisted: three lines per trade cycle (opened,
 * paid, released) made a quarter of the projector's samples (docs/performance.md). The rows stay plain values: the
 * projector hands them to its listeners and never changes them again.
 */
final class ChatLineInserts
{
    private static final String INSERT =
        "insert into chat_messages (order_id, author_id, kind, text, sent_at) values (?, ?, ?, ?, ?)";

    private ChatLineInserts()
    {
    }

    /** Inserts {@code lines} in the current transaction, in list order, and sets their ids. */
    static void insert(final List<ChatMessageRow> lines)
    {
        if (lines.isEmpty())
        {
            return;
        }
        final Session session = ChatMessageRow.getEntityManager().unwrap(Session.class);
        // The rows queued before (new orders among them) reach the database first, as a persisted line had them.
        session.flush();
        session.doWork(connection -> insert(connection, lines));
    }

    private static void insert(final Connection connection, final List<ChatMessageRow> lines) throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(INSERT, new String[] {"id"}))
        {
            for (final ChatMessageRow line : lines)
            {
                statement.setLong(1, line.orderId);
                if (line.authorId == null)
                {
                    statement.setNull(2, Types.BIGINT);
                }
                else
                {
                    statement.setLong(2, line.authorId);
                }
                statement.setString(3, line.kind);
                statement.setString(4, line.text);
                statement.setObject(5, line.sentAt.atOffset(ZoneOffset.UTC));
                statement.addBatch();
            }
            statement.executeBatch();
            try (ResultSet keys = statement.getGeneratedKeys())
            {
                for (final ChatMessageRow line : lines)
                {
                    if (!keys.next())
                    {
                        throw new SQLException("the database returned fewer generated ids than chat lines");
                    }
                    line.id = keys.getLong(1);
                }
            }
        }
    }
}
