package org.p2px.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.aeron.archive.Archive;
import org.agrona.BitUtil;
import org.agrona.SystemUtil;

/**
 * A node's settings, read from system properties so that a start script can set them on the command line:
 * <ul>
 *   <li>{@code p2px.cluster.member-id} (required): this node's index in {@code hosts}, from 0;</li>
 *   <li>{@code p2px.cluster.hosts} (default {@code localhost,localhost,localhost}): one host per member;</li>
 *   <li>{@code p2px.cluster.port-base} (default 20000): member i uses UDP ports base + 10 i to base + 10 i + 4;</li>
 *   <li>{@code p2px.cluster.metrics-port} (default base + 10 i + 5; 0: none): the member's metrics, TCP;</li>
 *   <li>{@code p2px.cluster.dir} (default {@code data/cluster-node-<id>}): archive, cluster and journal files;</li>
 *   <li>{@code p2px.cluster.aeron-dir} (default {@code <dir>/aeron}; {@code /dev/shm/...} is faster);</li>
 *   <li>{@code p2px.cluster.tick-interval-ms} (default 100): how often deadlines are checked;</li>
 *   <li>{@code p2px.cluster.heartbeat-timeout-ms} (default 300): silence after which the leader is deemed dead;</li>
 *   <li>{@code p2px.cluster.snapshot-interval} (default {@code PT10M}; {@code PT0S}: never),
 *       {@code p2px.cluster.snapshots-kept} (default 3), {@code p2px.cluster.purge-log} (default false: the log is
 *       kept whole), {@code p2px.cluster.journal-retention} (default none: the journal is kept whole): see
 *       {@link ClusterRetention};</li>
 *   <li>{@code p2px.cluster.log-term-length} (default 4m) and {@code p2px.cluster.archive-segment-length} (default
 *       128m): the log's term and the archive's segment files, powers of two, the segment at least a term (the log
 *       is purged a whole segment at a time).</li>
 * </ul>
 */
public record ClusterNodeSettings(
    int memberId, ClusterLayout layout, Path dir, Path aeronDir, long tickIntervalMs, ClusterTimeouts timeouts,
    ClusterRetention retention, int logTermLength, int archiveSegmentLength, int metricsPort)
{
    public static final int DEFAULT_PORT_BASE = 20_000;
    static final int DEFAULT_LOG_TERM_LENGTH = 4 * 1024 * 1024;

    public ClusterNodeSettings
    {
        if (metricsPort < 0 || metricsPort > 65_535)
        {
            throw new IllegalArgumentException("p2px.cluster.metrics-port must be from 0 (none) to 65535");
        }
        if (!BitUtil.isPowerOfTwo(logTermLength) || logTermLength < 64 * 1024)
        {
            throw new IllegalArgumentException("p2px.cluster.log-term-length must be a power of two of 64k or more");
        }
        if (!BitUtil.isPowerOfTwo(archiveSegmentLength) || archiveSegmentLength < logTermLength)
        {
            throw new IllegalArgumentException(
                "p2px.cluster.archive-segment-length must be a power of two of at least the log's term length");
        }
    }

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
        final ClusterRetention retention = new ClusterRetention(
            duration("p2px.cluster.snapshot-interval", ClusterRetention.DEFAULT_SNAPSHOT_INTERVAL),
            Integer.getInteger("p2px.cluster.snapshots-kept", ClusterRetention.DEFAULT_SNAPSHOTS_KEPT),
            Boolean.getBoolean("p2px.cluster.purge-log"),
            Optional.ofNullable(System.getProperty("p2px.cluster.journal-retention")).map(Duration::parse));
        return new ClusterNodeSettings(member, layout, dir, aeronDir,
            Long.getLong("p2px.cluster.tick-interval-ms", 100), timeouts, retention,
            size("p2px.cluster.log-term-length", DEFAULT_LOG_TERM_LENGTH),
            size("p2px.cluster.archive-segment-length", Archive.Configuration.SEGMENT_FILE_LENGTH_DEFAULT),
            Integer.getInteger("p2px.cluster.metrics-port", layout.port(member, ClusterLayout.METRICS)));
    }

    private static Duration duration(final String name, final Duration otherwise)
    {
        final String value = System.getProperty(name);
        return value == null ? otherwise : Duration.parse(value);
    }

    /** A size in bytes, or with a k, m or g suffix. */
    private static int size(final String name, final int otherwise)
    {
        final String value = System.getProperty(name);
        return value == null ? otherwise : Math.toIntExact(SystemUtil.parseSize(name, value));
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
