package org.p2px.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.p2px.projector.OwnDatabaseProfile;

/**
 * Three cluster members in three JVMs ({@link ClusterProcesses}) for a server started as their gateway: the server's
 * configuration points at their ingress and at member 0's journal, and has a database of its own (the cluster starts
 * empty, so the read models must too). The test reaches the members through {@link #processes()}.
 */
public class ClusterMembers implements QuarkusTestResourceLifecycleManager
{
    static final long GATEWAY_ID = 1;
    /** The member beside the gateway: its journal is the one the server follows. */
    static final int GATEWAY_MEMBER = 0;
    private static final long START_TIMEOUT_MS = 30_000;

    private static volatile ClusterProcesses processes;

    /** The profile that starts the members for its test alone and runs the server in cluster mode. */
    /** A rule the gateways are configured with, other than the default (10). */
    static final int CONFIGURED_AD_EDIT_LIMIT = 11;

    public static class Profile implements QuarkusTestProfile
    {
        @Override
        public List<TestResourceEntry> testResources()
        {
            return List.of(new TestResourceEntry(ClusterMembers.class));
        }
    }

    static ClusterProcesses processes()
    {
        return processes;
    }

    @Override
    public Map<String, String> start()
    {
        try
        {
            final ClusterProcesses cluster = new ClusterProcesses(Files.createTempDirectory("p2px-cluster-gateway-"), 3);
            processes = cluster;
            cluster.startAll();
            for (int member = 0; member < 3; member++)
            {
                cluster.awaitLog(member, "p2px cluster member " + member + " started", START_TIMEOUT_MS);
            }
            awaitJournal(cluster.journal(GATEWAY_MEMBER));
            final Map<String, String> config = new HashMap<>(OwnDatabaseProfile.ownDatabase("p2px-cluster-test",
                "p2px_cluster_test"));
            config.put("p2px.engine.mode", "cluster");
            config.put("p2px.cluster.gateway-id", Long.toString(GATEWAY_ID));
            config.put("p2px.cluster.hosts", String.join(",", cluster.layout().hosts()));
            config.put("p2px.cluster.port-base", Integer.toString(cluster.layout().portBase()));
            config.put("p2px.cluster.journal-dir", cluster.journal(GATEWAY_MEMBER).toString());
            config.put("p2px.cluster.aeron-dir", cluster.aeronDir("gateway").toString());
            // Not the default: the gateway puts it in force through the cluster at start (ClusterRules).
            config.put("p2px.rules.ad-edit-limit", Integer.toString(CONFIGURED_AD_EDIT_LIMIT));
            return config;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The member creates its journal when its service starts, a moment after its process. */
    private static void awaitJournal(final Path journal) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!Files.isDirectory(journal))
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new IllegalStateException("member " + GATEWAY_MEMBER + " has no journal at " + journal);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void stop()
    {
        final ClusterProcesses cluster = processes;
        processes = null;
        if (cluster != null)
        {
            try
            {
                cluster.close();
                cluster.deleteFiles();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("stopping the cluster members", ex);
            }
        }
    }
}
