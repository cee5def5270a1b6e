package org.p2px.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.p2px.cluster.ClusterClientSettings;
import org.p2px.cluster.ClusterLayout;
import org.p2px.cluster.ClusterNodeSettings;

/**
 * The server's settings as a cluster gateway ({@code p2px.engine.mode=cluster}), under {@code p2px.cluster.*}:
 * the hosts and port base are the members' own settings of the same names; see docs/operations.md, "Cluster mode".
 */
@ConfigMapping(prefix = "p2px.cluster")
public interface ClusterGatewaySettings
{
    /**
     * This gateway's identity, from 1 to 2^31 - 1: the cluster de-duplicates resent commands by it, so it stays the same across
     * restarts and differs between gateways. Required in cluster mode.
     */
    Optional<Long> gatewayId();

    /** One host per member, the same list as the members'. */
    @WithDefault("localhost,localhost,localhost")
    String hosts();

    /** The members' port base: member i takes ingress on base + 10 i. */
    @WithDefault("" + ClusterNodeSettings.DEFAULT_PORT_BASE)
    int portBase();

    /** The address of this host the members answer on (the gateway's egress). */
    @WithDefault("localhost")
    String egressHost();

    /** The gateway's embedded media driver's files; by default {@code /dev/shm/p2px-gateway-<id>} or a temp dir. */
    Optional<String> aeronDir();

    /**
     * The journal of the member on this host ({@code <member dir>/journal}), which the live view and the projector
     * follow. Required in cluster mode; the member must have started once so that it exists.
     */
    Optional<String> journalDir();

    /** How long the start waits for a session to the cluster before it fails. */
    @WithDefault("PT60S")
    Duration startTimeout();

    /**
     * How often a gateway sharing its PostgreSQL database with others looks there for the chat lines and revoked API
     * keys whose notices it did not hear (docs/operations.md, "Several gateways").
     */
    @WithDefault("PT1S")
    Duration noticeCatchUpInterval();

    /** The client's settings, or a startup error that names the setting that is missing or wrong. */
    default ClusterClientSettings toClientSettings()
    {
        final long gatewayId = gatewayId().orElseThrow(() -> invalid("set p2px.cluster.gateway-id (a number above 0, "
            + "the same across restarts, different for each gateway)"));
        if (gatewayId <= 0 || gatewayId > Integer.MAX_VALUE)
        {
            throw invalid("p2px.cluster.gateway-id must be between 1 and " + Integer.MAX_VALUE + ", not " + gatewayId);
        }
        final Path journal = Path.of(journalDir().orElseThrow(() -> invalid("set p2px.cluster.journal-dir to the "
            + "journal of the cluster member on this host (<member dir>/journal)"))).toAbsolutePath();
        if (!Files.isDirectory(journal))
        {
            throw invalid("p2px.cluster.journal-dir " + journal + " is not a directory: start the cluster member on "
                + "this host first (it creates its journal), or correct the path");
        }
        final ClusterLayout layout;
        try
        {
            layout = ClusterLayout.parse(hosts(), portBase());
        }
        catch (final IllegalArgumentException ex)
        {
            throw invalid("p2px.cluster.hosts " + hosts() + ": " + ex.getMessage());
        }
        return new ClusterClientSettings(gatewayId, layout.ingressEndpoints(), egressHost(),
            aeronDir().map(Path::of).orElseGet(() -> defaultAeronDir(gatewayId)), journal);
    }

    private static Path defaultAeronDir(final long gatewayId)
    {
        final Path shm = Path.of("/dev/shm");
        final Path parent = Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return parent.resolve("p2px-gateway-" + gatewayId);
    }

    private static IllegalStateException invalid(final String message)
    {
        return new IllegalStateException("cluster mode: " + message);
    }
}
