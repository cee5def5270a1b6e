package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml runs the image the build tags with the server's port, data directory, health path and
 * settings; Prometheus scrapes the metrics path and loads the alert rules; Grafana finds Prometheus and the
 * dashboards where they are mounted.
 */
class ComposeFileTest
{
    /** Read by the java launcher, not by the configuration. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("JDK_JAVA_OPTIONS");
    /** Where the official images read their configuration. */
    private static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";
    private static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";

    private final Served served = new Served();
    private final JsonNode services = DeployFiles.yaml("compose.yaml").path("services");
    private final JsonNode p2px = services.path("p2px");
    private final JsonNode environment = p2px.path("environment");

    @Test
    void theServerRunsTheBuiltImageOnItsHttpPort()
    {
        assertEquals(served.latestImage(), p2px.path("image").asText());
        assertEquals(List.of(served.httpPort()), containerPorts(p2px));
    }

    @Test
    void theDataDirectoryIsAVolumeThatTheImagesUserOwns()
    {
        final String dataDir = environment.path("P2PX_ENGINE_DATA_DIR").asText();
        assertEquals(served.imageDataDir(), dataDir);
        final String volume = sourceMountedAt(p2px, dataDir);
        assertTrue(DeployFiles.yaml("compose.yaml").path("volumes").has(volume), volume + " is not a named volume");

        final JsonNode owner = services.path("p2px-data-owner");
        assertEquals(p2px.path("image"), owner.path("image"));
        assertEquals("service_completed_successfully",
            p2px.path("depends_on").path("p2px-data-owner").path("condition").asText());
        assertEquals(volume, sourceMountedAt(owner, dataDir));
        assertEquals(List.of("chown", served.imageUser() + ":" + served.imageUser(), dataDir),
            DeployFiles.strings(owner.path("entrypoint")));
    }

    @Test
    void everyEnvironmentVariableIsASettingOfTheServer()
    {
        final Set<String> variables = new TreeSet<>();
        environment.fieldNames().forEachRemaining(variables::add);
        ConfigNames.server().assertAllSetProperties("deploy/compose.yaml", variables, LAUNCHER_VARIABLES);
    }

    @Test
    void theHealthCheckAsksTheReadinessPathOnTheHttpPort()
    {
        final List<String> test = DeployFiles.strings(p2px.path("healthcheck").path("test"));
        // The script's arguments: its name, the port, the path.
        assertEquals(List.of(String.valueOf(served.httpPort()), served.readinessPath()),
            test.subList(test.size() - 2, test.size()));
    }

    @Test
    void theServerStopsAsLateAsOnKubernetes()
    {
        assertEquals(DeployFiles.stopGraceSeconds() + "s", p2px.path("stop_grace_period").asText());
    }

    @Test
    void theServerUsesTheComposedPostgres()
    {
        final URI url = URI.create(environment.path("P2PX_DB_URL").asText().substring("jdbc:".length()));
        final JsonNode postgres = services.path(url.getHost());
        assertTrue(postgres.path("image").asText().startsWith("postgres:15"),
            url.getHost() + " runs " + postgres.path("image"));
        assertEquals("/" + postgres.path("environment").path("POSTGRES_DB").asText(), url.getPath());
        assertEquals(postgres.path("environment").path("POSTGRES_USER").asText(),
            environment.path("P2PX_DB_USERNAME").asText());
        assertEquals(postgres.path("environment").path("POSTGRES_PASSWORD"), environment.path("P2PX_DB_PASSWORD"));
        assertEquals("service_healthy", p2px.path("depends_on").path(url.getHost()).path("condition").asText());
    }

    @Test
    void prometheusScrapesTheMetricsPathAndLoadsTheAlertRules()
    {
        final JsonNode prometheus = services.path("prometheus");
        assertEquals("./prometheus/prometheus.yml", sourceMountedAt(prometheus, PROMETHEUS_CONFIG));
        final JsonNode config = DeployFiles.yaml("prometheus/prometheus.yml");
        final JsonNode job = config.path("scrape_configs").get(0);
        assertEquals(served.metricsPath(), job.path("metrics_path").asText());
        assertEquals(List.of("p2px:" + served.httpPort()),
            DeployFiles.strings(job.path("static_configs").get(0).path("targets")));
        // The rules are the metrics work's file, deploy/prometheus/alerts.yml.
        assertEquals(List.of("./prometheus/alerts.yml"),
            DeployFiles.strings(config.path("rule_files")).stream().map(file -> sourceMountedAt(prometheus, file)).toList());
    }

    @Test
    void grafanaFindsPrometheusAndTheDashboards()
    {
        final JsonNode grafana = services.path("grafana");
        assertEquals("./grafana/provisioning", sourceMountedAt(grafana, GRAFANA_PROVISIONING));
        assertTrue(Files.isDirectory(DeployFiles.DEPLOY.resolve("grafana/provisioning/datasources")));

        final JsonNode datasource =
            DeployFiles.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0);
        final URI url = URI.create(datasource.path("url").asText());
        assertEquals(List.of(url.getPort()), containerPorts(services.path(url.getHost())));

        final JsonNode provider = DeployFiles.yaml("grafana/provisioning/dashboards/p2px.yml").path("providers").get(0);
        assertEquals("./grafana/dashboards", sourceMountedAt(grafana, provider.path("options").path("path").asText()));
    }

    private static List<Integer> containerPorts(final JsonNode service)
    {
        return DeployFiles.strings(service.path("ports")).stream()
            .map(mapping -> Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)))
            .toList();
    }

    /** The source (volume or host path) of the service's short-syntax mount at target. */
    private static String sourceMountedAt(final JsonNode service, final String target)
    {
        for (final String mount : DeployFiles.strings(service.path("volumes")))
        {
            final String[] parts = mount.split(":");
            if (parts[1].equals(target))
            {
                return parts[0];
            }
        }
        throw new AssertionError("nothing is mounted at " + target);
    }
}
