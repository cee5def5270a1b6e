package org.p2px.cluster;

/**
 * Layout of a command on the cluster's ingress: who sent it (a gateway's stable id, not its Aeron session, which
 * changes on reconnect), that gateway's sequence number for it, the engine session the answer belongs to, then the
 * SBE command exactly as it travels on the embedded engine's ring buffer.
 * <pre>
 *   0            8                  16           24
 *   +------------+------------------+------------+---------------------------------------------
 *   | gateway id | gateway sequence | session id | SBE header, correlationId, timestamp, fields ...
 *   +------------+------------------+------------+---------------------------------------------
 * </pre>
 * The gateway sequence counts up by one per command from 1, in the order the gateway sends them; the service
 * applies a command only if its sequence is above the highest it applied for that gateway, so a resend after a
 * leader change is never applied twice.
 *
 * <p>The egress answer is {@code [gateway id][highest sequence applied for it]}: cumulative, so a lost answer is made
 * good by the next one.
 */
public final class IngressEnvelope
{
    public static final int GATEWAY_ID_OFFSET = 0;
    public static final int GATEWAY_SEQUENCE_OFFSET = 8;
    public static final int SESSION_ID_OFFSET = 16;
    public static final int COMMAND_OFFSET = 24;

    public static final int ACK_GATEWAY_ID_OFFSET = 0;
    public static final int ACK_HIGHEST_APPLIED_OFFSET = 8;
    public static final int ACK_LENGTH = 16;

    private IngressEnvelope()
    {
    }
}
