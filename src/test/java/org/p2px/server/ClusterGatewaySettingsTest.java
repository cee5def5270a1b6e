package org.p2px.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.cluster.ClusterClientSettings;

/** A gateway's cluster settings: what a start in cluster mode refuses, and what it makes of good ones. */
class ClusterGatewaySettingsTest
{
    @TempDir
    Path journal;

    private record Settings(Optional<Long> gatewayId, String hosts, int portBase, String egressHost,
        Optional<String> aeronDir, Optional<String> journalDir, Duration startTimeout, Duration noticeCatchUpInterval)
        implements ClusterGatewaySettings
    {
    }

    private Settings settings(final Optional<Long> gatewayId, final Optional<String> journalDir)
    {
        return new Settings(gatewayId, "10.0.0.1,10.0.0.2,10.0.0.3", 20_000, "10.0.0.9", Optional.of("/dev/shm/gw"),
            journalDir, Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

    @Test
    void goodSettingsMakeTheClientsSettings()
    {
        final ClusterClientSettings client = settings(Optional.of(7L), Optional.of(journal.toString())).toClientSettings();
        assertEquals(7, client.gatewayId());
        assertEquals("0=10.0.0.1:20000,1=10.0.0.2:20010,2=10.0.0.3:20020", client.ingressEndpoints());
        assertEquals("10.0.0.9", client.egressHost());
        assertEquals(Path.of("/dev/shm/gw"), client.aeronDir());
        assertEquals(journal.toAbsolutePath(), client.journalDir());
    }

    @Test
    void aMissingOrOutOfRangeGatewayIdIsRefusedByName()
    {
        final Optional<String> dir = Optional.of(journal.toString());
        assertRefused(settings(Optional.empty(), dir), "set p2px.cluster.gateway-id");
        assertRefused(settings(Optional.of(0L), dir), "p2px.cluster.gateway-id must be between 1 and 2147483647");
        assertRefused(settings(Optional.of(1L << 31), dir), "p2px.cluster.gateway-id must be between 1 and 2147483647");
    }

    @Test
    void aMissingOrAbsentJournalIsRefusedByName()
    {
        assertRefused(settings(Optional.of(1L), Optional.empty()), "set p2px.cluster.journal-dir");
        assertRefused(settings(Optional.of(1L), Optional.of(journal.resolve("none").toString())),
            "start the cluster member on this host first");
    }

    private static void assertRefused(final ClusterGatewaySettings settings, final String message)
    {
        final IllegalStateException refused = assertThrows(IllegalStateException.class, settings::toClientSettings);
        assertTrue(refused.getMessage().startsWith("cluster mode: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }
}
