package org.p2px.engine;

/**
 * Layout of a batch on the outbound broadcast buffer: the journal record plus its journal index, so that a
 * consumer that falls behind knows where to resume reading the journal.
 * <pre>
 *   0                   8                   16                  24
 *   +-------------------+-------------------+-------------------+-----------------------------+
 *   |  batch sequence   |   journal index   |    session id     |  events (SBE, back to back) |
 *   +-------------------+-------------------+-------------------+-----------------------------+
 * </pre>
 * A NOTICE record has the same layout with batch sequence and journal index 0: an answer that was not
 * journaled because nothing changed and the engine could not decide (SERVICE_UNAVAILABLE), for the session only.
 */
public final class EventRecord
{
    public static final int BATCH_MSG_TYPE_ID = 1;
    public static final int NOTICE_MSG_TYPE_ID = 2;
    public static final int BATCH_SEQUENCE_OFFSET = 0;
    public static final int JOURNAL_INDEX_OFFSET = 8;
    public static final int SESSION_ID_OFFSET = 16;
    public static final int EVENTS_OFFSET = 24;

    private EventRecord()
    {
    }
}
