package org.p2px.cluster;

import java.nio.file.Path;

/**
 * A gateway's client of the cluster.
 *
 * @param gatewayId        this gateway's stable identity: the service de-duplicates resent commands per gateway id,
 *                         so it must stay the same across restarts of the gateway and differ between gateways.
 * @param ingressEndpoints the members' ingress endpoints ({@link ClusterLayout#ingressEndpoints()}).
 * @param egressHost       the address the members answer this gateway on.
 * @param aeronDir         the directory of the client's embedded media driver.
 * @param journalDir       the journal of the co-located node, which the gateway's consumers follow; null for a
 *                         gateway with no node beside it (it can send, not follow).
 */
public record ClusterClientSettings(
    long gatewayId, String ingressEndpoints, String egressHost, Path aeronDir, Path journalDir)
{
    /** Commands held for resending before the gateway answers BUSY. */
    static final int IN_FLIGHT_CAPACITY = 4096;
    /** An acknowledgement later than this sends the unacknowledged commands again (harmless: de-duplicated). */
    static final long RESEND_AFTER_MS = 1_000;
}
