package org.p2px.cluster;

import java.nio.file.Path;

/**
 * A node's settings, read from system properties so that a start script can set them on the command line:
 * <ul>
 *   <li>{@code p2px.cluster.member-id} (required): this node's index in {@code hosts}, from 0;</li>
 *   <li>{@code p2px.cluster.hosts} (default {@code localhost,localhost,localhost}): one host per member;</li>
 *   <li>{@code p2px.cluster.port-base} (default 20000): member i uses ports base + 10 i to base + 10 i + 4;</li>
 *   <li>{@code p2px.cluster.dir} (default {@code data/cluster-node-<id>}): archive, cluster and journal files;</li>
 *   <li>{@code p2px.cluster.aeron-dir} (default {@code <dir>/aeron}; {@code /dev/shm/...} is faster);</li>
 *   <li>{@code p2px.cluster.tick-interval-ms} (default 100): how often deadlines are checked;</li>
 *   <li>{@code p2px.cluster.heartbeat-timeout-ms} (default 300): silence after which the leader is deemed dead.</li>
 * </ul>
 */
public record ClusterNodeSettings(
    int memberId, ClusterLayout layout, Path dir, Path aeronDir, long tickIntervalMs, ClusterTimeouts timeouts)
{
    public static final int DEFAULT_PORT_BASE = 20_000;

    public static ClusterNodeSettings fromSystemProperties()
    {
        final int member = Integer.parseInt(required("p2px.cluster.member-id"));
        final ClusterLayout layout = ClusterLayout.parse(System.getProperty("p2px.cluster.hosts",
            "localhost,localhost,localhost"), Integer.getInteger("p2px.cluster.port-base", DEFAULT_PORT_BASE));
        final Path dir = Path.of(System.getProperty("p2px.cluster.dir", "data/cluster-node-" + member));
        final Path aeronDir = Path.of(System.getProperty("p2px.cluster.aeron-dir", ClusterNode.defaultAeronDir(dir).toString()));
        final ClusterTimeouts fast = ClusterTimeouts.fastFailover();
        final ClusterTimeouts timeouts = new ClusterTimeouts(
            Long.getLong("p2px.cluster.heartbeat-timeout-ms", fast.leaderHeartbeatTimeoutMs()),
            fast.leaderHeartbeatIntervalMs(), fast.electionTimeoutMs(), fast.sessionTimeoutMs(), fast.maxParkMicros());
        if (member < 0 || member >= layout.size())
        {
            throw new IllegalArgumentException("p2px.cluster.member-id " + member + " is not one of the " +
                layout.size() + " hosts");
        }
        return new ClusterNodeSettings(member, layout, dir, aeronDir, Long.getLong("p2px.cluster.tick-interval-ms", 100),
            timeouts);
    }

    private static String required(final String name)
    {
        final String value = System.getProperty(name);
        if (value == null)
        {
            throw new IllegalArgumentException("set -D" + name);
        }
        return value;
    }
}
