package org.p2px.journal;

/**
 * Layout of one journal excerpt: the batch of events one command produced, with the engine's batch sequence
 * (contiguous, so a reader can see a gap) and the session the command came from (so replies can be routed).
 * Little-endian, like the SBE events it carries.
 * <pre>
 *   0                   8                   16
 *   +-------------------+-------------------+------------------------------------+
 *   |  batch sequence   |    session id     |  events: SBE messages back to back |
 *   +-------------------+-------------------+------------------------------------+
 * </pre>
 */
public final class JournalRecord
{
    public static final int BATCH_SEQUENCE_OFFSET = 0;
    public static final int SESSION_ID_OFFSET = 8;
    public static final int EVENTS_OFFSET = 16;
    public static final int HEADER_LENGTH = EVENTS_OFFSET;

    private JournalRecord()
    {
    }
}
