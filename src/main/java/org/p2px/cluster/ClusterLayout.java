package org.p2px.cluster;

import java.util.Collections;
import java.util.List;

/**
 * Where the members of a cluster listen. Member {@code i} runs on {@code hosts[i]} and uses five UDP ports from
 * {@code portBase + i * PORTS_PER_MEMBER}: ingress (clients), consensus, log, catch-up and archive control, and by
 * default the next one in TCP for its metrics, so that several members fit on one host (loopback) with one base
 * port.
 */
public record ClusterLayout(List<String> hosts, int portBase)
{
    static final int PORTS_PER_MEMBER = 10;
    static final int INGRESS = 0;
    static final int CONSENSUS = 1;
    static final int LOG = 2;
    static final int CATCHUP = 3;
    static final int ARCHIVE_CONTROL = 4;
    /** TCP: the member's metrics for Prometheus. */
    static final int METRICS = 5;

    public ClusterLayout
    {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty())
        {
            throw new IllegalArgumentException("a cluster needs at least one member");
        }
    }

    /** {@code members} members on one host. */
    public static ClusterLayout onOneHost(final String host, final int members, final int portBase)
    {
        return new ClusterLayout(Collections.nCopies(members, host), portBase);
    }

    /** Parses {@code host,host,host}. */
    public static ClusterLayout parse(final String hosts, final int portBase)
    {
        return new ClusterLayout(List.of(hosts.split(",")), portBase);
    }

    public int size()
    {
        return hosts.size();
    }

    String host(final int member)
    {
        return hosts.get(member);
    }

    String endpoint(final int member, final int port)
    {
        return host(member) + ":" + port(member, port);
    }

    int port(final int member, final int port)
    {
        return portBase + member * PORTS_PER_MEMBER + port;
    }

    /** The consensus module's members string: {@code id,ingress,consensus,log,catchup,archive|...}. */
    public String clusterMembers()
    {
        final StringBuilder members = new StringBuilder();
        for (int i = 0; i < size(); i++)
        {
            members.append(i).append(',').append(endpoint(i, INGRESS)).append(',').append(endpoint(i, CONSENSUS))
                .append(',').append(endpoint(i, LOG)).append(',').append(endpoint(i, CATCHUP))
                .append(',').append(endpoint(i, ARCHIVE_CONTROL)).append('|');
        }
        members.setLength(members.length() - 1);
        return members.toString();
    }

    /** The clients' ingress endpoints: {@code 0=host:port,1=host:port,...}. */
    public String ingressEndpoints()
    {
        final StringBuilder endpoints = new StringBuilder();
        for (int i = 0; i < size(); i++)
        {
            endpoints.append(i).append('=').append(endpoint(i, INGRESS)).append(',');
        }
        endpoints.setLength(endpoints.length() - 1);
        return endpoints.toString();
    }
}
