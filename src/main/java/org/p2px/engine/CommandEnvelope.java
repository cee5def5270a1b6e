package org.p2px.engine;

import org.p2px.codec.MessageHeaderEncoder;

/**
 * Layout of a command on the inbound ring buffer: the session it came from, then the SBE command as the
 * gateway encoded it. Every command starts with correlationId and timestamp, so the engine stamps the time
 * at a fixed offset without decoding.
 * <pre>
 *   0                   8                                 8+8       8+16
 *   +-------------------+---------------------------------+---------+-----------+-------------
 *   |    session id     | SBE header (length, template..) | corr id | timestamp | fields ...
 *   +-------------------+---------------------------------+---------+-----------+-------------
 * </pre>
 */
public final class CommandEnvelope
{
    public static final int MSG_TYPE_ID = 1;
    public static final int SESSION_ID_OFFSET = 0;
    public static final int COMMAND_OFFSET = 8;
    /** Offset of the timestamp from the start of the SBE command. */
    public static final int TIMESTAMP_OFFSET_IN_COMMAND = MessageHeaderEncoder.ENCODED_LENGTH + 8;
    /** The shortest command: header, correlationId and timestamp. */
    public static final int MIN_COMMAND_LENGTH = TIMESTAMP_OFFSET_IN_COMMAND + 8;
    /** Session id of commands the engine sends itself (ticks). */
    public static final long ENGINE_SESSION = 0;

    private CommandEnvelope()
    {
    }
}
