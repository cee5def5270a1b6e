package org.p2px.cluster;

import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

/**
 * The thread that owns a gateway's {@link AeronCluster} session (it is not thread-safe). It connects (and connects
 * again when the session is lost), learns from the cluster the highest sequence it applied for this gateway, moves
 * the commands callers offered from the inbound ring buffer into {@link InFlightCommands} with the next sequence,
 * sends them, and drops them when the cluster acknowledges them on egress. After a new leader, or an
 * acknowledgement overdue, it sends every unacknowledged command again, oldest first; the service applies none
 * twice.
 */
final class ClusterClientAgent implements Agent, EgressListener, MessageHandler
{
    private static final System.Logger LOG = System.getLogger(ClusterClientAgent.class.getName());

    private static final long KEEP_ALIVE_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ClusterClientSettings settings;
    private final Aeron aeron;
    private final ManyToOneRingBuffer inbound;
    private final InFlightCommands inFlight;
    private final UnsafeBuffer hello = new UnsafeBuffer(new byte[IngressEnvelope.COMMAND_OFFSET]);
    private AeronCluster.AsyncConnect connecting;
    private AeronCluster cluster;
    private boolean synced;
    private boolean helloSent;
    private long lastSequence;
    private long highestAcknowledged;
    private long lastProgressNs = System.nanoTime();
    private long lastSentNs;
    private volatile boolean connected;
    private volatile int leaderMemberId = -1;
    private volatile long acknowledged;

    ClusterClientAgent(final ClusterClientSettings settings, final Aeron aeron, final ManyToOneRingBuffer inbound)
    {
        this.settings = settings;
        this.aeron = aeron;
        this.inbound = inbound;
        this.inFlight = new InFlightCommands(ClusterClientSettings.IN_FLIGHT_CAPACITY,
            IngressEnvelope.SESSION_ID_OFFSET + inbound.maxMsgLength());
        hello.putLong(IngressEnvelope.GATEWAY_ID_OFFSET, settings.gatewayId());
    }

    @Override
    public String roleName()
    {
        return "p2px-cluster-client";
    }

    @Override
    public int doWork()
    {
        if (cluster == null || cluster.isClosed())
        {
            return connect();
        }
        int work = cluster.pollEgress();
        if (!synced)
        {
            if (!helloSent)
            {
                helloSent = cluster.offer(hello, 0, hello.capacity()) > 0;
            }
            return work;
        }
        if (inFlight.free() > 0)
        {
            work += inbound.read(this, Math.min(inFlight.free(), 256));
        }
        work += send();
        resendIfOverdue();
        keepAlive();
        return work;
    }

    private int connect()
    {
        connected = false;
        if (cluster != null)
        {
            cluster.close();
            cluster = null;
            inFlight.rewind();
            helloSent = false; // a session that is not synced yet says hello again
        }
        try
        {
            if (connecting == null)
            {
                connecting = AeronCluster.asyncConnect(new AeronCluster.Context()
                    .aeron(aeron)
                    .ownsAeronClient(false)
                    .ingressChannel("aeron:udp?term-length=4m")
                    .ingressEndpoints(settings.ingressEndpoints())
                    .egressChannel("aeron:udp?term-length=4m|endpoint=" + settings.egressHost() + ":0")
                    .messageTimeoutNs(TimeUnit.SECONDS.toNanos(2))
                    .egressListener(this));
            }
            cluster = connecting.poll();
        }
        catch (final AeronException ex)
        {
            LOG.log(System.Logger.Level.DEBUG, "cluster not reachable yet: {0}", ex.toString());
            connecting.close();
            connecting = null;
            cluster = null;
        }
        if (cluster != null)
        {
            connecting = null;
        }
        if (cluster != null)
        {
            leaderMemberId = cluster.leaderMemberId();
            connected = synced; // a first session is connected once the cluster told where this gateway stands
            LOG.log(System.Logger.Level.INFO, "gateway {0} connected to the cluster, leader member {1}",
                settings.gatewayId(), leaderMemberId);
            return 1;
        }
        return 0;
    }

    private int send()
    {
        int sent = 0;
        while (inFlight.hasUnsent())
        {
            if (cluster.offer(inFlight.nextBuffer(), 0, inFlight.nextLength()) < 0)
            {
                break; // back-pressure or no leader: held, sent later
            }
            inFlight.sent();
            lastSentNs = System.nanoTime();
            sent++;
        }
        return sent;
    }

    /** A session that sends nothing for the cluster's session timeout is closed: an idle gateway says it is there. */
    private void keepAlive()
    {
        final long now = System.nanoTime();
        if (now - lastSentNs > KEEP_ALIVE_NS && cluster.sendKeepAlive())
        {
            lastSentNs = now;
        }
    }

    private void resendIfOverdue()
    {
        final long now = System.nanoTime();
        if (inFlight.isEmpty())
        {
            lastProgressNs = now;
        }
        else if (now - lastProgressNs > TimeUnit.MILLISECONDS.toNanos(ClusterClientSettings.RESEND_AFTER_MS))
        {
            lastProgressNs = now;
            inFlight.rewind();
        }
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        inFlight.add(settings.gatewayId(), ++lastSequence, buffer, index, length);
    }

    @Override
    public void onMessage(
        final long clusterSessionId, final long timestamp, final DirectBuffer buffer, final int offset, final int length,
        final Header header)
    {
        if (length < IngressEnvelope.ACK_LENGTH ||
            buffer.getLong(offset + IngressEnvelope.ACK_GATEWAY_ID_OFFSET) != settings.gatewayId())
        {
            return;
        }
        final long highest = buffer.getLong(offset + IngressEnvelope.ACK_HIGHEST_APPLIED_OFFSET);
        if (!synced)
        {
            // A gateway that restarted goes on after the last sequence the cluster applied for it.
            lastSequence = Math.max(lastSequence, highest);
            synced = true;
            connected = true;
            LOG.log(System.Logger.Level.INFO, "gateway {0} resumes after sequence {1}", settings.gatewayId(), highest);
        }
        if (highest > highestAcknowledged)
        {
            highestAcknowledged = highest;
            acknowledged = highest;
            inFlight.acknowledge(highest);
            lastProgressNs = System.nanoTime();
        }
    }

    @Override
    public void onNewLeader(
        final long clusterSessionId, final long leadershipTermId, final int leaderMemberId, final String ingressEndpoints)
    {
        LOG.log(System.Logger.Level.INFO, "gateway {0}: new leader member {1}, resending {2} commands",
            settings.gatewayId(), leaderMemberId, inFlight.size());
        this.leaderMemberId = leaderMemberId;
        inFlight.rewind();
    }

    /** Whether a session to the cluster is open and this gateway knows its next sequence: commands can flow. */
    boolean connected()
    {
        return connected;
    }

    int leaderMemberId()
    {
        return leaderMemberId;
    }

    /** The highest gateway sequence the cluster acknowledged. */
    long acknowledged()
    {
        return acknowledged;
    }

    @Override
    public void onClose()
    {
        if (connecting != null)
        {
            connecting.close();
        }
        if (cluster != null)
        {
            cluster.close();
        }
    }
}
